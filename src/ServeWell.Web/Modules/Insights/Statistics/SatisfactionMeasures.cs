namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>
/// The headline figures of a set of answers. The shares are fractions 0..1 (the page shows percentages); the index is
/// the mean of (score − 1) × 25, so 0 = everyone answered 1 and 100 = everyone answered 5. All three are null when there
/// are no answers: "no data" is not 0 %.
/// </summary>
public sealed record SatisfactionMeasures(long Answers, double? SatisfiedShare, double? DissatisfiedShare, double? Index)
{
    /// <summary>The 0–100 value of one overall score 1..5.</summary>
    public static double IndexOf(int score) =>
        score is >= 1 and <= 5 ? (score - 1) * 25.0 : throw new ArgumentOutOfRangeException(nameof(score), score, "A score is 1..5.");

    /// <summary>The measures of the answers counted in <paramref name="histogram"/>.</summary>
    public static SatisfactionMeasures From(ScoreHistogram histogram)
    {
        var n = histogram.Count;
        if (n == 0)
        {
            return new SatisfactionMeasures(0, null, null, null);
        }

        return new SatisfactionMeasures(
            n,
            (double)histogram.Satisfied / n,
            (double)histogram.Dissatisfied / n,
            histogram.IndexMoments().Mean);
    }
}
