using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

/// <summary>A practice profile as the pages show it: per competency, the first attempts beside the latest (ADR-054).</summary>
public sealed record ProfileView(string? EmployeeName, IReadOnlyList<ProfileRow> Rows, IReadOnlyDictionary<string, string> Names)
{
    public string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;

    public static async Task<ProfileView> LoadAsync(ScenarioResults results, ServeWellDbContext db, int? employeeId, string? name, CancellationToken cancellationToken)
    {
        var rows = employeeId is { } id ? await results.ProfileAsync(id, cancellationToken) : [];
        var codes = rows.Select(r => r.Competency).ToList();
        var english = Cultures.ReadsEnglish;
        var names = (await db.Competencies.AsNoTracking().Where(c => codes.Contains(c.Code)).ToListAsync(cancellationToken)).ToDictionary(c => c.Code, c => c.DisplayName(english));
        return new ProfileView(name, rows, names);
    }
}

/// <summary>The employee's own practice profile; an account without an employee record has played nothing.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ProfileModel(ScenarioResults results, ServeWellDbContext db) : PageModel
{
    public ProfileView Profile { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Profile = await ProfileView.LoadAsync(results, db, User.EmployeeId(), null, cancellationToken);
}

/// <summary>A supervisor's view of one of their staff's practice profile, within their subtree (StaffScope; outside it, 404).</summary>
[Authorize(Policy = Policies.ViewEmployeeInsights)]
public sealed class StaffProfileModel(ScenarioResults results, ServeWellDbContext db, StaffScope scope) : PageModel
{
    public ProfileView Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int employeeId, CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        if (await filter.Apply(db.Employees).AsNoTracking().FirstOrDefaultAsync(e => e.Id == employeeId, cancellationToken) is not { } employee)
        {
            return NotFound();
        }

        Profile = await ProfileView.LoadAsync(results, db, employee.Id, employee.Name, cancellationToken);
        return Page();
    }
}
