using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>How far one learner is in the version they study.</summary>
public sealed record CourseProgress(
    int VersionNumber, int Done, int Total, int SecondsSpent, DateTime? CompletedAtUtc, int? ResumeKey, IReadOnlySet<int> DoneKeys, bool Started)
{
    public bool Completed => CompletedAtUtc is not null;

    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}

/// <summary>One learner's course: the programme, the version they study (or would start) and their progress.</summary>
public sealed record StudyView(Programme Programme, Course Course, CourseContent Content, CourseProgress Progress);

public enum MarkDoneOutcome
{
    Done,
    AlreadyDone,
    NotFound,
    KeyReused,

    /// <summary>The lesson plays a purchased (SCORM) course: it is done when every item of the package is (ADR-043).</summary>
    DoneByPackage,

    /// <summary>The lesson is a quiz: it is done when the learner passes it (ADR-044).</summary>
    DoneByQuiz,
}

/// <summary>
/// The learner's side of a course (ADR-042): an attempt starts on the latest version when the first lesson is opened and
/// keeps that version; opening a lesson records that it was opened, only "done" marks it done; the last lesson done
/// completes the attempt, dated by that lesson's moment, and reports it to Training through <see cref="RecordSelfStudy"/>.
/// </summary>
public sealed class StudyCourse(ServeWellDbContext db, RecordSelfStudy record, TimeProvider clock)
{
    /// <summary>Time on one lesson is counted up to this, so a tab left open overnight does not count as study.</summary>
    public static readonly TimeSpan MaxLessonTime = TimeSpan.FromHours(2);

    /// <summary>The self-study courses of the employee's enrolments (published programmes with a published course).</summary>
    public async Task<IReadOnlyList<StudyView>> MineAsync(int employeeId, CancellationToken cancellationToken)
    {
        var programmeIds = await db.Enrolments.AsNoTracking().Where(e => e.EmployeeId == employeeId && e.State != EnrolmentState.Withdrawn)
            .Select(e => e.ProgrammeId).ToListAsync(cancellationToken);
        var views = new List<StudyView>();
        foreach (var id in programmeIds)
        {
            if (await ReadAsync(id, employeeId, cancellationToken) is { } view)
            {
                views.Add(view);
            }
        }

        return [.. views.OrderBy(v => v.Progress.CompletedAtUtc is not null).ThenBy(v => v.Programme.DueDate ?? DateOnly.MaxValue)];
    }

    /// <summary>The course of a programme the employee is enrolled in, with their progress; null when there is none to study.</summary>
    public async Task<StudyView?> ReadAsync(int programmeId, int employeeId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(programmeId, employeeId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var (programme, course, cycle) = found.Value;
        var attempt = await db.CourseAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.CourseId == course.Id && a.EmployeeId == employeeId && a.Cycle == cycle, cancellationToken);
        var version = attempt is null
            ? await db.CourseVersions.AsNoTracking().Where(v => v.CourseId == course.Id).OrderByDescending(v => v.Number).FirstAsync(cancellationToken)
            : await db.CourseVersions.AsNoTracking().FirstAsync(v => v.Id == attempt.CourseVersionId, cancellationToken);
        var content = CourseContent.FromJson(version.Content);
        var steps = attempt is null ? [] : await db.LessonSteps.AsNoTracking().Where(s => s.AttemptId == attempt.Id).ToListAsync(cancellationToken);
        return new StudyView(programme, course, content, ProgressOf(version.Number, content, attempt, steps));
    }

    /// <summary>Starts the attempt if there is none, without opening a lesson: a copy kept for offline fixes the version (ADR-045).</summary>
    public async Task<StudyView?> BeginAsync(int programmeId, int employeeId, CancellationToken cancellationToken) =>
        await AttemptAsync(programmeId, employeeId, cancellationToken) is null ? null : await ReadAsync(programmeId, employeeId, cancellationToken);

