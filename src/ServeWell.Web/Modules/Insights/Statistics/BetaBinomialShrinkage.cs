namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>
/// Bayesian shrinkage of per-group shares toward the overall share: each group's share gets a Beta prior with mean μ
/// (the pooled share) and strength M (pseudo-answers), so its estimate is (x + M·μ) / (n + M). A group with few answers
/// stays near μ; one with thousands keeps its own share.
/// </summary>
public static class BetaBinomialShrinkage
{
    /// <summary>Prior strength used when it cannot be estimated from the data (fewer than three groups).</summary>
    public const double DefaultPriorStrength = 20;

    /// <summary>Largest prior strength: groups that look identical are shrunk hard, but not infinitely.</summary>
    public const double MaxPriorStrength = 100_000;

    /// <summary>The posterior mean (x + M·μ) / (n + M); μ when n = 0.</summary>
    public static double Shrink(long successes, long trials, double priorMean, double priorStrength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        ArgumentOutOfRangeException.ThrowIfNegative(priorMean);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(priorMean, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(priorStrength);
        var denominator = trials + priorStrength;
        return denominator == 0 ? priorMean : (successes + (priorStrength * priorMean)) / denominator;
    }

    /// <summary>
    /// Empirical-Bayes prior strength by the method of moments. With pooled share μ, total N and k groups, the spread
    /// of true shares is τ² = (Σ nᵢ(p̂ᵢ − μ)² − μ(1−μ)(k − 1)) / (N − Σ nᵢ²/N) — the observed spread less what binomial
    /// noise alone would give — and M = μ(1−μ)/τ² − 1. When the groups differ no more than noise explains (τ² ≤ 0),
    /// M is <see cref="MaxPriorStrength"/>; with fewer than three groups, or μ at 0 or 1, <paramref name="fallback"/>.
    /// </summary>
    public static double EstimatePriorStrength(IReadOnlyCollection<(long Successes, long Trials)> groups, double fallback = DefaultPriorStrength)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var used = groups.Where(g => g.Trials > 0).ToList();
        double total = used.Sum(g => (double)g.Trials);
        if (used.Count < 3 || total == 0)
        {
            return fallback;
        }

        var mu = used.Sum(g => (double)g.Successes) / total;
        var binomial = mu * (1 - mu);
        if (binomial <= 0)
        {
            return fallback;
        }

        var spread = used.Sum(g => g.Trials * Math.Pow(((double)g.Successes / g.Trials) - mu, 2));
        var effective = total - (used.Sum(g => (double)g.Trials * g.Trials) / total);
        if (effective <= 0)
        {
            return fallback;
        }

        var tau2 = (spread - (binomial * (used.Count - 1))) / effective;
        if (tau2 <= 0)
        {
            return MaxPriorStrength;
        }

        return Math.Clamp((binomial / tau2) - 1, 0, MaxPriorStrength);
    }
}
