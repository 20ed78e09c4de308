using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Feedback.Revisions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>
/// "Flag as abusive" for a citizen's answer (ADR-062): this page is the confirmation; flagging leaves the answer out of
/// every figure as an exclusion does and opens an encounter for the employee it hurt (the caller's own, or by number).
/// A flagger who may not read the encounter (flagged before, for someone outside their units) is not led to a 404: back
/// at the answer, a notice says it is recorded and who has been told.
/// </summary>
[Authorize(Policy = Policies.ReviseFeedback)]
public sealed class FlagAnswerModel(ServeWellDbContext db, FlagAbuse flags, EncounterBook book, ReviseFeedback revise, StaffScope scope, IStringLocalizer<SharedResource> l) : PageModel
{
    public AnswerExclusionDto Answer { get; private set; } = null!;

    public bool HasOwnRecord => User.EmployeeId() is not null;

    [BindProperty]
    public string? EmployeeNumber { get; set; }

    public IReadOnlyList<ProtectionProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await db.ProtectionEncounters.Where(e => e.FeedbackAnswerId == id).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken) is { } earlier
            ? await ToEncounterAsync(id, earlier, null, l["This answer was flagged as abusive before. Its encounter is recorded for the employee it hurt; their supervisor and the protection officer were told."], cancellationToken)
            : Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var reader = await EncounterReader.ForAsync(User, db, cancellationToken);
        var outcome = await flags.FlagAnswerAsync(id, EmployeeNumber, User, reader, cancellationToken);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            Problems = outcome.Problems;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return outcome.Existing
            ? await ToEncounterAsync(id, outcome.Encounter!.Id, l["This answer was flagged before: here is its encounter."], l["This answer was flagged as abusive before. Its encounter is recorded for the employee it hurt; their supervisor and the protection officer were told."], cancellationToken)
            : await ToEncounterAsync(id, outcome.Encounter!.Id, l["The answer is flagged as abusive and left out of every figure. Correct the record of what happened below."], l["Flagged as abusive and left out of every figure. The encounter is recorded for the employee it hurt; their supervisor and the protection officer have been told."], cancellationToken);
    }

    private Task<IActionResult> ToEncounterAsync(long answerId, int encounterId, string? readable, string unreadable, CancellationToken cancellationToken) =>
        FlagLanding.ToEncounterAsync(this, db, book, encounterId, readable, unreadable, $"/Insights/Answers/{answerId}/Exclusion", cancellationToken);

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await revise.FindAsync(id, await scope.GetAsync(cancellationToken), cancellationToken) is not { } answer)
        {
            return false;
        }

        Answer = answer;
        return true;
    }
}
