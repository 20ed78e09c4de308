using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

/// <summary>The draft's texts in one language as a learner would read them, a node after another (read-only, ADR-061).</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class PreviewModel(EditScenario edit) : PageModel
{
    public int Id { get; private set; }

    public ScenarioContent Draft { get; private set; } = null!;

    /// <summary>"ko" or "en".</summary>
    public string Language { get; private set; } = "ko";

    public async Task<IActionResult> OnGetAsync(int id, string? lang, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } scenario)
        {
            return NotFound();
        }

        Id = id;
        Draft = scenario.DraftContent;
        Language = lang == "en" ? "en" : "ko";
        return Page();
    }
}
