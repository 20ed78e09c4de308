using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Evaluations;

/// <summary>The short reaction survey an attended employee fills in after their session.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EvaluateModel(SubmitEvaluation submit) : PageModel
{
    [BindProperty]
    public EvaluationForm Form { get; set; } = new();

    public EvaluationInvitation Invitation { get; private set; } = null!;

    public SessionRow Row { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int sessionId, CancellationToken cancellationToken) =>
        await LoadAsync(sessionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken))
        {
            return NotFound();
        }

        if (Invitation.Submitted)
        {
            return Page();
        }

        var problems = await submit.SubmitAsync(sessionId, User.EmployeeId()!.Value, Form, cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError($"{nameof(Form)}.{p.Field}", p.Message);
            }

            return Page();
        }

        TempData["Notice"] = "evaluation-saved";
        return Redirect("/Training/Record");
    }

    private async Task<bool> LoadAsync(int sessionId, CancellationToken cancellationToken)
    {
        // Only the employee who attended may see the form; anyone else (or a session not attended) gets "not found".
        if (User.EmployeeId() is not { } employeeId || await submit.InvitationAsync(sessionId, employeeId, cancellationToken) is not { } invitation)
        {
            return false;
        }

        Invitation = invitation;
        Row = SessionRow.Of(invitation.Session);
        return true;
    }
}
