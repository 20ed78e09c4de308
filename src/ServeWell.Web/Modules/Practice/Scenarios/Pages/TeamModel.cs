using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

/// <summary>
/// A supervisor's staff and their practice (issue 15: "for the learner and their supervisor"): everyone in the
/// supervisor's subtree with the plays they finished and the last one, each leading to their practice profile. Only the
/// supervisor (ViewEmployeeInsights, StaffScope) sees figures per employee.
/// </summary>
[Authorize(Policy = Policies.ViewEmployeeInsights)]
public sealed class TeamModel(ServeWellDbContext db, StaffScope scope) : PageModel
{
    public sealed record Member(int EmployeeId, string Name, string EmployeeNumber, string Office, int Finished, DateTime? LastFinishedUtc);

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        var english = Platform.Localization.Cultures.ReadsEnglish;
        var staff = await filter.Apply(db.Employees).AsNoTracking().Where(e => e.Status != People.Employees.EmployeeStatus.Left)
            .Select(e => new { e.Id, e.Name, e.EmployeeNumber, Office = english && e.OrgUnit!.NameEn != null && e.OrgUnit.NameEn != "" ? e.OrgUnit.NameEn : e.OrgUnit!.Name })
            .ToListAsync(cancellationToken);
        var ids = staff.Select(s => s.Id).ToList();
        var plays = (await db.ScenarioAttempts.AsNoTracking().Where(a => ids.Contains(a.EmployeeId) && a.CompletedAtUtc != null)
                .GroupBy(a => a.EmployeeId).Select(g => new { EmployeeId = g.Key, Count = g.Count(), Last = g.Max(a => a.CompletedAtUtc) })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => p.EmployeeId);
        Members = staff.Select(s => new Member(s.Id, s.Name, s.EmployeeNumber, s.Office, plays.GetValueOrDefault(s.Id)?.Count ?? 0, plays.GetValueOrDefault(s.Id)?.Last))
            .OrderBy(m => m.Office, StringComparer.CurrentCulture).ThenBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        return Page();
    }
}
