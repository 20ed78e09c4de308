using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>One competency summed over a unit's finished attempts: the replies' scores against the best the same nodes allowed.</summary>
public sealed record PracticeSum(long Score, long Best)
{
    /// <summary>The share of the best, 0–100 (as <see cref="CompetencyScore.Percent"/>); null when no node offered any.</summary>
    public int? Percent => Best <= 0 ? null : (int)Math.Clamp(Math.Round(100.0 * Score / Best), 0, 100);
}

/// <summary>
/// A unit's practice in a period: how many employees finished a scenario (<see cref="Players"/>), how many plays, and
/// each competency's sum. Counts and sums only: the reader applies the minimum group size to <see cref="Players"/>.
/// </summary>
public sealed record UnitPractice(int OrgUnitId, int Players, int Attempts, IReadOnlyDictionary<string, PracticeSum> Competencies);

/// <summary>
/// Practice per org unit for views above Practice (Insights, ADR-065): every attempt that reached an ending in the period,
/// counted at the unit the employee belongs to now, scored as the player's own page scores it (<see cref="ScenarioScore"/>).
/// </summary>
public sealed class PracticeFigures(ServeWellDbContext db)
{
    public async Task<IReadOnlyList<UnitPractice>> PerUnitAsync(DateTime fromUtc, DateTime toUtc, IQueryable<int> unitIds, CancellationToken cancellationToken)
    {
        var attempts = await db.ScenarioAttempts.AsNoTracking()
            .Where(a => a.CompletedAtUtc >= fromUtc && a.CompletedAtUtc < toUtc)
            .Join(db.Employees.Where(e => unitIds.Contains(e.OrgUnitId)), a => a.EmployeeId, e => e.Id, (a, e) => new { a.Id, a.EmployeeId, a.ScenarioVersionId, e.OrgUnitId })
            .ToListAsync(cancellationToken);
        if (attempts.Count == 0)
        {
            return [];
        }

        var ids = attempts.Select(a => a.Id).ToList();
        var moves = (await db.ScenarioMoves.AsNoTracking().Where(m => ids.Contains(m.AttemptId)).Select(m => new { m.AttemptId, m.Step, m.Node, m.Choice }).ToListAsync(cancellationToken))
            .GroupBy(m => m.AttemptId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Step).Select(m => new ScenarioMoveInput(m.Node, m.Choice)).ToList());
        var scoring = await ScenarioScoring.ForVersionsAsync(db, attempts.Select(a => a.ScenarioVersionId), cancellationToken);

        return attempts.GroupBy(a => a.OrgUnitId).Select(unit =>
        {
            var sums = new Dictionary<string, PracticeSum>();
            foreach (var attempt in unit)
            {
                foreach (var score in scoring.Score(attempt.ScenarioVersionId, moves.GetValueOrDefault(attempt.Id) ?? []))
                {
                    var sum = sums.GetValueOrDefault(score.Competency) ?? new PracticeSum(0, 0);
                    sums[score.Competency] = new PracticeSum(sum.Score + score.Score, sum.Best + score.Best);
                }
            }

            return new UnitPractice(unit.Key, unit.Select(a => a.EmployeeId).Distinct().Count(), unit.Count(), sums);
        }).ToList();
    }
}
