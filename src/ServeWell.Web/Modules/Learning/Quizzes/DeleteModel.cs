using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>
/// Removing a quiz after a confirmation that says what happens (ADR-049): deleted when nobody attempted it, archived with
/// its attempts and results when someone did; a quiz that a course's lesson uses is kept, and the page names the courses.
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class DeleteModel(EditQuiz edit, IStringLocalizer<SharedResource> l) : PageModel
{
    public Confirmation? Confirm { get; private set; }

    public string Title { get; private set; } = "";

    public int Id { get; private set; }

    /// <summary>The courses whose lessons use the quiz; when any, nothing can be removed.</summary>
    public IReadOnlyList<string> UsedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int id, bool confirmed, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } quiz)
        {
            return NotFound();
        }

        if (!confirmed || UsedBy.Count > 0)
        {
            return Page();
        }

        var removal = await edit.RemoveAsync(quiz, User.Identity?.Name ?? "officer", cancellationToken);
        switch (removal.Outcome)
        {
            case EditQuiz.RemoveOutcome.Deleted:
                TempData.Saved(l["The quiz {0} has been deleted.", Title]);
                return Redirect("/Learning/Quizzes");
            case EditQuiz.RemoveOutcome.Archived:
                TempData.Saved(l["The quiz {0} has been archived; its {1} attempts and results are kept.", Title, removal.Attempts]);
                return Redirect("/Learning/Quizzes");
            default:
                UsedBy = removal.UsedBy; // a lesson took it up in the meantime
                Confirm = null;
                return Page();
        }
    }

    private async Task<Quiz?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { ArchivedAtUtc: null } quiz)
        {
            return null;
        }

        (Id, Title) = (quiz.Id, quiz.Title.ToString());
        var removal = await edit.RemovalAsync(quiz, cancellationToken);
        UsedBy = removal.UsedBy;
        if (removal.Outcome == EditQuiz.RemoveOutcome.InUse)
        {
            return quiz;
        }

        var archive = removal.Outcome == EditQuiz.RemoveOutcome.Archived;
        Confirm = new Confirmation(
            archive ? l["Archive the quiz {0}?", Title] : l["Delete the quiz {0}?", Title],
            archive
                ? [l["Learners have made {0} attempts at it. They and the results are kept; the quiz leaves the list and can no longer be started or chosen for a lesson.", removal.Attempts], l["This cannot be undone."]]
                : [l["Nobody has attempted it. The quiz and its choice of categories are deleted; the bank's questions stay."], l["This cannot be undone."]],
            archive ? l["Archive the quiz"] : l["Delete the quiz"], $"/Learning/Quizzes/{id}/Delete", $"/Learning/Quizzes/{id}", l["Back to the quiz"]);
        return quiz;
    }
}
