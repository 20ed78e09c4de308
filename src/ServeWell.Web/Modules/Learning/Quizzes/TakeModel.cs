using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>A quiz for the learner: what it asks, their own attempts, and start (or resume the open attempt).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class TakeModel(ServeWellDbContext db, TakeQuiz take, QuizAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    public QuizStartPanel Panel { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee || !await access.CanTakeAsync(employee, id, cancellationToken))
        {
            return NotFound();
        }

        var result = await take.StartAsync(id, employee, cancellationToken);
        if (result.Attempt is { } attempt)
        {
            return Redirect($"/Learning/Quiz/Attempts/{attempt.Id}");
        }

        if (result.Outcome == StartOutcome.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Panel = Panel with
        {
            Refused = result.Outcome == StartOutcome.LimitReached
                ? l["You have used all {0} attempts at this quiz, so you cannot start another.", result.Limit ?? 0]
                : l["The quiz has no questions to draw at the moment. Ask your training officer."],
        };
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee || !await access.CanTakeAsync(employee, id, cancellationToken)
            || await QuizStartPanel.ReadAsync(db, take, id, employee, cancellationToken) is not { } panel)
        {
            return false;
        }

        Panel = panel;
        return true;
    }
}
