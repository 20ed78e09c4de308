using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Attendance;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Completions;

/// <summary>
/// When a completion happened (ADR-029): the instant of the last event the programme's rule needed — the attendance,
/// and where required the self-study course (ADR-042), the evaluation and the passed post knowledge check of the cycle — dated in the city's time zone.
/// Never the moment the system noticed: a sweep that runs days later dates a completion by what the person did.
/// </summary>
public sealed class CompletionDating(ServeWellDbContext db, CityClock city, IProgrammeScenarios scenarios)
{
    /// <summary>How many rows written before ADR-029 one pass re-dates; the rest follow on the next pass.</summary>
    public const int RedateBatch = 500;

    /// <summary>The instant of the completing event (UTC), never later than <paramref name="notAfter"/>.</summary>
    public async Task<DateTime> CompletingEventAsync(Programme programme, int employeeId, int cycle, int? sessionId, DateTime notAfter, CancellationToken cancellationToken)
    {
        var last = programme.Completion.HasFlag(CompletionRequirements.Attended)
            ? await AttendedAtAsync(programme.Id, employeeId, sessionId, cancellationToken) ?? notAfter
            : DateTime.MinValue;
        if (programme.Completion.HasFlag(CompletionRequirements.CourseCompleted)
            && await db.SelfStudyCompletions.AsNoTracking()
                .Where(c => c.ProgrammeId == programme.Id && c.EmployeeId == employeeId && c.Cycle == cycle)
                .Select(c => (DateTime?)c.CompletedAtUtc).FirstOrDefaultAsync(cancellationToken) is { } studied
            && studied > last)
        {
            last = studied;
        }

        if (programme.Completion.HasFlag(CompletionRequirements.EvaluationSubmitted)
            && await db.SessionEvaluations.AsNoTracking()
                .Where(e => e.ProgrammeId == programme.Id && e.EmployeeId == employeeId && e.Cycle == cycle)
                .OrderBy(e => e.SubmittedAtUtc).Select(e => (DateTime?)e.SubmittedAtUtc).FirstOrDefaultAsync(cancellationToken) is { } evaluated
            && evaluated > last)
        {
            last = evaluated;
        }

        if (programme.Completion.HasFlag(CompletionRequirements.KnowledgeCheckPassed)
            && await db.KnowledgeAttempts.AsNoTracking()
                .Where(a => a.ProgrammeId == programme.Id && a.EmployeeId == employeeId && a.Cycle == cycle && a.Phase == KnowledgePhase.Post && a.Passed)
                .OrderBy(a => a.SubmittedAtUtc).Select(a => (DateTime?)a.SubmittedAtUtc).FirstOrDefaultAsync(cancellationToken) is { } passed
            && passed > last)
        {
            last = passed;
        }

        if (await ScenarioDoneAtAsync(programme, employeeId, cycle, cancellationToken) is { } played && played > last)
        {
            last = played;
        }

        return last < notAfter && last != DateTime.MinValue ? last : notAfter;
    }

    /// <summary>
    /// When the programme's scenario was first played to a qualifying ending in the cycle (ADR-061): since the cycle opened,
    /// or at any time for the first cycle; null when the programme requires no scenario or it is not done.
    /// </summary>
    public async Task<DateTime?> ScenarioDoneAtAsync(Programme programme, int employeeId, int cycle, CancellationToken cancellationToken)
    {
        if (!programme.Completion.HasFlag(CompletionRequirements.ScenarioPassed) || programme.ScenarioId is not { } scenarioId)
        {
            return null;
        }

        var since = cycle <= 1 ? DateTime.MinValue : await db.ProgrammeCycles.AsNoTracking()
            .Where(c => c.ProgrammeId == programme.Id && c.Number == cycle).Select(c => c.OpenedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return await scenarios.DoneAtAsync(scenarioId, employeeId, programme.ScenarioMinPercent, since, cancellationToken);
    }

    /// <summary>The city's date of a completing event.</summary>
    public DateOnly DateOf(DateTime utc) => city.DateOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>
    /// Re-dates completions written before ADR-029 (no <see cref="Completion.CompletedAtUtc"/>; their date was the day
    /// the system recorded them) and their certificates' copy of the date; answers how many. Idempotent and safe to run
    /// on several nodes at once: each computes the same values.
    /// </summary>
    public async Task<int> RedateRecordedRowsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Completions.Where(c => c.CompletedAtUtc == null).OrderBy(c => c.Id).Take(RedateBatch).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var programmeIds = rows.Select(r => r.ProgrammeId).Distinct().ToList();
        var programmes = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var certificates = await db.Certificates.Where(c => ids.Contains(c.CompletionId)).ToDictionaryAsync(c => c.CompletionId, cancellationToken);
        foreach (var row in rows)
        {
            var at = await CompletingEventAsync(programmes[row.ProgrammeId], row.EmployeeId, row.Cycle, row.SessionId, row.RecordedAtUtc, cancellationToken);
            row.CompletedAtUtc = at;
            row.CompletedOn = DateOf(at);
            if (certificates.TryGetValue(row.Id, out var certificate))
            {
                certificate.CompletedOn = row.CompletedOn;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>
    /// When the employee attended: the attendance record's arrival (or its session's start), latest first; without a
    /// record, the named session's start, else when the enrolment became attended.
    /// </summary>
    private async Task<DateTime?> AttendedAtAsync(int programmeId, int employeeId, int? sessionId, CancellationToken cancellationToken)
    {
        var recorded = await (from a in db.Attendance.AsNoTracking()
                              join s in db.TrainingSessions on a.SessionId equals s.Id
                              where a.EmployeeId == employeeId && s.ProgrammeId == programmeId && a.Status != AttendanceStatus.Excused
                                  && (sessionId == null || a.SessionId == sessionId)
                              orderby s.StartsAtUtc descending
                              select (DateTime?)(a.ArrivedAt ?? s.StartsAtUtc)).FirstOrDefaultAsync(cancellationToken);
        if (recorded is not null)
        {
            return recorded;
        }

        if (sessionId is not null
            && await db.TrainingSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => (DateTime?)s.StartsAtUtc).FirstOrDefaultAsync(cancellationToken) is { } starts)
        {
            return starts;
        }

        return await db.Enrolments.AsNoTracking()
            .Where(e => e.ProgrammeId == programmeId && e.EmployeeId == employeeId && e.State == EnrolmentState.Attended)
            .Select(e => (DateTime?)e.StateSince).FirstOrDefaultAsync(cancellationToken);
    }
}
