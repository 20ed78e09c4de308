using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>Sending a case to review, after a confirmation: the author's original words are deleted then (ADR-053).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SubmitModel(CaseLibrary library, IStringLocalizer<SharedResource> l) : PageModel
{
    public Confirmation Confirm { get; private set; } = null!;

    public IReadOnlyList<CaseProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } c || c.AuthorUserId != CaseReader.Of(User).UserId)
        {
            return NotFound();
        }

        Confirm = ConfirmationOf(c);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            return await OnGetAsync(id, cancellationToken);
        }

        var outcome = await library.SubmitAsync(id, CaseReader.Of(User), cancellationToken);
        if (outcome.Failure == CaseFailure.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            Problems = outcome.Problems;
            Confirm = ConfirmationOf(outcome.Case!);
            return Page();
        }

        TempData.Saved(l["The case is sent to review. A training officer publishes it or returns it to you with a note."]);
        return Redirect("/Practice/Cases/Mine");
    }

    private Confirmation ConfirmationOf(PracticeCase c) => new(
        l["Send the case to review?"],
        [
            l["A training officer reads the case as others will read it, with the personal data removed, and publishes it or returns it to you with a note."],
            l["Your original words are deleted now; if the case is returned you edit the text with the personal data removed."],
        ],
        l["Send to review"], $"/Practice/Cases/{c.Id}/Submit", $"/Practice/Cases/Edit/{c.Id}", l["Back to the case"]);
}
