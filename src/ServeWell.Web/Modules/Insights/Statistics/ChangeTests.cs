namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>Tests of a change between two periods, fed by rollup sums so no answer is read.</summary>
public static class ChangeTests
{
    /// <summary>
    /// Two-sided two-proportion z-test of <paramref name="successesA"/>/<paramref name="trialsA"/> against
    /// <paramref name="successesB"/>/<paramref name="trialsB"/>, with the pooled share in the standard error.
    /// Positive z means A's share is higher. Not computable when a period has no answers or the pooled share is 0 or 1.
    /// </summary>
    public static SignificanceTest TwoProportion(long successesA, long trialsA, long successesB, long trialsB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successesA);
        ArgumentOutOfRangeException.ThrowIfNegative(successesB);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successesA, trialsA);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successesB, trialsB);
        if (trialsA == 0 || trialsB == 0)
        {
            return SignificanceTest.NotComputable(SignificanceTest.TwoProportionZ);
        }

        var pooled = (double)(successesA + successesB) / (trialsA + trialsB);
        var variance = pooled * (1 - pooled) * ((1.0 / trialsA) + (1.0 / trialsB));
        if (variance <= 0)
        {
            return SignificanceTest.NotComputable(SignificanceTest.TwoProportionZ);
        }

        var z = (((double)successesA / trialsA) - ((double)successesB / trialsB)) / Math.Sqrt(variance);
        return new SignificanceTest(SignificanceTest.TwoProportionZ, z, Distributions.NormalTwoSidedP(z), null, true);
    }

    /// <summary>
    /// Two-sided Welch's t-test of mean(A) against mean(B) from counts, sums and sums of squares, with
    /// Welch–Satterthwaite degrees of freedom. Positive t means A's mean is higher. Not computable when a period has
    /// fewer than two values or neither varies.
    /// </summary>
    public static SignificanceTest Welch(Moments a, Moments b)
    {
        if (a.Variance is not { } va || b.Variance is not { } vb)
        {
            return SignificanceTest.NotComputable(SignificanceTest.WelchT);
        }

        var sa = va / a.Count;
        var sb = vb / b.Count;
        var se2 = sa + sb;
        if (se2 <= 0)
        {
            return SignificanceTest.NotComputable(SignificanceTest.WelchT);
        }

        var t = (a.Mean!.Value - b.Mean!.Value) / Math.Sqrt(se2);
        var df = WelchDegreesOfFreedom(sa, a.Count, sb, b.Count);
        return new SignificanceTest(SignificanceTest.WelchT, t, Distributions.StudentTTwoSidedP(t, df), df, true);
    }

    /// <summary>Satisfaction share (4–5) and the 0–100 index of <paramref name="current"/> against <paramref name="previous"/>.</summary>
    public static PeriodChange Compare(ScoreHistogram current, ScoreHistogram previous)
    {
        var now = current.Measures();
        var before = previous.Measures();
        return new PeriodChange(
            now,
            before,
            now.SatisfiedShare - before.SatisfiedShare,
            now.Index - before.Index,
            TwoProportion(current.Satisfied, current.Count, previous.Satisfied, previous.Count),
            Welch(current.IndexMoments(), previous.IndexMoments()));
    }

    /// <summary>ν = (s²a/na + s²b/nb)² / ((s²a/na)²/(na−1) + (s²b/nb)²/(nb−1)), given the two s²/n terms.</summary>
    internal static double WelchDegreesOfFreedom(double seA2, long nA, double seB2, long nB)
    {
        var denominator = (seA2 * seA2 / (nA - 1)) + (seB2 * seB2 / (nB - 1));
        return denominator <= 0 ? nA + nB - 2 : (seA2 + seB2) * (seA2 + seB2) / denominator;
    }
}

/// <summary>
/// A period against the one it is compared with (the same month a year before, or the previous month): both sets of
/// measures, the changes (null when either period has no answers) and the test of each change.
/// </summary>
public sealed record PeriodChange(
    SatisfactionMeasures Current,
    SatisfactionMeasures Previous,
    double? SatisfiedShareChange,
    double? IndexChange,
    SignificanceTest SatisfiedShareTest,
    SignificanceTest IndexTest);
