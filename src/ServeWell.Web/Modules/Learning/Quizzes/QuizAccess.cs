using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>
/// Who may take a quiz (ADR-049): an employee for whom it is a lesson of a course they study — enrolled (not withdrawn) in
/// a published programme whose course, in the version they study (or would start: the latest), has a lesson that is
/// the quiz. Anyone else is told the quiz does not exist (404). Training officers see a quiz through its preview, never
/// by taking it, so their tries do not enter the statistics.
/// An employee enrolled (not withdrawn) in a published programme whose before/after knowledge check is the quiz
/// (ADR-048) may take it too; the check page decides which phase an attempt counts for.
/// </summary>
public sealed class QuizAccess(ServeWellDbContext db)
{
    public async Task<bool> CanTakeAsync(int employeeId, int quizId, CancellationToken cancellationToken)
    {
        return await IsCheckOfAsync(employeeId, quizId, cancellationToken)
            || await IsLessonOfAsync(employeeId, quizId, cancellationToken);
    }

    private Task<bool> IsCheckOfAsync(int employeeId, int quizId, CancellationToken cancellationToken) =>
        db.Set<Training.KnowledgeChecks.KnowledgeCheck>().AsNoTracking()
            .Where(k => k.QuizId == quizId)
            .Join(db.Programmes.Where(p => p.State == ProgrammeState.Published), k => k.ProgrammeId, p => p.Id, (k, p) => p.Id)
            .AnyAsync(p => db.Enrolments.Any(e => e.ProgrammeId == p && e.EmployeeId == employeeId && e.State != EnrolmentState.Withdrawn), cancellationToken);

    private async Task<bool> IsLessonOfAsync(int employeeId, int quizId, CancellationToken cancellationToken)
    {
        // Cheap refusal first: no course anywhere has (or had, in its draft) a lesson that is this quiz.
        var courses = await db.Enrolments.AsNoTracking()
            .Where(e => e.EmployeeId == employeeId && e.State != EnrolmentState.Withdrawn)
            .Join(db.Programmes.Where(p => p.State == ProgrammeState.Published), e => e.ProgrammeId, p => p.Id, (e, p) => p.Id)
            .Join(db.Courses, p => p, c => c.ProgrammeId, (p, c) => c.Id)
            .ToListAsync(cancellationToken);
        if (courses.Count == 0)
        {
            return false;
        }

        // The version each course is studied in: the learner's attempt's, else the latest (the one an attempt would start on).
        var studied = await db.CourseAttempts.AsNoTracking().Where(a => a.EmployeeId == employeeId && courses.Contains(a.CourseId))
            .Select(a => new { a.CourseId, a.CourseVersionId, a.Cycle }).ToListAsync(cancellationToken);
        var latest = await db.CourseVersions.AsNoTracking().Where(v => courses.Contains(v.CourseId))
            .GroupBy(v => v.CourseId).Select(g => g.Max(v => v.Id)).ToListAsync(cancellationToken);
        var versions = studied.Select(a => a.CourseVersionId).Concat(latest).Distinct().ToList();
        var contents = await db.CourseVersions.AsNoTracking().Where(v => versions.Contains(v.Id)).Select(v => v.Content).ToListAsync(cancellationToken);
        return contents.Any(json => CourseContent.FromJson(json).Lessons.Any(l => l.Kind == LessonKind.Quiz && l.QuizId == quizId));
    }
}
