using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

/// <summary>
/// A Twine story in Twee 3 as a new scenario, or as the whole draft of one (?id=n): uploaded or pasted. Every error is
/// listed with its line; nothing is imported then (ADR-054).
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
[RequestSizeLimit(MaxBytes)]
public sealed class ImportModel(EditScenario edit, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxBytes = 1_000_000;

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<TweeError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        Id is { } id && await edit.LoadAsync(id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Scenario? scenario = null;
        if (Id is { } id && (scenario = await edit.LoadAsync(id, cancellationToken)) is null)
        {
            return NotFound();
        }

        var twee = Text ?? "";
        if (Upload is { Length: > 0 })
        {
            using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8);
            twee = await reader.ReadToEndAsync(cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(twee))
        {
            ModelState.AddModelError(nameof(Text), l["Choose a .twee file or paste the Twee text."]);
            return Page();
        }

        var (imported, errors) = await edit.ImportAsync(scenario, twee, User.Identity?.Name ?? "", cancellationToken);
        if (imported is null)
        {
            Errors = errors;
            Text = Upload is { Length: > 0 } ? Text : twee;
            return Page();
        }

        TempData.Saved(scenario is null ? l["The story is imported as a new scenario."] : l["The draft is replaced by the imported story."]);
        return Redirect($"/Practice/Scenarios/{imported.Id}");
    }
}
