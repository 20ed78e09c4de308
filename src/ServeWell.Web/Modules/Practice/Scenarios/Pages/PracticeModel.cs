using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

/// <summary>A published scenario for the employee: its latest version and their own attempts at it.</summary>
public sealed record PracticeRow(int ScenarioId, LocalText Title, LocalText Intro, IReadOnlyList<ScenarioAttempt> Attempts)
{
    public ScenarioAttempt? Open => Attempts.FirstOrDefault(a => a.CompletedAtUtc is null);
}

/// <summary>
/// Practice for every employee (ADR-061): the published scenarios with their attempts; start, resume or play again. Plain
/// forms, no script: starting posts and redirects to the attempt.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PracticeModel(PlayScenario play, ServeWellDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<PracticeRow> Scenarios { get; private set; } = [];

    public bool HasEmployeeRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var employee = User.EmployeeId();
        HasEmployeeRecord = employee is not null;
        var published = await play.PublishedAsync(cancellationToken);
        var attempts = employee is { } e
            ? await db.ScenarioAttempts.AsNoTracking().Where(a => a.EmployeeId == e).OrderBy(a => a.Number).ToListAsync(cancellationToken)
            : [];
        Scenarios = [.. published.Select(p =>
        {
            var content = ScenarioContent.FromJson(p.Version.Content);
            return new PracticeRow(p.Scenario.Id, content.Title, content.Intro, [.. attempts.Where(a => a.ScenarioId == p.Scenario.Id)]);
        })];
    }

    public async Task<IActionResult> OnPostStartAsync(int scenarioId, bool again, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee)
        {
            ModelState.AddModelError("", l["This account is not linked to an employee record, so it cannot keep attempts."]);
            await OnGetAsync(cancellationToken);
            return Page();
        }

        return await play.StartAsync(scenarioId, employee, again, cancellationToken) is { } attempt
            ? Redirect($"/Practice/Attempts/{attempt.Id}")
            : NotFound();
    }
}
