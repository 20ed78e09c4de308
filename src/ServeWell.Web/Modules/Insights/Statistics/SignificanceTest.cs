namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>
/// The outcome of a test of "the two periods differ". <see cref="Test"/> names it for the page
/// (<see cref="TwoProportionZ"/> or <see cref="WelchT"/>). When the data cannot support the test (too few answers,
/// no variation) <see cref="Computable"/> is false, the statistic is 0 and the p-value 1: never significant, never NaN.
/// </summary>
public sealed record SignificanceTest(string Test, double Statistic, double PValue, double? DegreesOfFreedom, bool Computable)
{
    /// <summary>Name of the two-proportion z-test (pooled standard error).</summary>
    public const string TwoProportionZ = "two-proportion z-test";

    /// <summary>Name of Welch's unequal-variances t-test.</summary>
    public const string WelchT = "Welch's t-test";

    /// <summary>The significance level used when none is given.</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>True when computable and p &lt; <paramref name="alpha"/>.</summary>
    public bool IsSignificant(double alpha = DefaultAlpha) => Computable && PValue < alpha;

    internal static SignificanceTest NotComputable(string test) => new(test, 0, 1, null, false);
}
