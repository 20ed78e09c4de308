using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Scorm;

/// <summary>
/// A package reaches learners through a course lesson (ADR-043): it is offered to an employee enrolled (not withdrawn)
/// in a programme whose self-study course has a lesson that plays it.
/// </summary>
public static class ScormOffers
{
    /// <summary>A course lesson that plays a package, with its programme.</summary>
    public sealed class PlayingLesson
    {
        public int ProgrammeId { get; init; }

        public int LessonId { get; init; }
    }

    /// <summary>The draft lessons that play the package, with their programmes (one query; offers and completion both use it).</summary>
    public static IQueryable<PlayingLesson> LessonsPlaying(ServeWellDbContext db, int packageId) =>
        db.Set<CourseLesson>().Where(l => l.ScormPackageId == packageId && l.Kind == LessonKind.Scorm)
            .Join(db.Set<CourseSection>(), l => l.SectionId, s => s.Id, (l, s) => new { LessonId = l.Id, s.CourseId })
            .Join(db.Set<Course>(), x => x.CourseId, c => c.Id, (x, c) => new PlayingLesson { ProgrammeId = c.ProgrammeId, LessonId = x.LessonId });

    public static async Task<bool> OfferedToAsync(ServeWellDbContext db, int packageId, int employeeId, CancellationToken cancellationToken)
    {
        var programmes = LessonsPlaying(db, packageId).Select(l => l.ProgrammeId);
        return await db.Enrolments.AnyAsync(e => e.EmployeeId == employeeId && e.State != EnrolmentState.Withdrawn && programmes.Contains(e.ProgrammeId), cancellationToken);
    }
}

/// <summary>
/// When a learner has completed every item of a package, the course lessons that play it are done, dated by the last
/// item's completion, through the course's own step (so the course, and the programme, complete as for any lesson).
/// </summary>
public sealed class ScormLessonCompletion(ServeWellDbContext db, StudyCourse study)
{
    public async Task RecordAsync(int packageId, int employeeId, CancellationToken cancellationToken)
    {
        var items = await db.Set<ScormSco>().Where(s => s.PackageId == packageId).Select(s => s.Id).ToListAsync(cancellationToken);
        var attempts = await db.Set<ScormAttempt>().AsNoTracking().Where(a => a.EmployeeId == employeeId && items.Contains(a.ScoId)).ToListAsync(cancellationToken);
        if (items.Count == 0 || attempts.Count(a => a.CompletedAt != null) < items.Count)
        {
            return;
        }

        var doneAt = attempts.Max(a => a.CompletedAt!.Value);
        var seconds = (int)Math.Min(int.MaxValue, attempts.Sum(a => a.TotalSeconds + a.SessionSeconds));
        var lessons = await ScormOffers.LessonsPlaying(db, packageId).ToListAsync(cancellationToken);
        foreach (var lesson in lessons)
        {
            await study.MarkDoneAsync(lesson.ProgrammeId, employeeId, lesson.LessonId, doneAt, seconds, null, cancellationToken, fromPackage: true);
        }
    }
}
