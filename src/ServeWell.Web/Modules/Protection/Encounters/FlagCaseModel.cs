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
/// "Flag as abusive" from a follow-up case (ADR-062): a confirmation, then the encounter it opens, where its record is
/// corrected. A case flagged before leads to its encounter; a case the caller may not handle is 404. A flagger who may not
/// read the encounter (it belongs to another unit's employee) is not led to a 404: back at the case, a notice says it is
/// recorded for the employee who handles the case and who has been told.
/// </summary>
[Authorize(Policy = Policies.HandleFollowUps)]
public sealed class FlagCaseModel(ServeWellDbContext db, FlagAbuse flags, FollowUpDetails cases, EncounterBook book, IStringLocalizer<SharedResource> l) : PageModel
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
            return await ToEncounterAsync(id, earlier, null, l["This case was flagged as abusive before. Its encounter is recorded for the employee who handles the case; their supervisor and the protection officer were told."], cancellationToken);
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

        return outcome.Existing
            ? await ToEncounterAsync(id, outcome.Encounter!.Id, l["This case was flagged before: here is its encounter."], l["This case was flagged as abusive before. Its encounter is recorded for the employee who handles the case; their supervisor and the protection officer were told."], cancellationToken)
            : await ToEncounterAsync(id, outcome.Encounter!.Id, l["The case is flagged as abusive. Correct the record of what happened below; the supervisors and the protection officer are told."], l["Flagged as abusive. The encounter is recorded for the employee who handles the case; their supervisor and the protection officer have been told."], cancellationToken);
    }

    private Task<IActionResult> ToEncounterAsync(int caseId, int encounterId, string? readable, string unreadable, CancellationToken cancellationToken) =>
        FlagLanding.ToEncounterAsync(this, db, book, encounterId, readable, unreadable, $"/FollowUps/Case/{caseId}", cancellationToken);

    private Confirmation ConfirmationOf(int id) => new(
        l["Flag case {0} as abusive?", id],
        [
            l["An encounter is opened for the employee who handles the case, with the citizen's words, and the supervisors and the protection officer are told at once."],
            l["The encounter stays on record; the citizen is not told."],
        ],
        l["Flag as abusive"], $"/Protection/Flag/Case/{id}", $"/FollowUps/Case/{id}", l["Back to the case"]);
}
