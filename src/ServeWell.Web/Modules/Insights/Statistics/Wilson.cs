namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>
/// The Wilson score interval of a binomial proportion: unlike p̂ ± z·√(p̂(1−p̂)/n) it stays inside 0..1 and is wide
/// for small samples, so its lower bound is an honest "at least this share" to rank by.
/// </summary>
public static class Wilson
{
    /// <summary>Confidence used when none is given.</summary>
    public const double DefaultConfidence = 0.95;

    private const double Z95 = 1.959963984540054;

    /// <summary>
    /// The lower bound of the two-sided Wilson interval for <paramref name="successes"/> out of <paramref name="trials"/>
    /// at <paramref name="confidence"/> (0 &lt; c &lt; 1). 0 without trials: no evidence of any share.
    /// </summary>
    public static double LowerBound(long successes, long trials, double confidence = DefaultConfidence) =>
        Interval(successes, trials, confidence).Lower;

    /// <summary>The two-sided Wilson interval; (0, 1) without trials.</summary>
    public static (double Lower, double Upper) Interval(long successes, long trials, double confidence = DefaultConfidence) =>
        IntervalAtZ(successes, trials, Z(confidence));

    /// <summary>The two-sided normal quantile for <paramref name="confidence"/>: 1.959964 for 95 %.</summary>
    public static double Z(double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(confidence, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(confidence, 1);
        // The default is asked for on every row of a ranking; a quantile costs a bisection.
        return confidence == DefaultConfidence ? Z95 : Distributions.NormalQuantile(1 - ((1 - confidence) / 2));
    }

    /// <summary>The Wilson interval at a given two-sided <paramref name="z"/> (see <see cref="Z"/>), for ranking many rows at one confidence.</summary>
    public static (double Lower, double Upper) IntervalAtZ(long successes, long trials, double z)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        ArgumentOutOfRangeException.ThrowIfNegative(z);
        if (trials == 0)
        {
            return (0, 1);
        }

        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = p + (z2 / (2 * n));
        var spread = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var denominator = 1 + (z2 / n);
        // At p̂ = 0 or 1 the bound is exactly 0 or 1 in theory; rounding would leave ±1e-17 and break ties between services.
        var lower = successes == 0 ? 0 : Math.Max(0, (centre - spread) / denominator);
        var upper = successes == trials ? 1 : Math.Min(1, (centre + spread) / denominator);
        return (lower, upper);
    }
}
