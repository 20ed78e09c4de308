using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>
/// "Flag as abusive" from a follow-up case (ADR-062): a confirmation, then the encounter it opens, where its description
/// is completed. A case flagged before leads to its encounter; a case the caller may not handle is 404.
/// </summary>
[Authorize(Policy = Policies.HandleFollowUps)]
public sealed class FlagCaseModel(ServeWellDbContext db, FlagAbuse flags, FollowUpDetails cases, IStringLocalizer<SharedResource> l) : PageModel
{
    public Confirmation Confirm { get; private set; } = null!;

    public IReadOnlyList<ProtectionProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await cases.FindAsync(id, User, cancellationToken) is not { MayHandle: true })
        {
            return NotFound();
        }

        if (await db.ProtectionEncounters.Where(e => e.FollowUpCaseId == id).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken) is { } earlier)
        {
            return Redirect($"/Protection/Encounters/{earlier}");
        }

        Confirm = ConfirmationOf(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            return await OnGetAsync(id, cancellationToken);
        }

        var reader = await EncounterReader.ForAsync(User, db, cancellationToken);
        var outcome = await flags.FlagCaseAsync(id, User, reader, cancellationToken);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            Problems = outcome.Problems;
            Confirm = ConfirmationOf(id);
            return Page();
        }

        TempData.Saved(outcome.Existing ? l["This case was flagged before: here is its encounter."] : l["The case is flagged as abusive. Complete what happened below; the supervisors and the protection officer are told."]);
        return Redirect($"/Protection/Encounters/{outcome.Encounter!.Id}");
    }

    private Confirmation ConfirmationOf(int id) => new(
        l["Flag case {0} as abusive?", id],
        [
            l["An encounter is opened for the employee who handles the case, with the citizen's words, and the supervisors and the protection officer are told at once."],
            l["The encounter stays on record; the citizen is not told."],
        ],
        l["Flag as abusive"], $"/Protection/Flag/Case/{id}", $"/FollowUps/Case/{id}", l["Back to the case"]);
}
