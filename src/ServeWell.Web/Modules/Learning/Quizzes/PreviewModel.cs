using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>
/// A training officer's preview (ADR-049): one draw as a learner would get it, with the right answers and feedback,
/// recorded nowhere, so officers see a quiz without taking it and without entering its statistics.
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class PreviewModel(EditQuiz edit, TakeQuiz take, TimeProvider clock) : PageModel
{
    public Quiz Quiz { get; private set; } = null!;

    public AttemptView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } quiz)
        {
            return NotFound();
        }

        Quiz = quiz;
        var sample = new QuizAttempt { QuizId = quiz.Id, Number = 1, PassPercent = quiz.PassPercent, Review = QuizReview.Feedback, SubmittedAtUtc = clock.GetUtcNow().UtcDateTime };
        sample.Slots.AddRange(await take.DrawAsync(quiz, cancellationToken));
        View = AttemptView.Of(sample, quiz.Title.ToString(), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        return Page();
    }
}
