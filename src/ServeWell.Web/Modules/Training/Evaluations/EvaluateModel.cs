using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Evaluations;

/// <summary>
/// The short reaction survey an attended employee fills in after their session. The link never ends in "not found": before
/// and after the form can be used, the page says when it opens, that it closed, or why it is not theirs (ADR-032).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EvaluateModel(SubmitEvaluation submit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EvaluationForm Form { get; set; } = new();

    public EvaluationStatus Status { get; private set; } = null!;

    public SessionRow Row { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int sessionId, CancellationToken cancellationToken) =>
        await LoadAsync(sessionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken))
        {
            return NotFound();
        }

        if (!Status.CanSubmit)
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

        TempData.Saved(l["Thank you: your evaluation has been saved."]);
        return Redirect("/Training/My");
    }

    /// <summary>False only when there is no such session.</summary>
    private async Task<bool> LoadAsync(int sessionId, CancellationToken cancellationToken)
    {
        if (await submit.StatusAsync(sessionId, User.EmployeeId(), cancellationToken) is not { } status)
        {
            return false;
        }

        (Status, Row) = (status, SessionRow.Of(status.Session));
        return true;
    }
}
