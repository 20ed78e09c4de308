using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>
/// Taking a quiz, one question per screen (mobile first, no script needed): each "Save answer" saves that one answer
/// on the server and goes on to the next question, so a closed tab loses nothing saved (ADR-044).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AttemptModel(ServeWellDbContext db, TakeQuiz take, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Seconds to the deadline by the server's clock, for the countdown (the script counts on from it).</summary>
    public int? SecondsLeft => View.DeadlineUtc is { } d ? Math.Max(0, (int)(d - clock.GetUtcNow().UtcDateTime).TotalSeconds) : null;

    public AttemptView View { get; private set; } = null!;

    public SlotView Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long attemptId, int? q, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee || await take.ReadAsync(attemptId, employee, cancellationToken) is not { } attempt)
        {
            return NotFound();
        }

        if (attempt.SubmittedAtUtc is not null)
        {
            return Redirect($"/Learning/Quiz/Attempts/{attemptId}/Result");
        }

        View = await QuizzesApi.ViewAsync(db, attempt, cancellationToken);
        Current = View.Questions.FirstOrDefault(x => x.Position == q) ?? View.Questions.FirstOrDefault(x => x.Answer is null) ?? View.Questions[0];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long attemptId, int q, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee || await take.ReadAsync(attemptId, employee, cancellationToken) is not { } attempt)
        {
            return NotFound();
        }

        var slot = attempt.Slots.FirstOrDefault(s => s.Position == q);
        if (slot is null)
        {
            return NotFound();
        }

        var response = ResponseFrom(FrozenQuestion.Of(slot).Question, out var problem);
        var result = problem is null ? await take.AnswerAsync(attemptId, employee, q, response, cancellationToken) : new AnswerResult(AnswerOutcome.Invalid, problem);
        switch (result.Outcome)
        {
            case AnswerOutcome.Saved:
                var answered = attempt.Slots.Count(s => s.Response is not null);
                TempData.Saved(l["Answer saved: {0} of {1} questions answered.", answered, attempt.Slots.Count]);
                return Redirect(q < attempt.Slots.Count ? $"/Learning/Quiz/Attempts/{attemptId}?q={q + 1}" : $"/Learning/Quiz/Attempts/{attemptId}/Submit");
            case AnswerOutcome.TooLate:
                TempData.Saved(l["The time was up, so that answer was not saved. Your attempt was graded with the answers saved before."]);
                return Redirect($"/Learning/Quiz/Attempts/{attemptId}/Result");
            case AnswerOutcome.Closed:
                return Redirect($"/Learning/Quiz/Attempts/{attemptId}/Result");
            case AnswerOutcome.Invalid:
                ModelState.AddModelError("answer", l[result.Problem!]);
                View = await QuizzesApi.ViewAsync(db, attempt, cancellationToken);
                Current = View.Questions.First(x => x.Position == q);
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>The answer from the posted form (<see cref="QuizAnswerForm"/>).</summary>
    private QuestionResponse ResponseFrom(BankQuestion question, out string? problem) =>
        QuizAnswerForm.Read(question, name => [.. Request.Form[name].Select(v => v ?? "")], out problem);
}
