using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>How often a reply was chosen at a node; <see cref="Share"/> is a whole percentage of the node's plays.</summary>
public sealed record ReplyCount(int Choice, LocalText Text, int Count, int Share);

/// <summary>
/// A node's replies. <see cref="Withheld"/> when fewer than the city's minimum group size of plays reached it: then no
/// counts and no shares are given (ADR-054, as ADR-047).
/// </summary>
public sealed record NodeChoices(string Node, LocalText Text, int Plays, bool Withheld, IReadOnlyList<ReplyCount> Replies);

/// <summary>One competency across the employee's finished attempts: the first attempts' share of the best beside the latest ones'.</summary>
public sealed record ProfileRow(string Competency, int FirstScore, int FirstBest, int LatestScore, int LatestBest)
{
    public int FirstPercent => new CompetencyScore(Competency, FirstScore, FirstBest).Percent;

    public int LatestPercent => new CompetencyScore(Competency, LatestScore, LatestBest).Percent;
}

/// <summary>
/// One office's players of a scenario: per competency the first attempts' share of the best beside the latest ones'.
/// <see cref="Withheld"/> (no rows) when fewer players than the city's minimum group size finished it.
/// </summary>
public sealed record OfficeProfile(int OrgUnitId, string Name, string? NameEn, int Players, bool Withheld, IReadOnlyList<ProfileRow> Rows);

/// <summary>The employee's practice profile (their own and their supervisor's view) and the trainers' view of choices per node.</summary>
public sealed class ScenarioResults(ServeWellDbContext db, IOptions<CityOptions> city)
{
    /// <summary>Which replies people choose at each node of a version, nodes in the version's order; null for an unknown version.</summary>
    public async Task<(int Version, IReadOnlyList<NodeChoices> Nodes)?> ChoicesAsync(int scenarioId, int? versionNumber, CancellationToken cancellationToken)
    {
        var version = await db.ScenarioVersions.AsNoTracking().Where(v => v.ScenarioId == scenarioId && (versionNumber == null || v.Number == versionNumber))
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }

        var attempts = db.ScenarioAttempts.Where(a => a.ScenarioVersionId == version.Id).Select(a => a.Id);
        var counts = await db.ScenarioMoves.AsNoTracking().Where(m => attempts.Contains(m.AttemptId))
            .GroupBy(m => new { m.Node, m.Choice }).Select(g => new { g.Key.Node, g.Key.Choice, Count = g.Count() }).ToListAsync(cancellationToken);
        var minimum = city.Value.MinimumGroupSize;
        var content = ScenarioContent.FromJson(version.Content);
        var nodes = content.Nodes.Where(n => !n.IsEnding).Select(node =>
        {
            var plays = counts.Where(c => c.Node == node.Key).Sum(c => c.Count);
            var withheld = plays < minimum;
            var replies = withheld ? [] : node.Choices.Select((choice, i) =>
            {
                var count = counts.FirstOrDefault(c => c.Node == node.Key && c.Choice == i)?.Count ?? 0;
                return new ReplyCount(i, choice.Text, count, (int)Math.Round(100.0 * count / plays));
            }).ToList();
            return new NodeChoices(node.Key, node.Text, withheld ? 0 : plays, withheld, replies);
        }).ToList();
        return (version.Number, nodes);
    }

    /// <summary>Per competency: the first finished attempt of each scenario against the latest, summed over scenarios.</summary>
    public async Task<IReadOnlyList<ProfileRow>> ProfileAsync(int employeeId, CancellationToken cancellationToken)
    {
        var attempts = await db.ScenarioAttempts.AsNoTracking().Include(a => a.Moves)
            .Where(a => a.EmployeeId == employeeId && a.CompletedAtUtc != null).ToListAsync(cancellationToken);
        var scoring = await ScenarioScoring.ForVersionsAsync(db, attempts.Select(a => a.ScenarioVersionId), cancellationToken);
        return scoring.FirstAgainstLatest(attempts.GroupBy(a => a.ScenarioId));
    }

    /// <summary>
    /// For trainers, per office (the players' unit now): the competency profile of the scenario's players, first attempts
    /// against latest — what practice changed. Offices with fewer players than the minimum group size show no figures.
    /// </summary>
    public async Task<IReadOnlyList<OfficeProfile>> OfficeProfilesAsync(int scenarioId, CancellationToken cancellationToken)
    {
        var attempts = await db.ScenarioAttempts.AsNoTracking().Include(a => a.Moves)
            .Where(a => a.ScenarioId == scenarioId && a.CompletedAtUtc != null).ToListAsync(cancellationToken);
        var players = attempts.Select(a => a.EmployeeId).Distinct().ToList();
        var units = await db.Employees.AsNoTracking().Where(e => players.Contains(e.Id))
            .Select(e => new { e.Id, e.OrgUnitId, e.OrgUnit!.Name, e.OrgUnit.NameEn, e.OrgUnit.Path }).ToDictionaryAsync(e => e.Id, cancellationToken);
        var scoring = await ScenarioScoring.ForVersionsAsync(db, attempts.Select(a => a.ScenarioVersionId), cancellationToken);
        var minimum = city.Value.MinimumGroupSize;
        return attempts.Where(a => units.ContainsKey(a.EmployeeId)).GroupBy(a => units[a.EmployeeId].OrgUnitId).Select(office =>
        {
            var unit = units[office.First().EmployeeId];
            var byPlayer = office.GroupBy(a => a.EmployeeId).ToList();
            if (byPlayer.Count < minimum)
            {
                return (unit.Path, Profile: new OfficeProfile(unit.OrgUnitId, unit.Name, unit.NameEn, byPlayer.Count, true, []));
            }

            return (unit.Path, Profile: new OfficeProfile(unit.OrgUnitId, unit.Name, unit.NameEn, byPlayer.Count, false, scoring.FirstAgainstLatest(byPlayer)));
        }).OrderBy(o => o.Path, StringComparer.Ordinal).Select(o => o.Profile).ToList();
    }
}
