using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Attendance;

/// <summary>
/// Records attendance, one record per person per session whatever the channel: a QR check-in in the room, a personal
/// join link online, or the instructor's mark. The programme enrolment follows (attended or excused), and listeners are
/// told once the change is committed.
/// </summary>
public sealed class RecordAttendance(
    ServeWellDbContext db, SessionRegistrations registrations, TimeProvider clock, IStringLocalizer<SharedResource> l,
    IServiceProvider services, ILogger<RecordAttendance> logger)
{
    /// <summary>Check-in opens this long before the start.</summary>
    public static readonly TimeSpan OpensBefore = TimeSpan.FromMinutes(30);

    /// <summary>Arriving later than this after the start counts as late.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    public sealed record Result(AttendanceRecord Record, bool AlreadyRecorded);

    /// <summary>Whether check-in is open now: from <see cref="OpensBefore"/> the start until the end.</summary>
    public bool IsOpen(TrainingSession session, DateTime now) =>
        !session.IsCancelled && now >= session.StartsAtUtc - OpensBefore && now < session.EndsAtUtc;

    /// <summary>The person arrived (QR) or joined (link) now; the first arrival stands.</summary>
    public async Task<Result> ArriveAsync(int sessionId, int employeeId, AttendanceChannel channel, string by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Result result;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await registrations.LockAsync([sessionId], cancellationToken);
            var session = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
                ?? throw new DomainRuleException(l["That session does not exist."]);
            if (!IsOpen(session, now))
            {
                throw new DomainRuleException(session.IsCancelled
                    ? l["That session was cancelled."]
                    : l["Check-in for this session is open from 30 minutes before it starts until it ends ({0}).", SessionRow.Of(session).When]);
            }

            var registration = await db.SessionRegistrations.FirstOrDefaultAsync(
                r => r.SessionId == sessionId && r.EmployeeId == employeeId && (r.State == RegistrationState.Registered || r.State == RegistrationState.NoShow), cancellationToken)
                ?? throw new DomainRuleException(l["You are not registered for this session, so you cannot check in. Ask the instructor or a training officer."]);
            var existing = await db.Attendance.FirstOrDefaultAsync(a => a.SessionId == sessionId && a.EmployeeId == employeeId, cancellationToken);
            if (existing is not null && existing.ArrivedAt is not null)
            {
                await transaction.CommitAsync(cancellationToken);
                return new Result(existing, AlreadyRecorded: true);
            }

            var record = existing ?? db.Attendance.Add(new AttendanceRecord
            {
                SessionId = sessionId, EmployeeId = employeeId, EnrolmentId = registration.EnrolmentId, Channel = channel, RecordedBy = by,
            }).Entity;
            record.Channel = channel;
            record.ArrivedAt = now;
            record.Status = now > session.StartsAtUtc + Grace ? AttendanceStatus.Late : AttendanceStatus.Present;
            record.RecordedAt = now;
            record.RecordedBy = by;
            await FollowAsync(registration, record, now, by, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            result = new Result(record, AlreadyRecorded: false);
        }

        await NotifyAsync(result.Record, cancellationToken);
        return result;
    }

    /// <summary>The instructor's mark by hand; it replaces the status whatever the channel was.</summary>
    public async Task<AttendanceRecord> MarkAsync(
        int sessionId, int employeeId, AttendanceStatus status, DateTime? arrivedAt, DateTime? leftAt, string by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        AttendanceRecord record;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await registrations.LockAsync([sessionId], cancellationToken);
            var session = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
                ?? throw new DomainRuleException(l["That session does not exist."]);
            if (session.IsCancelled)
            {
                throw new DomainRuleException(l["That session was cancelled."]);
            }

            if (now < session.StartsAtUtc - OpensBefore)
            {
                throw new DomainRuleException(l["Attendance can be marked from 30 minutes before the session starts."]);
            }

            var registration = await db.SessionRegistrations.FirstOrDefaultAsync(
                r => r.SessionId == sessionId && r.EmployeeId == employeeId && (r.State == RegistrationState.Registered || r.State == RegistrationState.NoShow), cancellationToken)
                ?? throw new DomainRuleException(l["That person is not registered for this session."]);
            record = await db.Attendance.FirstOrDefaultAsync(a => a.SessionId == sessionId && a.EmployeeId == employeeId, cancellationToken)
                ?? db.Attendance.Add(new AttendanceRecord
                {
                    SessionId = sessionId, EmployeeId = employeeId, EnrolmentId = registration.EnrolmentId, Channel = AttendanceChannel.Manual, RecordedBy = by,
                }).Entity;
            record.Status = status;
            if (status == AttendanceStatus.Excused)
            {
                record.ArrivedAt = null;
                record.LeftAt = null;
            }
            else
            {
                record.ArrivedAt = arrivedAt ?? record.ArrivedAt ?? (status == AttendanceStatus.Late ? Min(now, session.EndsAtUtc) : session.StartsAtUtc);
                record.LeftAt = status == AttendanceStatus.LeftEarly ? leftAt ?? record.LeftAt ?? Min(now, session.EndsAtUtc) : leftAt;
            }

            record.RecordedAt = now;
            record.RecordedBy = by;
            await FollowAsync(registration, record, now, by, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await NotifyAsync(record, cancellationToken);
        return record;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>The registration counts as kept and the programme enrolment becomes attended or excused.</summary>
    private async Task FollowAsync(SessionRegistration registration, AttendanceRecord record, DateTime now, string by, CancellationToken cancellationToken)
    {
        if (registration.State == RegistrationState.NoShow)
        {
            registration.State = RegistrationState.Registered;
            registration.StateReason = "Attendance";
            registration.StateSince = now;
        }

        var enrolment = await db.Enrolments.FirstAsync(e => e.Id == registration.EnrolmentId, cancellationToken);
        // Attended is final for the programme: a later excused absence in another session does not undo it.
        if (enrolment.State != EnrolmentState.Attended || record.Status != AttendanceStatus.Excused)
        {
            registrations.Move(enrolment, record.Status == AttendanceStatus.Excused ? EnrolmentState.Excused : EnrolmentState.Attended, "Attendance", now, by);
        }
    }

    private async Task NotifyAsync(AttendanceRecord record, CancellationToken cancellationToken)
    {
        var programmeId = await db.TrainingSessions.Where(s => s.Id == record.SessionId).Select(s => s.ProgrammeId).FirstAsync(cancellationToken);
        await services.NotifyAttendanceRecordedAsync(new AttendanceRecorded(record.SessionId, programmeId, record.EnrolmentId, record.EmployeeId), logger, cancellationToken);
    }
}
