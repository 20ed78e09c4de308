using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Learning.Offline;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>"Submit your answers?" (ADR-032, a dialog with script, ADR-039): after submitting, answers cannot change.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SubmitModel(TakeQuiz take, IStringLocalizer<SharedResource> l) : PageModel
{
    public Confirmation Confirm { get; private set; } = null!;

    /// <summary>An untimed quiz's submit page can be kept on a phone and used offline (ADR-056); a timed one cannot.</summary>
    public OfflinePanel? Offline { get; private set; }

    public async Task<IActionResult> OnGetAsync(long attemptId, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee || await take.ReadAsync(attemptId, employee, cancellationToken) is not { } attempt)
        {
            return NotFound();
        }

        if (attempt.SubmittedAtUtc is not null)
        {
            return Redirect($"/Learning/Quiz/Attempts/{attemptId}/Result");
        }

        var answered = attempt.Slots.Count(s => s.Response is not null);
        Offline = attempt.DeadlineUtc is null
            ? OfflinePanel.ForAttempt(attemptId) with
            {
                Questions = attempt.Slots.Count,
                Answered = [.. attempt.Slots.Where(s => s.Response is not null).Select(s => s.Position).Order()],
            }
            : null;
        Confirm = new Confirmation(
            l["Submit your answers?"],
            [l["You have answered {0} of {1} questions.", answered, attempt.Slots.Count], l["After submitting you cannot change your answers; the quiz is graded at once."]],
            l["Submit"], $"/Learning/Quiz/Attempts/{attemptId}/Submit", $"/Learning/Quiz/Attempts/{attemptId}", l["Back to the questions"]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long attemptId, bool confirmed, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            return await OnGetAsync(attemptId, cancellationToken);
        }

        if (await take.SubmitAsync(attemptId, employee, cancellationToken) is not { } attempt)
        {
            return NotFound();
        }

        TempData.Saved(attempt.ClosedByDeadline
            ? l["The time was up before you submitted; the answers you saved have been graded."]
            : l["Your answers have been submitted and graded."]);
        return Redirect($"/Learning/Quiz/Attempts/{attemptId}/Result");
    }
}
