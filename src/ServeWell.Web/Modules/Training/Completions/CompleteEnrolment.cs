using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Completions;

/// <summary>Where an employee stands against a programme's completion rule in the current cycle.</summary>
public sealed record CompletionProgress(
    int Cycle, bool Attended, bool EvaluationRequired, bool EvaluationSubmitted, bool KnowledgeCheckRequired, bool KnowledgeCheckPassed, Completion? Completion)
{
    public bool Complete => Completion is not null;

    /// <summary>False for a self-study programme only (ADR-042).</summary>
    public bool AttendanceRequired { get; init; } = true;

    public bool CourseRequired { get; init; }

    public bool CourseCompleted { get; init; }

    public bool ScenarioRequired { get; init; }

    public bool ScenarioDone { get; init; }

    public bool RequirementsMet => (!AttendanceRequired || Attended) && (!CourseRequired || CourseCompleted)
        && (!EvaluationRequired || EvaluationSubmitted) && (!KnowledgeCheckRequired || KnowledgeCheckPassed)
        && (!ScenarioRequired || ScenarioDone);
}

/// <summary>
/// Decides whether an enrolment is complete by the programme's rule — attended, and where the programme says so, the
/// evaluation submitted and the knowledge check passed after the session, all in the current cycle — and records the
/// completion with its certificate. Safe to call any number of times and from several nodes at once (ADR-010).
/// </summary>
public sealed class CompleteEnrolment(ServeWellDbContext db, ProgrammeCycles cycles, IAttendedSession attended, IssueCertificate certificates, CompletionDating dating, TimeProvider clock)
{
    public async Task<CompletionProgress?> ProgressAsync(int programmeId, int employeeId, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        return programme is null ? null : await ProgressAsync(programme, employeeId, cancellationToken);
    }

    public async Task<CompletionProgress> ProgressAsync(Programme programme, int employeeId, CancellationToken cancellationToken)
    {
        var cycle = await cycles.CurrentAsync(programme, cancellationToken);
        var state = await db.Enrolments.AsNoTracking().Where(e => e.ProgrammeId == programme.Id && e.EmployeeId == employeeId)
            .Select(e => (EnrolmentState?)e.State).FirstOrDefaultAsync(cancellationToken);
        var completion = await db.Completions.AsNoTracking()
            .FirstOrDefaultAsync(c => c.ProgrammeId == programme.Id && c.EmployeeId == employeeId && c.Cycle == cycle.Number, cancellationToken);
        var evaluated = await db.SessionEvaluations.AnyAsync(e => e.ProgrammeId == programme.Id && e.EmployeeId == employeeId && e.Cycle == cycle.Number, cancellationToken);
        var passed = await db.KnowledgeAttempts.AnyAsync(
            a => a.ProgrammeId == programme.Id && a.EmployeeId == employeeId && a.Cycle == cycle.Number && a.Phase == KnowledgePhase.Post && a.Passed, cancellationToken);
        var courseRequired = programme.Completion.HasFlag(CompletionRequirements.CourseCompleted);
        var studied = courseRequired && await db.SelfStudyCompletions.AnyAsync(
            c => c.ProgrammeId == programme.Id && c.EmployeeId == employeeId && c.Cycle == cycle.Number, cancellationToken);
        var scenarioRequired = programme.Completion.HasFlag(CompletionRequirements.ScenarioPassed);
        var scenarioDone = scenarioRequired && (completion is not null
            || await dating.ScenarioDoneAtAsync(programme, employeeId, cycle.Number, cancellationToken) is not null);
        return new CompletionProgress(
            cycle.Number, state == EnrolmentState.Attended || completion is not null,
            programme.Completion.HasFlag(CompletionRequirements.EvaluationSubmitted), evaluated,
            programme.Completion.HasFlag(CompletionRequirements.KnowledgeCheckPassed), passed, completion)
        {
            AttendanceRequired = programme.Completion.HasFlag(CompletionRequirements.Attended),
            CourseRequired = courseRequired,
            CourseCompleted = studied || (courseRequired && completion is not null),
            ScenarioRequired = scenarioRequired,
            ScenarioDone = scenarioDone,
        };
    }

    /// <summary>Records the completion when the rule is met; answers it (new or already there), or null while something is missing.</summary>
    public async Task<Completion?> TryCompleteAsync(int programmeId, int employeeId, int? sessionId, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().Include(p => p.Instructors).FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return null;
        }

        var progress = await ProgressAsync(programme, employeeId, cancellationToken);
        if (progress.Completion is not null || !progress.RequirementsMet)
        {
            return progress.Completion;
        }

        var enrolmentId = await db.Enrolments.Where(e => e.ProgrammeId == programmeId && e.EmployeeId == employeeId).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (enrolmentId is null)
        {
            return null; // Self-study evidence of someone not (or no longer) enrolled completes nothing.
        }

        sessionId ??= await attended.FindAsync(programmeId, employeeId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // Dated by what the person did, not by when this ran (ADR-029).
        var completedAt = await dating.CompletingEventAsync(programme, employeeId, progress.Cycle, sessionId, now, cancellationToken);
        var completion = new Completion
        {
            ProgrammeId = programmeId, EmployeeId = employeeId, EnrolmentId = enrolmentId.Value, Cycle = progress.Cycle, SessionId = sessionId,
            CompletedAtUtc = completedAt, CompletedOn = dating.DateOf(completedAt), RecordedAtUtc = now,
        };
        db.Completions.Add(completion);
        var certificate = await certificates.PrepareAsync(completion, programme, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return completion;
        }
        catch (DbUpdateException)
        {
            // Another node recorded the same completion first; the unique index kept theirs.
            db.Entry(completion).State = EntityState.Detached;
            db.Entry(certificate).State = EntityState.Detached;
            db.ChangeTracker.Clear();
            return await db.Completions.AsNoTracking()
                .FirstOrDefaultAsync(c => c.ProgrammeId == programmeId && c.EmployeeId == employeeId && c.Cycle == progress.Cycle, cancellationToken)
                ?? throw new InvalidOperationException("The completion could not be recorded.");
        }
    }

    /// <summary>
    /// Completes every enrolment that meets its rule but has no completion in its programme's current cycle: the attended
    /// ones, and those with self-study evidence in the current cycle (ADR-042).
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        // Extension properties cannot appear inside a query expression; the sets are captured instead.
        var completions = db.Completions;
        var programmeCycles = db.ProgrammeCycles;
        var studied = db.SelfStudyCompletions;
        var candidates = await db.Enrolments.AsNoTracking()
            .Where(e => e.State == EnrolmentState.Attended || (e.State != EnrolmentState.Withdrawn && studied.Any(s => s.ProgrammeId == e.ProgrammeId && s.EmployeeId == e.EmployeeId
                && s.Cycle == (programmeCycles.Where(y => y.ProgrammeId == e.ProgrammeId).Max(y => (int?)y.Number) ?? 1))))
            .Where(e => !completions.Any(c => c.ProgrammeId == e.ProgrammeId && c.EmployeeId == e.EmployeeId
                && c.Cycle == programmeCycles.Where(y => y.ProgrammeId == e.ProgrammeId).Max(y => (int?)y.Number)))
            .OrderBy(e => e.Id)
            .Select(e => new { e.ProgrammeId, e.EmployeeId })
            .ToListAsync(cancellationToken);
        var completed = 0;
        foreach (var c in candidates)
        {
            if (await TryCompleteAsync(c.ProgrammeId, c.EmployeeId, null, cancellationToken) is not null)
            {
                completed++;
            }
        }

        return completed;
    }
}
