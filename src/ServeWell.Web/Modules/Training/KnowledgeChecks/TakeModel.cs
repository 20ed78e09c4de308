using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

/// <summary>An employee answers the programme's questions before or after their session, and sees their score.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class TakeModel(TakeKnowledgeCheck take) : PageModel
{
    /// <summary>Question id → the index of the option chosen.</summary>
    [BindProperty]
    public Dictionary<int, int?> Answers { get; set; } = [];

    public KnowledgeInvitation Invitation { get; private set; } = null!;

    public KnowledgePhase Phase { get; private set; }

    public int ProgrammeId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, string phase, CancellationToken cancellationToken) =>
        await LoadAsync(programmeId, phase, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int programmeId, string phase, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, phase, cancellationToken))
        {
            return NotFound();
        }

        if (!Invitation.Open(Phase))
        {
            return Page();
        }

        var (_, problems) = await take.SubmitAsync(programmeId, User.EmployeeId()!.Value, Phase, Answers, cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError($"{nameof(Answers)}[{p.QuestionId}]", p.Message);
            }

            return Page();
        }

        return Redirect($"/Training/KnowledgeChecks/{programmeId}/{Phase}");
    }

    private async Task<bool> LoadAsync(int programmeId, string phase, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<KnowledgePhase>(phase, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || User.EmployeeId() is not { } employeeId
            || await take.InvitationAsync(programmeId, employeeId, parsed, cancellationToken) is not { } invitation)
        {
            return false;
        }

        (Phase, ProgrammeId, Invitation) = (parsed, programmeId, invitation);
        return true;
    }
}
