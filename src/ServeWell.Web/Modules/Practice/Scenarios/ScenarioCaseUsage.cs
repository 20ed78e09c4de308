using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Practice.Cases;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>Published scenarios built from a case, for the case page's "used in" list (ADR-053, ADR-061); each links to Practice.</summary>
public sealed class ScenarioCaseUsage(ServeWellDbContext db) : ICaseUsage
{
    public async Task<IReadOnlyList<CaseUse>> UsesOfAsync(int caseId, CancellationToken cancellationToken)
    {
        var all = db.ScenarioVersions.AsNoTracking();
        var scenarios = db.Scenarios.AsNoTracking().Where(s => s.CaseId == caseId).Select(s => s.Id);
        var latest = await all.Where(v => scenarios.Contains(v.ScenarioId) && v.Number == all.Where(o => o.ScenarioId == v.ScenarioId).Max(o => o.Number))
            .OrderBy(v => v.ScenarioId).Select(v => new { v.ScenarioId, v.Content }).Take(50).ToListAsync(cancellationToken);
        return [.. latest.Select(v => new CaseUse("Scenario", ScenarioContent.FromJson(v.Content).Title, $"/Practice#scenario-{v.ScenarioId}"))];
    }
}
