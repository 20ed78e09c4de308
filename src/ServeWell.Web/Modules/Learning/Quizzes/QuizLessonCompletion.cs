using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>
/// When a learner passes a quiz, the course lessons that are that quiz are done, dated by the submission, through the
/// course's own step (as <see cref="Scorm.ScormLessonCompletion"/> does for packages), so the course and the programme
/// complete as for any lesson.
/// </summary>
public sealed class QuizLessonCompletion(ServeWellDbContext db, StudyCourse study)
{
    public async Task RecordAsync(int quizId, int employeeId, DateTime passedAtUtc, int seconds, CancellationToken cancellationToken)
    {
        var lessons = await db.Set<CourseLesson>().Where(l => l.QuizId == quizId && l.Kind == LessonKind.Quiz)
            .Join(db.Set<CourseSection>(), l => l.SectionId, s => s.Id, (l, s) => new { LessonId = l.Id, s.CourseId })
            .Join(db.Set<Course>(), x => x.CourseId, c => c.Id, (x, c) => new { c.ProgrammeId, x.LessonId })
            .ToListAsync(cancellationToken);
        foreach (var lesson in lessons)
        {
            // Not enrolled in that programme, or the lesson is not in the version studied: NotFound, and nothing is written.
            await study.MarkDoneAsync(lesson.ProgrammeId, employeeId, lesson.LessonId, passedAtUtc, seconds, null, cancellationToken, fromPackage: true);
        }
    }
}
