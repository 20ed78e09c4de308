using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Recognition.Awards;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Recognition.Candidates;

/// <summary>A round's ranking: the city mean, and every candidate with their numbers, as computed now or as frozen at closing.</summary>
public sealed record RoundRanking(double CityMean, IReadOnlyList<RankedCandidate> Candidates, IReadOnlyList<int> Finalists);

/// <summary>
/// Reads what citizens said in the recognised month straight from Feedback's tables (Recognition sits above Feedback,
/// ADR-033): answers through an employee's own touchpoints (name badges) and answers commending them, each answer once,
/// rated by its overall mark; excluded answers never count. Employees outside the round's scope are left out.
/// </summary>
public sealed class RoundCandidates(ServeWellDbContext db, CityClock clock)
{
    public async Task<RoundRanking> RankAsync(AwardRound round, CancellationToken cancellationToken)
    {
        if (round.Stage != RoundStage.Nominating)
        {
            return await FrozenAsync(round, cancellationToken);
        }

        var from = clock.StartOf(round.Month).UtcDateTime;
        var to = clock.StartOf(round.Month.AddMonths(1)).UtcDateTime;
        var answers = db.FeedbackAnswers.AsNoTracking().Where(a => a.ExcludedAt == null && a.AnsweredAt >= from && a.AnsweredAt < to);
        var cityMean = await answers.AverageAsync(a => (double?)a.Overall, cancellationToken) ?? 0;
        var badge = from a in answers
                    join t in db.Touchpoints on a.TouchpointId equals t.Id
                    where t.EmployeeId != null
                    select new { EmployeeId = t.EmployeeId!.Value, a.Id, a.Overall, Commended = a.CommendedEmployeeId == t.EmployeeId };
        var commended = answers.Where(a => a.CommendedEmployeeId != null)
            .Select(a => new { EmployeeId = a.CommendedEmployeeId!.Value, a.Id, a.Overall, Commended = true });
        var rows = await badge.Union(commended).GroupBy(r => r.EmployeeId)
            .Select(g => new Evidence(g.Key, g.Count(), g.Sum(r => r.Overall), g.Count(r => r.Commended)))
            .ToListAsync(cancellationToken);
        var scopePath = await db.OrgUnits.Where(u => u.Id == round.ScopeOrgUnitId).Select(u => u.Path).SingleAsync(cancellationToken);
        var inScope = db.Employees.AsNoTracking().Where(e => e.OrgUnit!.Path.StartsWith(scopePath));
        var nominations = await db.Set<Nominations.Nomination>().AsNoTracking()
            .Where(n => n.RoundId == round.Id && n.WithdrawnAtUtc == null && n.EmployeeId != null)
            .GroupBy(n => n.EmployeeId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var ids = rows.Select(r => r.EmployeeId).Concat(nominations.Keys).Distinct().ToList();
        var people = await inScope.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Status }).ToListAsync(cancellationToken);
        var coolOffFrom = round.Month.AddMonths(-round.CoolOffMonths);
        var recentWinners = await db.Set<Award>().AsNoTracking()
            .Where(a => ids.Contains(a.EmployeeId) && a.Month >= coolOffFrom && a.Month < round.Month)
            .Select(a => a.EmployeeId).Distinct().ToListAsync(cancellationToken);
        var exclusions = people.ToDictionary(p => p.Id, p => p.Status switch
        {
            EmployeeStatus.Left => Exclusion.Left,
            EmployeeStatus.OnLeave => Exclusion.OnLeave,
            _ when recentWinners.Contains(p.Id) => Exclusion.RecentWinner,
            _ => Exclusion.None,
        });
        var evidence = rows.Where(r => exclusions.ContainsKey(r.EmployeeId));
        var ranked = CandidateRanking.Rank(evidence, cityMean, round.PriorWeight, round.MinimumAnswers,
            nominations.Where(n => exclusions.ContainsKey(n.Key)).ToDictionary(), exclusions);
        return new RoundRanking(cityMean, ranked, CandidateRanking.Finalists(ranked, round.Finalists));
    }

    private async Task<RoundRanking> FrozenAsync(AwardRound round, CancellationToken cancellationToken)
    {
        var rows = await db.Set<RoundCandidate>().AsNoTracking().Where(c => c.RoundId == round.Id).ToListAsync(cancellationToken);
        var candidates = rows
            .Select(c => new RankedCandidate(c.EmployeeId, c.Answers, c.RatingSum, c.Commendations, c.Bayesian ?? 0, c.Rank, c.Nominations, c.Exclusion))
            .OrderBy(c => c.Rank ?? int.MaxValue).ThenBy(c => c.Exclusion).ThenByDescending(c => c.Nominations).ThenByDescending(c => c.Answers).ThenBy(c => c.EmployeeId)
            .ToList();
        return new RoundRanking(round.CityMean ?? 0, candidates, rows.Where(c => c.Finalist).Select(c => c.EmployeeId).Order().ToList());
    }

    /// <summary>Freezes the ranking as nominations close: the candidates, their numbers and the finalists are written once.</summary>
    public async Task FreezeAsync(AwardRound round, CancellationToken cancellationToken)
    {
        var ranking = await RankAsync(round, cancellationToken);
        round.CityMean = ranking.CityMean;
        foreach (var c in ranking.Candidates)
        {
            db.Set<RoundCandidate>().Add(new RoundCandidate
            {
                RoundId = round.Id, EmployeeId = c.EmployeeId, Answers = c.Answers, RatingSum = c.RatingSum, Commendations = c.Commendations,
                Bayesian = c.Bayesian, Rank = c.Rank, Nominations = c.Nominations, Exclusion = c.Exclusion, Finalist = ranking.Finalists.Contains(c.EmployeeId),
            });
        }
    }
}
