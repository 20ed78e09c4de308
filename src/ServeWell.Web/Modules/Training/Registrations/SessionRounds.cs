using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Registrations;

/// <summary>What one round did.</summary>
public sealed record RoundCounts(int Invitations, int Reminders, int NoShows);

/// <summary>
/// The periodic work of sessions: invitations to new enrolments, reminders the day before, and no-shows after a
/// session ends. Every mail is claimed with a conditional UPDATE (only where not yet claimed) and added to the outbox in
/// the same transaction, so two nodes that both run a round never queue the same mail twice (ADR-009, ADR-031).
/// </summary>
public sealed class SessionRounds(ServeWellDbContext db, SessionMails mails, SessionRegistrations registrations, TimeProvider clock)
{
    public const int Batch = 200;

    /// <summary>How long before a session its reminder goes out.</summary>
    public static readonly TimeSpan ReminderAhead = TimeSpan.FromHours(24);

    public async Task<RoundCounts> RunAsync(CancellationToken cancellationToken) =>
        new(await SendInvitationsAsync(cancellationToken), await SendRemindersAsync(cancellationToken), await MarkNoShowsAsync(cancellationToken));

    public async Task<int> SendInvitationsAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            var ids = await db.Enrolments.AsNoTracking()
                .Where(e => e.State == EnrolmentState.Invited && e.InvitationMailedAt == null)
                .Where(e => db.Employees.Any(p => p.Id == e.EmployeeId && p.Status != EmployeeStatus.Left))
                .OrderBy(e => e.Id).Select(e => e.Id).Take(Batch).ToListAsync(cancellationToken);
            foreach (var id in ids)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (await db.Enrolments.Where(e => e.Id == id && e.InvitationMailedAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(e => e.InvitationMailedAt, now), cancellationToken) == 1)
                {
                    await mails.EnqueueInvitationAsync(id, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    sent++;
                }
            }

            if (ids.Count < Batch)
            {
                return sent;
            }
        }
    }

    /// <summary>
    /// Reminds people with a place in a session that starts within <see cref="ReminderAhead"/>; someone who took the
    /// place inside that window already has the confirmation and gets no reminder.
    /// </summary>
    public async Task<int> SendRemindersAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + ReminderAhead;
        var due = await db.SessionRegistrations.AsNoTracking()
            .Where(r => r.State == RegistrationState.Registered && r.ReminderSentAt == null)
            .Join(db.TrainingSessions.Where(s => s.CancelledAt == null && s.StartsAtUtc > now && s.StartsAtUtc <= until),
                r => r.SessionId, s => s.Id, (r, s) => new { r.Id, r.StateSince, s.StartsAtUtc })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var r in due.OrderBy(r => r.Id))
        {
            var late = r.StateSince > r.StartsAtUtc - ReminderAhead;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.SessionRegistrations.Where(x => x.Id == r.Id && x.ReminderSentAt == null && x.State == RegistrationState.Registered)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderSentAt, now), cancellationToken) == 1;
            if (claimed && !late)
            {
                await mails.EnqueueAsync([new SessionMail(r.Id, SessionMailKind.Reminder)], cancellationToken);
                sent++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return sent;
    }

    /// <summary>
    /// After a session ends, a place with no attendance becomes a no-show, and so does the programme enrolment unless the
    /// person already holds a place in a later session.
    /// </summary>
    public async Task<int> MarkNoShowsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.SessionRegistrations.AsNoTracking()
            .Where(r => r.State == RegistrationState.Registered)
            .Where(r => db.TrainingSessions.Any(s => s.Id == r.SessionId && s.CancelledAt == null && s.EndsAtUtc <= now))
            .Where(r => !db.Attendance.Any(a => a.SessionId == r.SessionId && a.EmployeeId == r.EmployeeId))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(5000).ToListAsync(cancellationToken);
        var marked = 0;
        foreach (var id in ids)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var registration = await db.SessionRegistrations.FirstAsync(r => r.Id == id, cancellationToken);
            if (registration.State != RegistrationState.Registered
                || await db.Attendance.AnyAsync(a => a.SessionId == registration.SessionId && a.EmployeeId == registration.EmployeeId, cancellationToken))
            {
                continue;
            }

            registration.State = RegistrationState.NoShow;
            registration.StateReason = RegistrationReasons.NoAttendance;
            registration.StateSince = now;
            var enrolment = await db.Enrolments.FirstAsync(e => e.Id == registration.EnrolmentId, cancellationToken);
            var later = await db.SessionRegistrations.AnyAsync(r => r.EnrolmentId == enrolment.Id && r.Id != id
                && (r.State == RegistrationState.Registered || r.State == RegistrationState.Waitlisted)
                && db.TrainingSessions.Any(s => s.Id == r.SessionId && s.EndsAtUtc > now), cancellationToken);
            if (!later && enrolment.State == EnrolmentState.Registered)
            {
                registrations.Move(enrolment, EnrolmentState.NoShow, RegistrationReasons.NoAttendance, now, EnrolmentReasons.ByRule);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            marked++;
        }

        return marked;
    }
}
