using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>A training officer reads a waiting case and publishes it, or returns it to the author with a note.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class ReviewModel(CaseLibrary library, IStringLocalizer<SharedResource> l) : PageModel
{
    public PracticeCase Case { get; private set; } = null!;

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { Status: CaseStatus.Submitted } c)
        {
            return NotFound();
        }

        Case = c;
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, library.ApproveAsync(id, CaseReader.Of(User), cancellationToken), l["The case is published and can be found in the library."], cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, library.ReturnAsync(id, Note, CaseReader.Of(User), cancellationToken), l["The case is returned to its author with your note."], cancellationToken);

    private async Task<IActionResult> StepAsync(int id, Task<CaseOutcome> step, string saved, CancellationToken cancellationToken)
    {
        var outcome = await step;
        if (outcome.Failure == CaseFailure.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            foreach (var p in outcome.Problems)
            {
                ModelState.AddModelError(p.Field == "note" ? nameof(Note) : "", p.Message);
            }

            return outcome.Case is { Status: CaseStatus.Submitted } c ? WithCase(c) : await OnGetAsync(id, cancellationToken);
        }

        TempData.Saved(saved);
        return Redirect("/Practice/Cases/Review");
    }

    private PageResult WithCase(PracticeCase c)
    {
        Case = c;
        return Page();
    }
}
