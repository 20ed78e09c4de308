using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Programmes;

/// <summary>The confirmation before a draft is published: how many people it invites and what they will receive (ADR-031).</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class PublishModel(PublishProgramme publish, IStringLocalizer<SharedResource> l) : PageModel
{
    public PublishPreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await publish.PreviewAsync(id, cancellationToken) is not { } preview)
        {
            return NotFound();
        }

        if (preview.State == ProgrammeState.Published)
        {
            return Redirect($"/Training/Programmes/Details/{id}");
        }

        Preview = preview;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await publish.PublishAsync(id, cancellationToken) is not { } counts)
        {
            return NotFound();
        }

        TempData.Saved(l["The programme is published. {0} people are enrolled; their invitations are being sent.", counts.Invited].Value);
        return Redirect($"/Training/Programmes/Details/{id}");
    }
}
