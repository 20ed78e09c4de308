using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

/// <summary>A scenario as the authors' list shows it: its draft's title, its latest version and whether the draft moved on since.</summary>
public sealed record ScenarioRow(int Id, LocalText Title, int? LatestVersion, DateTime DraftUpdatedAtUtc, DateTime? PublishedAtUtc)
{
    public bool DraftAhead => PublishedAtUtc is not { } published || DraftUpdatedAtUtc > published;
}

/// <summary>The authors' list of scenarios (ADR-061): drafts and published ones with their version numbers, and a new one.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class IndexModel(ServeWellDbContext db, EditScenario edit, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<ScenarioRow> Scenarios { get; private set; } = [];

    [BindProperty]
    public LocalTextForm Title { get; set; } = new();

    /// <summary>The library case the new scenario starts from ("build a scenario from this case").</summary>
    [BindProperty]
    public int? CaseId { get; set; }

    public LocalText? CaseTitle { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "case")] int? fromCase, CancellationToken cancellationToken)
    {
        if (fromCase is { } caseId && await db.PracticeCases.AsNoTracking().Where(c => c.Id == caseId && c.Status == Cases.CaseStatus.Published)
                .Select(c => c.Title).FirstOrDefaultAsync(cancellationToken) is { } title)
        {
            (CaseId, CaseTitle, Title) = (caseId, title, LocalTextForm.From(title));
        }

        await ListAsync(cancellationToken);
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var scenarios = await db.Scenarios.AsNoTracking().OrderByDescending(s => s.DraftUpdatedAtUtc).Select(s => new { s.Id, s.Draft, s.DraftUpdatedAtUtc }).ToListAsync(cancellationToken);
        var latest = await db.ScenarioVersions.GroupBy(v => v.ScenarioId)
            .Select(g => new { Id = g.Key, Number = g.Max(v => v.Number), At = g.Max(v => v.PublishedAtUtc) }).ToListAsync(cancellationToken);
        Scenarios = [.. scenarios.Select(s =>
        {
            var version = latest.FirstOrDefault(v => v.Id == s.Id);
            return new ScenarioRow(s.Id, ScenarioContent.FromJson(s.Draft).Title, version?.Number, s.DraftUpdatedAtUtc, version?.At);
        })];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (scenario, problems) = await edit.CreateAsync(Title.ToText(), CaseId, User.Identity?.Name ?? "", cancellationToken);
        if (scenario is null)
        {
            FormKeys.Add(ModelState, problems, "");
            await ListAsync(cancellationToken);
            return Page();
        }

        TempData.Saved(l["The scenario is created. Add its nodes and replies."]);
        return Redirect($"/Practice/Scenarios/{scenario.Id}");
    }
}
