namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>One office's index in one month, as a rollup gives it.</summary>
public sealed record OfficeMonth(int OfficeId, DateOnly Month, Moments Index);

/// <summary>Plain-language cautions shown beside a training-impact estimate; labels are <c>DidCaution:{name}</c> in SharedResource.</summary>
public enum DidCaution
{
    /// <summary>Always shown: this compares offices, it is evidence and not proof.</summary>
    EvidenceNotProof,

    /// <summary>An arm has fewer than two offices: no standard error or interval can be given.</summary>
    TooFewOffices,

    /// <summary>An arm has fewer than <see cref="DifferenceInDifferences.FewOfficesThreshold"/> offices: the interval is rough.</summary>
    FewOffices,

    /// <summary>Every office in both arms moved by exactly the same amount: a zero standard error would claim false certainty.</summary>
    NoVariation,

    /// <summary>The confidence interval includes zero: no change can be told apart from chance.</summary>
    IntervalIncludesZero,
}

/// <summary>Choices for <see cref="DifferenceInDifferences.Estimate"/>.</summary>
public sealed record DidOptions
{
    /// <summary>An office counts only with at least this many answers both before and after (default 5, as the minimum group size).</summary>
    public long MinimumAnswersPerPeriod { get; init; } = 5;

    /// <summary>Confidence of the interval.</summary>
    public double Confidence { get; init; } = 0.95;
}

/// <summary>The offices of one arm (trained or not yet trained): how many, how many answers, and the mean office index before and after.</summary>
public sealed record DidArm(int Offices, long AnswersBefore, long AnswersAfter, double? MeanBefore, double? MeanAfter)
{
    /// <summary>MeanAfter − MeanBefore, null without offices.</summary>
    public double? Change => MeanAfter - MeanBefore;
}

/// <summary>
/// A difference-in-differences estimate of the change in the 0–100 index that training brought.
/// <see cref="Estimate"/>, <see cref="StandardError"/> and the interval are null when they cannot be computed; the
/// cautions say why, and always include <see cref="DidCaution.EvidenceNotProof"/>.
/// </summary>
public sealed record DidResult(
    DidArm Treated,
    DidArm Control,
    int OfficesExcluded,
    double? Estimate,
    double? StandardError,
    double? DegreesOfFreedom,
    double? ConfidenceLow,
    double? ConfidenceHigh,
    double? PValue,
    double Confidence,
    IReadOnlyList<DidCaution> Cautions)
{
    /// <summary>The resource keys of <see cref="Cautions"/>, in order.</summary>
    public IEnumerable<string> CautionKeys => Cautions.Select(DifferenceInDifferences.CautionKey);
}

/// <summary>
/// Training impact (Kirkpatrick level 4) as a difference in differences: how much more the index of trained offices
/// moved between the months before and after than that of offices not yet trained.
/// The office is the unit (training is given to an office's staff, and answers within an office are not independent):
/// each office's before and after means are computed from its cells, an office counts only with enough answers in both
/// periods, the arm means are plain means over offices, so the estimate equals mean(treated office changes) − mean(control
/// office changes), and its standard error is Welch's over office changes, with a Student-t interval on
/// Welch–Satterthwaite degrees of freedom.
/// </summary>
public static class DifferenceInDifferences
{
    /// <summary>Below this many offices in an arm the interval is flagged as rough.</summary>
    public const int FewOfficesThreshold = 5;

    /// <summary>The SharedResource key of a caution's text (English and Korean).</summary>
    public static string CautionKey(DidCaution caution) => "DidCaution:" + caution;

    /// <summary>
    /// Estimates the effect from per-office-month cells: months before <paramref name="firstMonthAfter"/> are "before",
    /// the others "after"; offices in <paramref name="treatedOffices"/> are treated, all others the control arm. The caller
    /// chooses the window (e.g. six months either side, leaving out the month training ended).
    /// </summary>
    public static DidResult Estimate(
        IEnumerable<OfficeMonth> cells,
        IReadOnlySet<int> treatedOffices,
        DateOnly firstMonthAfter,
        DidOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(treatedOffices);
        options ??= new DidOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Confidence, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.Confidence, 1);

        var offices = cells
            .GroupBy(c => c.OfficeId)
            .Select(g => new Office(
                g.Key,
                treatedOffices.Contains(g.Key),
                g.Where(c => c.Month < firstMonthAfter).Aggregate(default(Moments), (m, c) => m + c.Index),
                g.Where(c => c.Month >= firstMonthAfter).Aggregate(default(Moments), (m, c) => m + c.Index)))
            .ToList();
        var min = Math.Max(1, options.MinimumAnswersPerPeriod);
        var kept = offices.Where(o => o.Before.Count >= min && o.After.Count >= min).ToList();
        var treated = kept.Where(o => o.Treated).ToList();
        var control = kept.Where(o => !o.Treated).ToList();

        var cautions = new List<DidCaution> { DidCaution.EvidenceNotProof };
        var treatedArm = Arm(treated);
        var controlArm = Arm(control);
        var estimate = treatedArm.Change - controlArm.Change;

        if (treated.Count < 2 || control.Count < 2)
        {
            cautions.Add(DidCaution.TooFewOffices);
            return new DidResult(treatedArm, controlArm, offices.Count - kept.Count, estimate, null, null, null, null, null, options.Confidence, cautions);
        }

        if (treated.Count < FewOfficesThreshold || control.Count < FewOfficesThreshold)
        {
            cautions.Add(DidCaution.FewOffices);
        }

        var treatedChanges = Moments.Of(treated.Select(o => o.Change));
        var controlChanges = Moments.Of(control.Select(o => o.Change));
        var seT2 = treatedChanges.Variance!.Value / treatedChanges.Count;
        var seC2 = controlChanges.Variance!.Value / controlChanges.Count;
        var se = Math.Sqrt(seT2 + seC2);
        double? low = null, high = null, p = null, df = null;
        if (se > 0)
        {
            df = ChangeTests.WelchDegreesOfFreedom(seT2, treatedChanges.Count, seC2, controlChanges.Count);
            var t = Distributions.StudentTQuantile(1 - ((1 - options.Confidence) / 2), df.Value);
            low = estimate - (t * se);
            high = estimate + (t * se);
            p = Distributions.StudentTTwoSidedP(estimate!.Value / se, df.Value);
            if (low <= 0 && high >= 0)
            {
                cautions.Add(DidCaution.IntervalIncludesZero);
            }
        }
        else
        {
            cautions.Add(DidCaution.NoVariation);
        }

        return new DidResult(treatedArm, controlArm, offices.Count - kept.Count, estimate, se > 0 ? se : null, df, low, high, p, options.Confidence, cautions);
    }

    private static DidArm Arm(List<Office> offices) => offices.Count == 0
        ? new DidArm(0, 0, 0, null, null)
        : new DidArm(
            offices.Count,
            offices.Sum(o => o.Before.Count),
            offices.Sum(o => o.After.Count),
            offices.Average(o => o.Before.Mean!.Value),
            offices.Average(o => o.After.Mean!.Value));

    private sealed record Office(int Id, bool Treated, Moments Before, Moments After)
    {
        public double Change => After.Mean!.Value - Before.Mean!.Value;
    }
}
