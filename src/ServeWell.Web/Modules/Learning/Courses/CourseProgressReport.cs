using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Courses;

public enum LearnerStatus
{
    NotStarted,
    InProgress,
    Done,
    Overdue,
}

public sealed record LearnerRow(int EmployeeId, string Name, string Unit, int Done, int Total, int SecondsSpent, LearnerStatus Status);

public sealed record CourseProgressSummary(int Enrolled, int NotStarted, int InProgress, int Done, int Overdue, IReadOnlyList<LearnerRow> Learners);

/// <summary>
/// Who is enrolled in a course's programme, and how far each is in the current cycle, within the reader's scope
/// (a supervisor sees the learners of their units). Done is the training record's completion, so it agrees with compliance.
/// </summary>
public sealed class CourseProgressReport(ServeWellDbContext db, RecordSelfStudy record, CityClock city)
{
    public async Task<CourseProgressSummary?> ReadAsync(int courseId, ScopeFilter scope, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is null)
        {
            return null;
        }

        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == course.ProgrammeId, cancellationToken);
        var cycle = await record.CurrentCycleAsync(programme.Id, cancellationToken) ?? 1;
        var enrolled = db.Enrolments.Where(e => e.ProgrammeId == programme.Id && e.State != EnrolmentState.Withdrawn).Select(e => e.EmployeeId);
        var people = await scope.Apply(db.Employees.AsNoTracking()).Where(e => enrolled.Contains(e.Id))
            .OrderBy(e => e.Name).Select(e => new { e.Id, e.Name, Unit = e.OrgUnit!.Name }).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var attempts = await db.CourseAttempts.AsNoTracking().Where(a => a.CourseId == courseId && a.Cycle == cycle && ids.Contains(a.EmployeeId))
            .Join(db.CourseVersions, a => a.CourseVersionId, v => v.Id, (a, v) => new { a.Id, a.EmployeeId, v.LessonCount }).ToListAsync(cancellationToken);
        var attemptIds = attempts.Select(a => a.Id).ToList();
        var steps = await db.LessonSteps.AsNoTracking().Where(s => attemptIds.Contains(s.AttemptId))
            .GroupBy(s => s.AttemptId)
            .Select(g => new { AttemptId = g.Key, Done = g.Count(s => s.DoneAtUtc != null), Seconds = g.Sum(s => s.SecondsSpent) })
            .ToDictionaryAsync(s => s.AttemptId, cancellationToken);
        var completed = (await db.Completions.AsNoTracking().Where(c => c.ProgrammeId == programme.Id && c.Cycle == cycle && ids.Contains(c.EmployeeId))
            .Select(c => c.EmployeeId).ToListAsync(cancellationToken)).ToHashSet();
        var latestCount = await db.CourseVersions.AsNoTracking().Where(v => v.CourseId == courseId).OrderByDescending(v => v.Number)
            .Select(v => v.LessonCount).FirstOrDefaultAsync(cancellationToken);
        var overdue = programme.DueDate is { } due && due < city.Today;
        var rows = people.Select(p =>
        {
            var attempt = attempts.FirstOrDefault(a => a.EmployeeId == p.Id);
            var step = attempt is null ? null : steps.GetValueOrDefault(attempt.Id);
            var status = completed.Contains(p.Id) ? LearnerStatus.Done
                : overdue ? LearnerStatus.Overdue
                : attempt is null ? LearnerStatus.NotStarted : LearnerStatus.InProgress;
            return new LearnerRow(p.Id, p.Name, p.Unit, step?.Done ?? 0, attempt?.LessonCount ?? latestCount, step?.Seconds ?? 0, status);
        }).ToList();
        return new CourseProgressSummary(
            rows.Count, rows.Count(r => r.Status == LearnerStatus.NotStarted), rows.Count(r => r.Status == LearnerStatus.InProgress),
            rows.Count(r => r.Status == LearnerStatus.Done), rows.Count(r => r.Status == LearnerStatus.Overdue), rows);
    }
}
