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
/// </summary>
[Authorize(Policy = Policies.ReviseFeedback)]
public sealed class FlagAnswerModel(ServeWellDbContext db, FlagAbuse flags, ReviseFeedback revise, StaffScope scope, IStringLocalizer<SharedResource> l) : PageModel
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
            ? Redirect($"/Protection/Encounters/{earlier}") : Page();
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

        TempData.Saved(outcome.Existing ? l["This answer was flagged before: here is its encounter."] : l["The answer is flagged as abusive and left out of every figure. Complete what happened below."]);
        return Redirect($"/Protection/Encounters/{outcome.Encounter!.Id}");
    }

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
