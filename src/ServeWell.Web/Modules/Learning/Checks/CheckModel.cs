using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Checks;

/// <summary>
/// An enrolled employee's knowledge check before or after their session (ADR-048): their result so far and start (or
/// resume) an attempt at the programme's quiz, answered on the quiz's own pages. Not found when the check is not open
/// to them in that phase, as the old page was.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CheckModel(ServeWellDbContext db, TakeKnowledgeCheck checks, IProgrammeCheckQuizzes quizzes, TakeQuiz take, IStringLocalizer<SharedResource> l) : PageModel
{
    public KnowledgeInvitation Invitation { get; private set; } = null!;

    public KnowledgePhase Phase { get; private set; }

    public CheckQuiz Quiz { get; private set; } = null!;

    /// <summary>Attempts at the quiz still allowed; null for no limit.</summary>
    public int? AttemptsLeft { get; private set; }

    public long? OpenAttemptId { get; private set; }

    public string? Refused { get; private set; }

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

        var result = await take.StartAsync(Quiz.Id, User.EmployeeId()!.Value, cancellationToken);
        if (result.Attempt is { } attempt)
        {
            return Redirect($"/Learning/Quiz/Attempts/{attempt.Id}");
        }

        Refused = result.Outcome == StartOutcome.LimitReached
            ? l["You have used all {0} attempts at this quiz, so you cannot start another.", result.Limit ?? 0]
            : l["The quiz has no questions to draw at the moment. Ask your training officer."];
        return Page();
    }

    private async Task<bool> LoadAsync(int programmeId, string phase, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<KnowledgePhase>(phase, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || User.EmployeeId() is not { } employeeId
            || await checks.InvitationAsync(programmeId, employeeId, parsed, cancellationToken) is not { } invitation
            || await quizzes.FindAsync(invitation.Check.QuizId!.Value, cancellationToken) is not { } quiz)
        {
            return false;
        }

        (Phase, Invitation, Quiz) = (parsed, invitation, quiz);
        var used = await db.QuizAttempts.CountAsync(a => a.QuizId == quiz.Id && a.EmployeeId == employeeId, cancellationToken);
        AttemptsLeft = quiz.MaxAttempts is { } max ? Math.Max(0, max - used) : null;
        OpenAttemptId = await db.QuizAttempts.Where(a => a.OpenQuizId == quiz.Id && a.EmployeeId == employeeId).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
