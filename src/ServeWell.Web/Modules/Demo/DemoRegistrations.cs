using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Attendance;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// Who registered for the demo sessions and who came: past sessions with a realistic mix of QR check-ins, join links and
/// marks by hand, some late, some leaving early, some excused and some no-shows; coming sessions with places taken and,
/// on the visiting courtesy class at Jungang-dong, a full room and a waitlist. The demo instructor account is the
/// Jungang-dong head who teaches that class, so the check-in code and attendance sheet can be tried at once.
/// </summary>
internal static class DemoRegistrations
{
    public static async Task SeedAsync(ServeWellDbContext db, SyncProgrammeAudience sync, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.SessionRegistrations.AnyAsync(cancellationToken) || !await db.TrainingSessions.AnyAsync(cancellationToken))
        {
            return;
        }

        await sync.SyncAllAsync(EnrolmentReasons.ByRule, cancellationToken);
        // The demo city's people were told about their programmes long ago: no invitation mail for each of them at first start.
        await db.Enrolments.Where(e => e.InvitationMailedAt == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.InvitationMailedAt, now), cancellationToken);
        await LinkInstructorAsync(db, cancellationToken);
        await DemoCourtesyRound.SeedAsync(db, now, cancellationToken);

        var random = new Random(20261123);
        // The first courtesy round's sessions came with their own registrations and attendance (only the trained centres'
        // staff were there): no one from the other centres is added to them, or those centres would be trained too.
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.CancelledAt == null)
            .Where(s => !db.SessionRegistrations.Any(r => r.SessionId == s.Id))
            .OrderBy(s => s.StartsAtUtc).ToListAsync(cancellationToken);
        var enrolments = await db.Enrolments.Where(e => e.State == EnrolmentState.Invited).ToListAsync(cancellationToken);
        var byProgramme = enrolments.GroupBy(e => e.ProgrammeId).ToDictionary(g => g.Key, g => g.OrderBy(_ => random.Next()).ToList());
        var employeeEmail = DemoModule.Accounts.First(a => a.Role == Roles.Employee).Email;
        var demoEmployee = await db.Users.Where(u => u.Email == employeeEmail).Select(u => u.EmployeeId).FirstOrDefaultAsync(cancellationToken);
        var full = sessions.FirstOrDefault(s => s.StartsAtUtc > now && s.Venue.En.StartsWith("Jungang", StringComparison.Ordinal));

        foreach (var session in sessions)
        {
            if (!byProgramme.TryGetValue(session.ProgrammeId, out var pool) || pool.Count == 0)
            {
                continue;
            }

            var past = session.EndsAtUtc <= now;
            var wanted = session == full ? session.Capacity + 3 : Math.Min(pool.Count, Math.Max(3, session.Capacity * (past ? 7 : 4) / 10));
            // Leave the demo employee free to choose on "My training", unless this is an online class to join.
            var people = pool.Where(e => e.EmployeeId != demoEmployee || (session.JoinUrl is not null && !past)).Take(Math.Min(wanted, pool.Count)).ToList();
            var asked = past ? session.StartsAtUtc.AddDays(-14) : now.AddDays(-3);
            for (var i = 0; i < people.Count; i++)
            {
                var enrolment = people[i];
                pool.Remove(enrolment);
                var waiting = i >= session.Capacity;
                var at = asked.AddMinutes(i * 7);
                var registration = new SessionRegistration
                {
                    SessionId = session.Id, EmployeeId = enrolment.EmployeeId, EnrolmentId = enrolment.Id, JoinToken = SessionRegistrations.NewToken(),
                    State = waiting ? RegistrationState.Waitlisted : RegistrationState.Registered,
                    StateReason = RegistrationReasons.Asked, AskedAt = at, StateSince = at, CreatedAt = at,
                    ReminderSentAt = past ? session.StartsAtUtc.AddDays(-1) : null,
                };
                db.SessionRegistrations.Add(registration);
                if (!waiting)
                {
                    Move(db, enrolment, EnrolmentState.Registered, RegistrationReasons.Asked, at, "demo seed");
                }

                if (past)
                {
                    Attend(db, session, enrolment, registration, random.NextDouble());
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One past place: 70 % on time, 10 % late, 5 % left early, 5 % excused, 10 % no-show.</summary>
    private static void Attend(ServeWellDbContext db, TrainingSession session, Enrolment enrolment, SessionRegistration registration, double roll)
    {
        if (roll >= 0.90)
        {
            registration.State = RegistrationState.NoShow;
            registration.StateReason = RegistrationReasons.NoAttendance;
            registration.StateSince = session.EndsAtUtc;
            Move(db, enrolment, EnrolmentState.NoShow, RegistrationReasons.NoAttendance, session.EndsAtUtc, EnrolmentReasons.ByRule);
            return;
        }

        var online = session.Delivery == Delivery.LiveOnline || (session.Delivery == Delivery.Hybrid && (int)(roll * 1000) % 2 == 1);
        var (status, arrived, left) = roll switch
        {
            < 0.70 => (AttendanceStatus.Present, (DateTime?)session.StartsAtUtc.AddMinutes(-10 + (roll * 12)), (DateTime?)null),
            < 0.80 => (AttendanceStatus.Late, session.StartsAtUtc.AddMinutes(12 + (roll * 10)), null),
            < 0.85 => (AttendanceStatus.LeftEarly, session.StartsAtUtc.AddMinutes(-5), session.EndsAtUtc.AddMinutes(-50)),
            _ => (AttendanceStatus.Excused, null, null),
        };
        var channel = status is AttendanceStatus.LeftEarly or AttendanceStatus.Excused ? AttendanceChannel.Manual
            : online ? AttendanceChannel.JoinLink : AttendanceChannel.QrCheckIn;
        db.Attendance.Add(new AttendanceRecord
        {
            SessionId = session.Id, EmployeeId = enrolment.EmployeeId, EnrolmentId = enrolment.Id, Channel = channel, Status = status,
            ArrivedAt = arrived, LeftAt = left, RecordedAt = arrived ?? session.EndsAtUtc, RecordedBy = channel == AttendanceChannel.Manual ? "demo instructor" : "demo seed",
        });
        Move(db, enrolment, status == AttendanceStatus.Excused ? EnrolmentState.Excused : EnrolmentState.Attended, "Attendance", arrived ?? session.EndsAtUtc, "demo seed");
    }

    private static void Move(ServeWellDbContext db, Enrolment enrolment, EnrolmentState to, string reason, DateTime at, string by)
    {
        db.EnrolmentChanges.Add(new EnrolmentChange { EnrolmentId = enrolment.Id, FromState = enrolment.State, ToState = to, Reason = reason, At = at, By = by });
        enrolment.State = to;
        enrolment.StateReason = reason;
        enrolment.StateSince = at;
    }

    /// <summary>The demo instructor account becomes the internal instructor who teaches the visiting courtesy class at Jungang-dong.</summary>
    private static async Task LinkInstructorAsync(ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var teacher = await db.TrainingSessions.Where(s => EF.Functions.Like(s.Venue.En, "Jungang%") && s.InstructorEmployeeId != null)
            .OrderBy(s => s.StartsAtUtc).Select(s => s.InstructorEmployeeId).FirstOrDefaultAsync(cancellationToken);
        var email = DemoModule.Accounts.First(a => a.Role == Roles.Instructor).Email;
        if (teacher is not null)
        {
            await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmployeeId, teacher), cancellationToken);
        }
    }
}
