namespace ServeWell.Web.Modules.Recognition.Candidates;

/// <summary>What citizens said of one employee in the recognised month: n ratings, their sum, and how many commended them.</summary>
public sealed record Evidence(int EmployeeId, int Answers, int RatingSum, int Commendations);

/// <summary>One employee as the ranking sees them, with the numbers the page shows to explain it.</summary>
public sealed record RankedCandidate(int EmployeeId, int Answers, int RatingSum, int Commendations, double Bayesian, int? Rank, int Nominations, Exclusion Exclusion)
{
    public bool Ranked => Rank is not null;
}

/// <summary>
/// The Bayesian average of ADR-058: (C·m + Σ ratings) / (C + n), m the city's mean rating, C the prior's weight. A few
/// ratings are pulled toward the city's mean, many hardly at all. Nobody is ranked on fewer than the round's minimum
/// number of answers, or while excluded; ties are broken by more answers, then by the lower employee id (the older
/// record), so the order never depends on the database.
/// </summary>
public static class CandidateRanking
{
    public static double Bayesian(double cityMean, int priorWeight, int answers, int ratingSum) =>
        ((priorWeight * cityMean) + ratingSum) / (priorWeight + answers);

    public static IReadOnlyList<RankedCandidate> Rank(
        IEnumerable<Evidence> evidence, double cityMean, int priorWeight, int minimumAnswers,
        IReadOnlyDictionary<int, int> nominations, IReadOnlyDictionary<int, Exclusion> exclusions)
    {
        var byEmployee = evidence.ToDictionary(e => e.EmployeeId);
        foreach (var nominee in nominations.Keys.Where(id => !byEmployee.ContainsKey(id)))
        {
            byEmployee[nominee] = new Evidence(nominee, 0, 0, 0);
        }

        var all = byEmployee.Values
            .Select(e => new RankedCandidate(e.EmployeeId, e.Answers, e.RatingSum, e.Commendations, Bayesian(cityMean, priorWeight, e.Answers, e.RatingSum), null,
                nominations.GetValueOrDefault(e.EmployeeId), exclusions.GetValueOrDefault(e.EmployeeId)))
            .ToList();
        var rank = 0;
        var ranked = all.Where(c => c.Answers >= minimumAnswers && c.Exclusion == Exclusion.None)
            .OrderByDescending(c => c.Bayesian).ThenByDescending(c => c.Answers).ThenBy(c => c.EmployeeId)
            .Select(c => c with { Rank = ++rank })
            .ToList();
        var rest = all.Where(c => !ranked.Any(r => r.EmployeeId == c.EmployeeId))
            .OrderBy(c => c.Exclusion).ThenByDescending(c => c.Nominations).ThenByDescending(c => c.Answers).ThenBy(c => c.EmployeeId);
        return [.. ranked, .. rest];
    }

    /// <summary>
    /// The finalists: the first half of the places (rounded up) go to the best-ranked, the rest to the most-nominated
    /// (ties: the better Bayesian average); if one list runs short, the other fills the places. Excluded employees never.
    /// </summary>
    public static IReadOnlyList<int> Finalists(IReadOnlyList<RankedCandidate> candidates, int places)
    {
        var byRank = candidates.Where(c => c.Ranked).OrderBy(c => c.Rank).Select(c => c.EmployeeId).ToList();
        var byNominations = candidates.Where(c => c.Exclusion == Exclusion.None && c.Nominations > 0)
            .OrderByDescending(c => c.Nominations).ThenByDescending(c => c.Bayesian).ThenBy(c => c.EmployeeId).Select(c => c.EmployeeId).ToList();
        var chosen = new List<int>();
        foreach (var id in byRank.Take((places + 1) / 2).Concat(byNominations).Concat(byRank))
        {
            if (chosen.Count == places)
            {
                break;
            }

            if (!chosen.Contains(id))
            {
                chosen.Add(id);
            }
        }

        return chosen;
    }
}
