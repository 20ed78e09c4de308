using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>The learner's result of one attempt, as far as the quiz's review setting shows it.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ResultModel(ServeWellDbContext db, TakeQuiz take) : PageModel
{
    public AttemptView View { get; private set; } = null!;

    /// <summary>The course lesson that is this quiz, for the way back; null when the quiz is not a lesson of the learner's.</summary>
    public string? LessonUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(long attemptId, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee || await take.ReadAsync(attemptId, employee, cancellationToken) is not { } attempt)
        {
            return NotFound();
        }

        if (attempt.SubmittedAtUtc is null)
        {
            return Redirect($"/Learning/Quiz/Attempts/{attemptId}");
        }

        View = await QuizzesApi.ViewAsync(db, attempt, cancellationToken);
        var lesson = await db.Set<CourseLesson>().Where(l => l.QuizId == attempt.QuizId && l.Kind == LessonKind.Quiz)
            .Join(db.Set<CourseSection>(), l => l.SectionId, s => s.Id, (l, s) => new { l.Id, s.CourseId })
            .Join(db.Set<Course>(), x => x.CourseId, c => c.Id, (x, c) => new { x.Id, c.ProgrammeId })
            .Where(x => db.Enrolments.Any(e => e.ProgrammeId == x.ProgrammeId && e.EmployeeId == employee))
            .FirstOrDefaultAsync(cancellationToken);
        LessonUrl = lesson is null ? null : $"/Learning/Programmes/{lesson.ProgrammeId}/Lessons/{lesson.Id}";
        return Page();
    }
}
