using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Scorm;

/// <summary>
/// The player: the SCO in a sandboxed frame from this origin, and the run-time API (scorm-player.js) the SCO finds in
/// this window. What the SCO reads at launch is the learner's attempt as stored (ADR-043).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PlayModel(ServeWellDbContext db, IAuthorizationService authorization) : PageModel
{
    public ScormSco Sco { get; private set; } = null!;

    public ScormPackage Package { get; private set; } = null!;

    public ScormAttempt? Attempt { get; private set; }

    public string LaunchUrl { get; private set; } = "";

    public string InitialJson { get; private set; } = "{}";

    public string? BackUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(int scoId, string? back, CancellationToken cancellationToken)
    {
        var sco = await db.Set<ScormSco>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == scoId, cancellationToken);
        if (sco is null || !await ScormApi.MayLaunchAsync(User, sco.PackageId, authorization, db, cancellationToken))
        {
            return NotFound();
        }

        Sco = sco;
        Package = await db.Set<ScormPackage>().AsNoTracking().SingleAsync(p => p.Id == sco.PackageId, cancellationToken);
        var employee = User.EmployeeId();
        Attempt = employee is null ? null : await db.Set<ScormAttempt>().AsNoTracking().FirstOrDefaultAsync(a => a.ScoId == scoId && a.EmployeeId == employee, cancellationToken);
        var name = employee is null ? "" : await db.Employees.Where(e => e.Id == employee).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var initial = ScormRuntime.Initial(Package.Version, Attempt ?? new ScormAttempt(), sco.MasteryScore, employee?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", name);
        InitialJson = JsonSerializer.Serialize(initial);
        LaunchUrl = $"/learning/scorm/{Package.Id}/content/{string.Join('/', sco.LaunchPath.Split('/').Select(Uri.EscapeDataString))}{sco.Parameters}";
        BackUrl = back is not null && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) ? back : null;
        return Page();
    }
}
