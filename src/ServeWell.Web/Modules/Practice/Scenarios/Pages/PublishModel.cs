using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

/// <summary>Publishing the draft as version n + 1, after a confirmation; what stops it is listed instead (ADR-054, ADR-061).</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class PublishModel(EditScenario edit, IStringLocalizer<SharedResource> l) : PageModel
{
    public int Id { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public Confirmation? Confirm { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } scenario)
        {
            return NotFound();
        }

        Id = id;
        Problems = await edit.PublishProblemsAsync(scenario, cancellationToken);
        if (Problems.Count == 0)
        {
            var next = ((await edit.LatestAsync(id, cancellationToken))?.Number ?? 0) + 1;
            Confirm = new Confirmation(
                l["Publish the draft as version {0}?", next],
                [l["Employees who start the scenario from now on play version {0}; attempts already started keep their version.", next],
                 l["A published version never changes: to correct it, edit the draft and publish again."]],
                l["Publish version {0}", next], $"/Practice/Scenarios/{id}/Publish", $"/Practice/Scenarios/{id}", l["Back to the scenario"]);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed || await edit.LoadAsync(id, cancellationToken) is not { } scenario)
        {
            return await OnGetAsync(id, cancellationToken);
        }

        var (version, problems) = await edit.PublishAsync(scenario, User.Identity?.Name ?? "", cancellationToken);
        if (version is null)
        {
            Id = id;
            Problems = problems;
            return Page();
        }

        TempData.Saved(l["Version {0} is published. Employees find it under Practice.", version.Number]);
        return Redirect($"/Practice/Scenarios/{id}");
    }
}
