namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>How the most problematic services are ranked; the page names the one used.</summary>
public enum RankingMeasure
{
    /// <summary>The Wilson lower bound of the dissatisfied share: "at least this share is unhappy", at the chosen confidence.</summary>
    WilsonLowerBound,

    /// <summary>The dissatisfied share shrunk toward the overall share (beta-binomial posterior mean).</summary>
    BayesianShrinkage,
}

/// <summary>One service's answers in the period ranked and in the period it is compared with.</summary>
/// <param name="ServiceId">The service.</param>
/// <param name="Current">Overall scores in the period ranked.</param>
/// <param name="Previous">Overall scores in the comparison period (empty when there is none).</param>
/// <param name="CitizensServed">Citizens served in the period, when known; the extent is then scaled to them instead of to the answers.</param>
public sealed record ServiceScores(int ServiceId, ScoreHistogram Current, ScoreHistogram Previous, long? CitizensServed = null);

/// <summary>Choices for <see cref="ProblemServices.Rank"/>.</summary>
public sealed record ProblemRankingOptions
{
    /// <summary>The measure ranked by; Wilson by default.</summary>
    public RankingMeasure Measure { get; init; } = RankingMeasure.WilsonLowerBound;

    /// <summary>Confidence of the Wilson bound (0..1).</summary>
    public double Confidence { get; init; } = Wilson.DefaultConfidence;

    /// <summary>Prior strength in pseudo-answers for shrinkage; null estimates it from the services (empirical Bayes).</summary>
    public double? PriorStrength { get; init; }
}

/// <summary>A ranked service.</summary>
/// <param name="Score">The value ranked by (Wilson lower bound or shrunk share), 0..1.</param>
/// <param name="Answers">Answers in the period (the sample size).</param>
/// <param name="Dissatisfied">Answers of 1 or 2.</param>
/// <param name="DissatisfiedShare">The raw share Dissatisfied / Answers.</param>
/// <param name="EstimatedShare">The best estimate of the service's true dissatisfied share: the shrunk share under shrinkage, the raw share under Wilson (the bound ranks; it does not estimate).</param>
/// <param name="EstimatedDissatisfied">The extent: EstimatedShare × (citizens served, when known, else answers).</param>
/// <param name="PreviousDissatisfiedShare">The raw share in the comparison period, null without answers there.</param>
/// <param name="DissatisfiedShareChange">Current minus previous raw share, null without a comparison.</param>
/// <param name="ChangeTest">Two-proportion z-test of the dissatisfied share against the comparison period.</param>
public sealed record ProblemService(
    int ServiceId,
    RankingMeasure Measure,
    double Score,
    long Answers,
    long Dissatisfied,
    double DissatisfiedShare,
    double EstimatedShare,
    double EstimatedDissatisfied,
    double? PreviousDissatisfiedShare,
    double? DissatisfiedShareChange,
    SignificanceTest ChangeTest);

/// <summary>The ranking, worst first, with what it was computed from.</summary>
/// <param name="OverallShare">The pooled dissatisfied share of all services ranked (the shrinkage target); null without answers.</param>
/// <param name="Confidence">The Wilson confidence, when ranked by Wilson.</param>
/// <param name="PriorStrength">The prior strength used, when ranked by shrinkage.</param>
public sealed record ProblemRanking(
    RankingMeasure Measure,
    double? OverallShare,
    double? Confidence,
    double? PriorStrength,
    IReadOnlyList<ProblemService> Services);

/// <summary>
/// Ranks services by dissatisfaction with small-sample honesty: a service with three answers, two unhappy, has a raw
/// share of 67 % but a Wilson lower bound of 21 % and, shrunk toward a 10 % overall share, ~17 % — so it does not top
/// a service with 800 answers of which 30 % are unhappy.
/// </summary>
public static class ProblemServices
{
    /// <summary>Ranks the services that have answers in the current period, worst first (ties: more answers first, then id).</summary>
    public static ProblemRanking Rank(IEnumerable<ServiceScores> services, ProblemRankingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        options ??= new ProblemRankingOptions();
        var rows = services.Where(s => s.Current.Count > 0).ToList();
        long answers = rows.Sum(s => s.Current.Count), dissatisfied = rows.Sum(s => s.Current.Dissatisfied);
        double? overall = answers == 0 ? null : (double)dissatisfied / answers;

        double? strength = null;
        Func<ServiceScores, double> score;
        Func<ServiceScores, double> estimate = s => (double)s.Current.Dissatisfied / s.Current.Count;
        if (options.Measure == RankingMeasure.BayesianShrinkage)
        {
            var m = options.PriorStrength
                    ?? BetaBinomialShrinkage.EstimatePriorStrength(rows.Select(s => (s.Current.Dissatisfied, s.Current.Count)).ToList());
            strength = m;
            score = s => BetaBinomialShrinkage.Shrink(s.Current.Dissatisfied, s.Current.Count, overall ?? 0, m);
            estimate = score;
        }
        else
        {
            var z = Wilson.Z(options.Confidence);
            score = s => Wilson.IntervalAtZ(s.Current.Dissatisfied, s.Current.Count, z).Lower;
        }

        var ranked = rows
            .Select(s =>
            {
                var share = (double)s.Current.Dissatisfied / s.Current.Count;
                double? previous = s.Previous.Count == 0 ? null : (double)s.Previous.Dissatisfied / s.Previous.Count;
                var estimated = estimate(s);
                return new ProblemService(
                    s.ServiceId,
                    options.Measure,
                    score(s),
                    s.Current.Count,
                    s.Current.Dissatisfied,
                    share,
                    estimated,
                    estimated * (s.CitizensServed ?? s.Current.Count),
                    previous,
                    share - previous,
                    ChangeTests.TwoProportion(s.Current.Dissatisfied, s.Current.Count, s.Previous.Dissatisfied, s.Previous.Count));
            })
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Answers)
            .ThenBy(r => r.ServiceId)
            .ToList();

        return new ProblemRanking(
            options.Measure,
            overall,
            options.Measure == RankingMeasure.WilsonLowerBound ? options.Confidence : null,
            strength,
            ranked);
    }
}
