using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Attendance;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Evaluations;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.MyTraining;

public sealed record SessionChoice(SessionRow Row, int Taken, int Waiting)
{
    public int Left => Math.Max(0, Row.Session.Capacity - Taken);
}

public sealed record MyPlace(SessionRow Row, SessionRegistration Registration, int WaitlistPosition, IReadOnlyList<SessionRow> Overlaps, AttendanceRecord? Attendance);

/// <summary>One programme of the person's: the next step and what the page shows around it.</summary>
public sealed record MyProgramme(
    Programme Programme, EnrolmentState State, StepKind Step, MyPlace? Current, IReadOnlyList<MyPlace> Past, IReadOnlyList<SessionChoice> Choices,
    CompletionProgress Progress, SessionRow? AttendedSession, EvaluationStatus? Evaluation, bool HasKnowledgeCheck, KnowledgeAttempt? Pre, KnowledgeAttempt? Post,
    string? CertificateCode);

public sealed record MyTrainingView(IReadOnlyList<MyProgramme> Programmes, IReadOnlyList<Certificate> Certificates, DateOnly Today);

/// <summary>Reads everything "My training" shows for one employee and decides each programme's next step (<see cref="NextStep"/>).</summary>
public sealed class MyTrainingRead(
    ServeWellDbContext db, CompleteEnrolment complete, IAttendedSession attended, SubmitEvaluation evaluations, ProgrammeCycles cycles, TimeProvider clock)
{
    public async Task<MyTrainingView> ReadAsync(int employee, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.EmployeeId == employee && e.State != EnrolmentState.Withdrawn)
            .Select(e => new { e.ProgrammeId, e.State }).ToListAsync(cancellationToken);
        var programmeIds = enrolments.Select(e => e.ProgrammeId).ToList();
        var programmes = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var checks = (await db.KnowledgeChecks.AsNoTracking().Where(k => programmeIds.Contains(k.ProgrammeId) && k.QuizId != null)
            .Select(k => k.ProgrammeId).ToListAsync(cancellationToken)).ToHashSet();
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => programmeIds.Contains(s.ProgrammeId)).ToListAsync(cancellationToken);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var mine = await db.SessionRegistrations.AsNoTracking().Where(r => r.EmployeeId == employee && r.State != RegistrationState.Cancelled).ToListAsync(cancellationToken);
        var counts = await db.SessionRegistrations.AsNoTracking()
            .Where(r => sessionIds.Contains(r.SessionId) && (r.State == RegistrationState.Registered || r.State == RegistrationState.Waitlisted))
            .GroupBy(r => new { r.SessionId, r.State }).Select(g => new { g.Key.SessionId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var attendance = await db.Attendance.AsNoTracking().Where(a => a.EmployeeId == employee).ToDictionaryAsync(a => a.SessionId, cancellationToken);
        var overlaps = await RegistrationOverlaps.FindAsync(db, [employee], cancellationToken);
        var mySessionIds = mine.Select(r => r.SessionId).ToList();
        var byId = sessions.ToDictionary(s => s.Id);
        foreach (var s in await db.TrainingSessions.AsNoTracking().Where(s => mySessionIds.Contains(s.Id)).ToListAsync(cancellationToken))
        {
            byId.TryAdd(s.Id, s);
        }

        var certificates = await db.Certificates.AsNoTracking().Where(c => c.EmployeeId == employee)
            .OrderByDescending(c => c.CompletedOn).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);

        int Count(int sessionId, RegistrationState state) => counts.FirstOrDefault(c => c.SessionId == sessionId && c.State == state)?.Count ?? 0;

        async Task<MyPlace> PlaceAsync(SessionRegistration r)
        {
            var position = r.State == RegistrationState.Waitlisted
                ? await db.SessionRegistrations.CountAsync(x => x.SessionId == r.SessionId && x.State == RegistrationState.Waitlisted
                    && (x.AskedAt < r.AskedAt || (x.AskedAt == r.AskedAt && x.Id <= r.Id)), cancellationToken)
                : 0;
            var others = overlaps.TryGetValue((employee, r.SessionId), out var list) ? list.Where(byId.ContainsKey).Select(id => SessionRow.Of(byId[id])).ToList() : [];
            return new MyPlace(SessionRow.Of(byId[r.SessionId]), r, position, others, attendance.GetValueOrDefault(r.SessionId));
        }

        var result = new List<MyProgramme>();
        foreach (var programme in programmes.OrderBy(p => p.DueDate ?? DateOnly.MaxValue).ThenBy(p => p.Title.ToString(), StringComparer.CurrentCulture))
        {
            var here = mine.Where(r => byId.TryGetValue(r.SessionId, out var s) && s.ProgrammeId == programme.Id).ToList();
            var current = here.FirstOrDefault(r => r.IsActive && byId[r.SessionId].EndsAtUtc > now);
            var past = new List<MyPlace>();
            foreach (var r in here.Where(r => r != current).OrderByDescending(r => byId[r.SessionId].StartsAtUtc))
            {
                past.Add(await PlaceAsync(r));
            }

            var choices = sessions.Where(s => s.ProgrammeId == programme.Id && !s.IsCancelled && s.StartsAtUtc > now)
                .OrderBy(s => s.StartsAtUtc)
                .Select(s => new SessionChoice(SessionRow.Of(s), Count(s.Id, RegistrationState.Registered), Count(s.Id, RegistrationState.Waitlisted)))
                .ToList();

            var progress = await complete.ProgressAsync(programme, employee, cancellationToken);
            var attendedId = progress.Attended ? await attended.FindAsync(programme.Id, employee, cancellationToken) ?? progress.Completion?.SessionId : null;
            var evaluation = attendedId is { } sid ? await evaluations.StatusAsync(sid, employee, cancellationToken) : null;
            var attempts = await db.KnowledgeAttempts.AsNoTracking()
                .Where(a => a.ProgrammeId == programme.Id && a.EmployeeId == employee && a.Cycle == progress.Cycle).OrderBy(a => a.Number).ToListAsync(cancellationToken);
            var post = attempts.LastOrDefault(a => a.Phase == KnowledgePhase.Post);
            var certificate = progress.Completion is { } completion
                ? certificates.FirstOrDefault(c => c.CompletionId == completion.Id && c.StatusOn(cycles.Today) == CertificateStatus.Valid)?.Code
                : null;
            var place = current is null ? null : await PlaceAsync(current);
            var step = NextStep.Of(new StepFacts
            {
                Complete = progress.Complete, CertificateCode = certificate, Attended = progress.Attended,
                EvaluationRequired = progress.EvaluationRequired && evaluation is not null, EvaluationSubmitted = progress.EvaluationSubmitted || evaluation?.State == EvaluationState.Submitted,
                EvaluationOpen = evaluation?.State == EvaluationState.Open,
                HasKnowledgeCheck = checks.Contains(programme.Id), KnowledgeCheckRequired = progress.KnowledgeCheckRequired, KnowledgeCheckPassed = progress.KnowledgeCheckPassed,
                KnowledgeCheckTaken = post is not null,
                HasPlace = place?.Registration.State == RegistrationState.Registered, OnWaitlist = place?.Registration.State == RegistrationState.Waitlisted,
                SessionUnderWay = place is not null && place.Row.Session.StartsAtUtc - NextStep.CheckInOpensBefore <= now,
                SessionsToChoose = choices.Count > 0,
                AttendanceRequired = progress.AttendanceRequired, CourseRequired = progress.CourseRequired, CourseCompleted = progress.CourseCompleted,
                HasCourse = progress.CourseRequired || programme.Delivery == Delivery.Blended,
            });
            result.Add(new MyProgramme(
                programme, enrolments.First(e => e.ProgrammeId == programme.Id).State, step, place, past, choices, progress,
                attendedId is { } a && byId.TryGetValue(a, out var attendedSession) ? SessionRow.Of(attendedSession) : null, evaluation,
                checks.Contains(programme.Id), attempts.LastOrDefault(x => x.Phase == KnowledgePhase.Pre), post, certificate));
        }

        return new MyTrainingView(result, certificates, cycles.Today);
    }
}