    /// <summary>Opens a lesson: starts the attempt on the latest version if needed and records the opening (never "done").</summary>
    public async Task<StudyView?> OpenLessonAsync(int programmeId, int employeeId, int key, CancellationToken cancellationToken)
    {
        var attempt = await AttemptAsync(programmeId, employeeId, cancellationToken);
        if (attempt is null)
        {
            return null;
        }

        var content = await ContentAsync(attempt.CourseVersionId, cancellationToken);
        if (content.Find(key) is null)
        {
            return null;
        }

        var now = Now;
        attempt.LastLessonKey = key;
        attempt.LastOpenedAtUtc = now;
        if (!await db.LessonSteps.AnyAsync(s => s.AttemptId == attempt.Id && s.LessonKey == key, cancellationToken))
        {
            db.LessonSteps.Add(new LessonStep { AttemptId = attempt.Id, LessonKey = key, FirstOpenedAtUtc = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        await CreditEarlierPassesAsync(programmeId, attempt, content, cancellationToken);
        return await ReadAsync(programmeId, employeeId, cancellationToken);
    }

    /// <summary>
    /// A quiz lesson whose quiz the learner passed before it was a lesson of their course, or before they were enrolled,
    /// is done when they reach the course (ADR-049), dated by the first passing submission. In a later cycle of a
    /// recurring programme only a pass after the cycle before was completed counts.
    /// </summary>
    private async Task CreditEarlierPassesAsync(int programmeId, CourseAttempt attempt, CourseContent content, CancellationToken cancellationToken)
    {
        var quizLessons = content.Lessons.Where(l => l.Kind == LessonKind.Quiz && l.QuizId is not null).ToList();
        if (quizLessons.Count == 0)
        {
            return;
        }

        var done = await db.LessonSteps.Where(s => s.AttemptId == attempt.Id && s.DoneAtUtc != null).Select(s => s.LessonKey).ToListAsync(cancellationToken);
        var open = quizLessons.Where(l => !done.Contains(l.Key)).ToList();
        if (open.Count == 0)
        {
            return;
        }

        var since = await db.CourseAttempts.Where(a => a.CourseId == attempt.CourseId && a.EmployeeId == attempt.EmployeeId && a.Cycle < attempt.Cycle)
            .MaxAsync(a => a.CompletedAtUtc, cancellationToken) ?? DateTime.MinValue;
        var quizIds = open.Select(l => l.QuizId!.Value).Distinct().ToList();
        var passes = await db.QuizAttempts.AsNoTracking()
            .Where(a => a.EmployeeId == attempt.EmployeeId && quizIds.Contains(a.QuizId) && a.Passed == true && a.SubmittedAtUtc > since)
            .GroupBy(a => a.QuizId).Select(g => new { QuizId = g.Key, At = g.Min(a => a.SubmittedAtUtc) })
            .ToListAsync(cancellationToken);
        foreach (var lesson in open)
        {
            if (passes.FirstOrDefault(p => p.QuizId == lesson.QuizId) is { At: { } at })
            {
                await MarkDoneAsync(programmeId, attempt.EmployeeId, lesson.Key, at, 0, null, cancellationToken, fromPackage: true);
            }
        }
    }

    /// <summary>
    /// Marks a lesson of the employee's attempt done. <paramref name="doneAtUtc"/> and <paramref name="seconds"/> come from
    /// a device that synced later (bounded by the attempt's start and now); without them, now and the time since the lesson
    /// was opened. The same <paramref name="idempotencyKey"/> again answers <see cref="MarkDoneOutcome.AlreadyDone"/>;
    /// used for another lesson, <see cref="MarkDoneOutcome.KeyReused"/>.
    /// </summary>
    public async Task<MarkDoneOutcome> MarkDoneAsync(
        int programmeId, int employeeId, int key, DateTime? doneAtUtc, int? seconds, string? idempotencyKey, CancellationToken cancellationToken, bool fromPackage = false)
    {
        if (idempotencyKey is not null
            && await db.LessonSteps.AsNoTracking().Where(s => s.IdempotencyKey == idempotencyKey)
                .Join(db.CourseAttempts, s => s.AttemptId, a => a.Id, (s, a) => new { s.LessonKey, a.EmployeeId }).FirstOrDefaultAsync(cancellationToken) is { } used)
        {
            return used.LessonKey == key && used.EmployeeId == employeeId ? MarkDoneOutcome.AlreadyDone : MarkDoneOutcome.KeyReused;
        }

        var attempt = await AttemptAsync(programmeId, employeeId, cancellationToken);
        if (attempt is null)
        {
            return MarkDoneOutcome.NotFound;
        }

        var content = await ContentAsync(attempt.CourseVersionId, cancellationToken);
        if (content.Find(key) is not { } lesson)
        {
            return MarkDoneOutcome.NotFound;
        }

        if (lesson.Kind == LessonKind.Scorm && lesson.ScormPackageId is not null && !fromPackage)
        {
            return MarkDoneOutcome.DoneByPackage;
        }

        if (lesson.Kind == LessonKind.Quiz && lesson.QuizId is not null && !fromPackage)
        {
            return MarkDoneOutcome.DoneByQuiz;
        }

        var now = Now;
        var step = await db.LessonSteps.FirstOrDefaultAsync(s => s.AttemptId == attempt.Id && s.LessonKey == key, cancellationToken);
        if (step?.DoneAtUtc is not null)
        {
            return MarkDoneOutcome.AlreadyDone;
        }

        // A device's moment is held within the attempt; a package's or quiz's is the server's own and may precede the attempt
        // (a quiz passed before the course was begun, ADR-049).
        var at = doneAtUtc is { } d ? (d > now ? now : d < attempt.StartedAtUtc && !fromPackage ? attempt.StartedAtUtc : d) : now;
        var spent = seconds ?? (attempt.LastLessonKey == key && attempt.LastOpenedAtUtc is { } opened ? (int)(now - opened).TotalSeconds : 0);
        step ??= db.LessonSteps.Add(new LessonStep { AttemptId = attempt.Id, LessonKey = key, FirstOpenedAtUtc = at }).Entity;
        step.DoneAtUtc = at;
        step.SecondsSpent = Math.Clamp(spent, 0, (int)MaxLessonTime.TotalSeconds);
        step.IdempotencyKey = idempotencyKey;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same lesson or key arrived twice at once; the first write stands.
            db.ChangeTracker.Clear();
            return MarkDoneOutcome.AlreadyDone;
        }

        await CompleteIfDoneAsync(programmeId, attempt, content, cancellationToken);
        return MarkDoneOutcome.Done;
    }

    private async Task CompleteIfDoneAsync(int programmeId, CourseAttempt attempt, CourseContent content, CancellationToken cancellationToken)
    {
        var done = await db.LessonSteps.Where(s => s.AttemptId == attempt.Id && s.DoneAtUtc != null).Select(s => new { s.LessonKey, s.DoneAtUtc }).ToListAsync(cancellationToken);
        var keys = content.Lessons.Select(l => l.Key).ToHashSet();
        if (attempt.CompletedAtUtc is not null || !keys.IsSubsetOf(done.Select(s => s.LessonKey)))
        {
            return;
        }

        // Dated by the moment the last required lesson was done (ADR-029), which an offline device may report late.
        attempt.CompletedAtUtc = done.Where(s => keys.Contains(s.LessonKey)).Max(s => s.DoneAtUtc!.Value);
        await db.SaveChangesAsync(cancellationToken);
        var number = await db.CourseVersions.Where(v => v.Id == attempt.CourseVersionId).Select(v => v.Number).FirstAsync(cancellationToken);
        await record.RecordAsync(programmeId, attempt.EmployeeId, attempt.Cycle, attempt.CompletedAtUtc.Value, $"course {attempt.CourseId} version {number}", cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<CourseContent> ContentAsync(int versionId, CancellationToken cancellationToken) =>
        CourseContent.FromJson(await db.CourseVersions.Where(v => v.Id == versionId).Select(v => v.Content).FirstAsync(cancellationToken));

    /// <summary>The employee's attempt in the programme's current cycle, started on the latest version when there is none.</summary>
    private async Task<CourseAttempt?> AttemptAsync(int programmeId, int employeeId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(programmeId, employeeId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var (_, course, cycle) = found.Value;
        var attempt = await db.CourseAttempts.FirstOrDefaultAsync(a => a.CourseId == course.Id && a.EmployeeId == employeeId && a.Cycle == cycle, cancellationToken);
        if (attempt is not null)
        {
            return attempt;
        }

        var latest = await db.CourseVersions.Where(v => v.CourseId == course.Id).OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync(cancellationToken);
        attempt = db.CourseAttempts.Add(new CourseAttempt { CourseId = course.Id, CourseVersionId = latest, EmployeeId = employeeId, Cycle = cycle, StartedAtUtc = Now }).Entity;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return attempt;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.CourseAttempts.FirstAsync(a => a.CourseId == course.Id && a.EmployeeId == employeeId && a.Cycle == cycle, cancellationToken);
        }
    }

    /// <summary>The programme, its course with at least one version, and the current cycle, when the employee is enrolled.</summary>
    private async Task<(Programme, Course, int)?> FindAsync(int programmeId, int employeeId, CancellationToken cancellationToken)
    {
        var enrolled = await db.Enrolments.AnyAsync(e => e.ProgrammeId == programmeId && e.EmployeeId == employeeId && e.State != EnrolmentState.Withdrawn, cancellationToken);
        var programme = enrolled ? await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId && p.State == ProgrammeState.Published, cancellationToken) : null;
        var course = programme is null ? null : await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.ProgrammeId == programmeId, cancellationToken);
        if (course is null || !await db.CourseVersions.AnyAsync(v => v.CourseId == course.Id, cancellationToken))
        {
            return null;
        }

        return (programme!, course, await record.CurrentCycleAsync(programmeId, cancellationToken) ?? 1);
    }

    private static CourseProgress ProgressOf(int number, CourseContent content, CourseAttempt? attempt, IReadOnlyList<LessonStep> steps)
    {
        var keys = content.Lessons.Select(l => l.Key).ToList();
        var done = steps.Where(s => s.DoneAtUtc is not null && keys.Contains(s.LessonKey)).Select(s => s.LessonKey).ToHashSet();
        int? resume = attempt?.LastLessonKey is { } last && !done.Contains(last) && keys.Contains(last)
            ? last
            : keys.Cast<int?>().FirstOrDefault(k => !done.Contains(k!.Value)) ?? keys.Cast<int?>().FirstOrDefault();
        return new CourseProgress(number, done.Count, keys.Count, steps.Sum(s => s.SecondsSpent), attempt?.CompletedAtUtc, resume, done, attempt is not null);
    }
}
