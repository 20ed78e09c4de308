using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Registrations;

/// <summary>How a registration is asked for: by the employee, by a training officer, or as a move by a training officer.</summary>
public enum RegistrationMode
{
    Self,
    Officer,
    Move,
}

/// <summary>
/// Places in sessions: register, switch, cancel, move, withdraw, and the waitlist that fills a freed place in the
/// order people asked. Each change runs in one transaction that first locks the sessions it touches (so two people
/// never take the last place together), and its mails go into the outbox in that same transaction (ADR-009, ADR-031).
/// </summary>
public sealed class SessionRegistrations(ServeWellDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, SessionMails mails)
{
    public const string WithdrawnByOfficer = "WithdrawnByOfficer";

    /// <summary>
    /// Registers <paramref name="employeeId"/> for <paramref name="sessionId"/>: a place when one is free, else the
    /// waitlist. A person with a place in another session of the programme switches (the old place frees); switching
    /// or moving into a full session is refused, so nobody loses a place for a queue.
    /// </summary>
    public async Task<SessionRegistration> RegisterAsync(int sessionId, int employeeId, RegistrationMode mode, string by, CancellationToken cancellationToken)
    {
        var pending = new List<SessionMail>();
        SessionRegistration registration;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync([sessionId], cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var session = await db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
                ?? throw new DomainRuleException(l["That session does not exist."]);
            if (session.IsCancelled)
            {
                throw new DomainRuleException(l["That session was cancelled; choose another one."]);
            }

            if (session.StartsAtUtc <= now)
            {
                throw new DomainRuleException(l["That session has already started; choose one still to come."]);
            }

            var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.ProgrammeId == session.ProgrammeId && e.EmployeeId == employeeId, cancellationToken);
            if (mode == RegistrationMode.Self && (enrolment is null || enrolment.State == EnrolmentState.Withdrawn))
            {
                throw new DomainRuleException(l["You are not enrolled in this programme."]);
            }

            if (enrolment is null)
            {
                // A training officer may register someone outside the audience: that makes a manual enrolment.
                enrolment = new Enrolment
                {
                    ProgrammeId = session.ProgrammeId, EmployeeId = employeeId, State = EnrolmentState.Invited, Source = EnrolmentSource.Manual,
                    StateReason = RegistrationReasons.RegisteredByOfficer, CreatedAt = now, StateSince = now, InvitationMailedAt = now,
                };
                db.Enrolments.Add(enrolment);
                await db.SaveChangesAsync(cancellationToken);
                db.EnrolmentChanges.Add(new EnrolmentChange { EnrolmentId = enrolment.Id, ToState = EnrolmentState.Invited, Reason = RegistrationReasons.RegisteredByOfficer, At = now, By = by });
            }

            // Places in sessions already over are history (the no-show sweep settles them), not places to switch from.
            var active = await db.SessionRegistrations
                .Where(r => r.EnrolmentId == enrolment.Id && (r.State == RegistrationState.Registered || r.State == RegistrationState.Waitlisted))
                .Where(r => db.TrainingSessions.Any(s => s.Id == r.SessionId && s.EndsAtUtc > now))
                .ToListAsync(cancellationToken);
            var here = active.FirstOrDefault(r => r.SessionId == sessionId);
            if (here is not null)
            {
                await transaction.CommitAsync(cancellationToken);
                return here; // asking twice changes nothing
            }

            var elsewhere = active.FirstOrDefault();
            if (mode == RegistrationMode.Move && elsewhere is null)
            {
                throw new DomainRuleException(l["That person has no place to move from in this programme."]);
            }

            if (elsewhere is not null)
            {
                await LockAsync([elsewhere.SessionId], cancellationToken);
            }

            var taken = await db.SessionRegistrations.CountAsync(r => r.SessionId == sessionId && r.State == RegistrationState.Registered, cancellationToken);
            var full = taken >= session.Capacity;
            if (full && (elsewhere is not null || mode == RegistrationMode.Move))
            {
                throw new DomainRuleException(l["That session is full ({0} places). Choose another session, or cancel your place first to join its waitlist.", session.Capacity]);
            }

            var state = full ? RegistrationState.Waitlisted : RegistrationState.Registered;
            var reason = mode == RegistrationMode.Self ? RegistrationReasons.Asked : RegistrationReasons.RegisteredByOfficer;
            registration = await db.SessionRegistrations.FirstOrDefaultAsync(r => r.SessionId == sessionId && r.EmployeeId == employeeId, cancellationToken)
                ?? db.SessionRegistrations.Add(new SessionRegistration
                {
                    SessionId = sessionId, EmployeeId = employeeId, EnrolmentId = enrolment.Id, JoinToken = NewToken(), CreatedAt = now,
                }).Entity;
            registration.EnrolmentId = enrolment.Id;
            registration.State = state;
            registration.StateReason = reason;
            registration.AskedAt = now;
            registration.StateSince = now;
            registration.ReminderSentAt = null;

            if (elsewhere is not null)
            {
                Leave(elsewhere, mode == RegistrationMode.Move ? RegistrationReasons.Moved : RegistrationReasons.Switched, now);
                pending.Add(new(elsewhere.Id, SessionMailKind.Cancellation));
            }

            if (state == RegistrationState.Registered)
            {
                Move(enrolment, EnrolmentState.Registered, mode == RegistrationMode.Move ? RegistrationReasons.Moved : reason, now, by);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (elsewhere is not null)
            {
                pending.AddRange(await PromoteAsync(elsewhere.SessionId, by, cancellationToken));
            }

            pending.Insert(0, new(registration.Id, state == RegistrationState.Registered ? SessionMailKind.Confirmation : SessionMailKind.Waitlisted));
            await mails.EnqueueAsync(pending, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return registration;
    }

    /// <summary>Gives up a place (or a place in the queue); the first person waiting takes a freed place.</summary>
    public async Task CancelAsync(int sessionId, int employeeId, bool byOfficer, string by, CancellationToken cancellationToken)
    {
        var pending = new List<SessionMail>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync([sessionId], cancellationToken);
            var registration = await db.SessionRegistrations.FirstOrDefaultAsync(
                r => r.SessionId == sessionId && r.EmployeeId == employeeId && (r.State == RegistrationState.Registered || r.State == RegistrationState.Waitlisted), cancellationToken)
                ?? throw new DomainRuleException(byOfficer ? l["That person has no place in this session."] : l["You have no place in that session."]);
            var session = await db.TrainingSessions.AsNoTracking().FirstAsync(s => s.Id == sessionId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (session.EndsAtUtc <= now)
            {
                throw new DomainRuleException(l["That session is over; its registrations can no longer change."]);
            }

            var wasRegistered = registration.State == RegistrationState.Registered;
            Leave(registration, byOfficer ? RegistrationReasons.CancelledByOfficer : RegistrationReasons.CancelledByEmployee, now);
            var enrolment = await db.Enrolments.FirstAsync(e => e.Id == registration.EnrolmentId, cancellationToken);
            if (wasRegistered)
            {
                Move(enrolment, EnrolmentState.Invited, registration.StateReason!, now, by);
            }

            await db.SaveChangesAsync(cancellationToken);
            pending.Add(new(registration.Id, SessionMailKind.Cancellation));
            pending.AddRange(await PromoteAsync(sessionId, by, cancellationToken));
            await mails.EnqueueAsync(pending, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Withdraws a person from a programme by hand (history kept); their places in coming sessions free up.</summary>
    public async Task WithdrawAsync(int programmeId, int employeeId, string by, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().FirstOrDefaultAsync(e => e.ProgrammeId == programmeId && e.EmployeeId == employeeId, cancellationToken)
            ?? throw new DomainRuleException(l["That person is not enrolled in this programme."]);
        if (enrolment.State == EnrolmentState.Withdrawn)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var tracked = await db.Enrolments.FirstAsync(e => e.Id == enrolment.Id, cancellationToken);
            Move(tracked, EnrolmentState.Withdrawn, WithdrawnByOfficer, now, by);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await ReleaseWithdrawnAsync(programmeId, by, cancellationToken);
    }

    /// <summary>
    /// Frees the places of withdrawn people in sessions still to come (after an audience sync or a withdrawal) and fills
    /// them from the waitlists.
    /// </summary>
    public async Task<int> ReleaseWithdrawnAsync(int programmeId, string by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db.SessionRegistrations.AsNoTracking()
            .Where(r => r.State == RegistrationState.Registered || r.State == RegistrationState.Waitlisted)
            .Where(r => db.Enrolments.Any(e => e.Id == r.EnrolmentId && e.ProgrammeId == programmeId && e.State == EnrolmentState.Withdrawn))
            .Where(r => db.TrainingSessions.Any(s => s.Id == r.SessionId && s.EndsAtUtc > now))
            .Select(r => r.SessionId).Distinct().ToListAsync(cancellationToken);
        var released = 0;
        foreach (var sessionId in sessions)
        {
            var pending = new List<SessionMail>();
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await LockAsync([sessionId], cancellationToken);
                var leaving = await db.SessionRegistrations
                    .Where(r => r.SessionId == sessionId && (r.State == RegistrationState.Registered || r.State == RegistrationState.Waitlisted))
                    .Where(r => db.Enrolments.Any(e => e.Id == r.EnrolmentId && e.State == EnrolmentState.Withdrawn))
                    .ToListAsync(cancellationToken);
                foreach (var r in leaving)
                {
                    Leave(r, RegistrationReasons.Withdrawn, now);
                    pending.Add(new(r.Id, SessionMailKind.Cancellation));
                }

                await db.SaveChangesAsync(cancellationToken);
                pending.AddRange(await PromoteAsync(sessionId, by, cancellationToken));
                await mails.EnqueueAsync(pending, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                released += leaving.Count;
            }
        }

        return released;
    }

    /// <summary>
    /// Fills free places from the waitlist, first asked first served. The caller holds the session's lock inside its
    /// transaction and adds the returned mails to the outbox before it commits.
    /// </summary>
    public async Task<List<SessionMail>> PromoteAsync(int sessionId, string by, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().FirstAsync(s => s.Id == sessionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (session.IsCancelled || session.StartsAtUtc <= now)
        {
            return [];
        }

        var taken = await db.SessionRegistrations.CountAsync(r => r.SessionId == sessionId && r.State == RegistrationState.Registered, cancellationToken);
        var free = session.Capacity - taken;
        if (free <= 0)
        {
            return [];
        }

        var promoted = await db.SessionRegistrations.Where(r => r.SessionId == sessionId && r.State == RegistrationState.Waitlisted)
            .OrderBy(r => r.AskedAt).ThenBy(r => r.Id).Take(free).ToListAsync(cancellationToken);
        foreach (var r in promoted)
        {
            r.State = RegistrationState.Registered;
            r.StateReason = RegistrationReasons.Promoted;
            r.StateSince = now;
            var enrolment = await db.Enrolments.FirstAsync(e => e.Id == r.EnrolmentId, cancellationToken);
            Move(enrolment, EnrolmentState.Registered, RegistrationReasons.Promoted, now, by);
        }

        await db.SaveChangesAsync(cancellationToken);
        return promoted.Select(r => new SessionMail(r.Id, SessionMailKind.Promoted)).ToList();
    }

    /// <summary>
    /// Takes the sessions' row locks for the rest of the transaction: on PostgreSQL a no-op UPDATE locks the row;
    /// on SQLite any write takes the database's one write lock, so reads after it see the latest state.
    /// </summary>
    public async Task LockAsync(IEnumerable<int> sessionIds, CancellationToken cancellationToken)
    {
        foreach (var id in sessionIds.Order())
        {
            await db.TrainingSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Sequence, x => x.Sequence), cancellationToken);
        }
    }

    /// <summary>An unguessable secret for the personal join link: 256 random bits, URL-safe.</summary>
    public static string NewToken() => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static void Leave(SessionRegistration registration, string reason, DateTime now)
    {
        registration.State = RegistrationState.Cancelled;
        registration.StateReason = reason;
        registration.StateSince = now;
    }

    /// <summary>Moves the programme enrolment to <paramref name="to"/> with a history row; nothing when it is already there.</summary>
    public void Move(Enrolment enrolment, EnrolmentState to, string reason, DateTime now, string by)
    {
        if (enrolment.State == to)
        {
            return;
        }

        db.EnrolmentChanges.Add(new EnrolmentChange { EnrolmentId = enrolment.Id, FromState = enrolment.State, ToState = to, Reason = reason, At = now, By = by });
        enrolment.State = to;
        enrolment.StateReason = reason;
        enrolment.StateSince = now;
    }
}
