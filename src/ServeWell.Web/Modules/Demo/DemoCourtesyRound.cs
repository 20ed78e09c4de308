using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Attendance;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// Demo data for the training-impact page (ADR-020): the first round of Visiting Courtesy Training, held about eight
/// months ago at three community centres (<see cref="DemoCity.CourtesyTrainedCentres"/>), each centre's audience
/// registered, almost all of them attended and completed. The other three centres have not had their round yet.
/// </summary>
internal static class DemoCourtesyRound
{
    private const string Title = "Visiting Courtesy Training";

    public static async Task SeedAsync(ServeWellDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().Include(p => p.Instructors).FirstOrDefaultAsync(p => p.Title.En == Title, cancellationToken);
        if (programme is null || await db.Completions.AnyAsync(c => c.ProgrammeId == programme.Id, cancellationToken))
        {
            return;
        }

        var zone = SessionTime.FindZone(SessionTime.DefaultZone)!;
        var today = DateOnly.FromDateTime(SessionTime.ToLocal(now, SessionTime.DefaultZone));
        var monday = today.AddMonths(-DemoCity.CourtesyRoundMonthsAgo);
        monday = monday.AddDays(-(((int)monday.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
        var teacher = programme.Instructors.OrderBy(i => i.Order).FirstOrDefault();
        var serial = 0;
        var centres = await db.OrgUnits.AsNoTracking().Where(u => DemoCity.CourtesyTrainedCentres.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => (u.Name, NameEn: u.NameEn ?? u.Name), cancellationToken);
        foreach (var (code, index) in DemoCity.CourtesyTrainedCentres.Select((c, i) => (c, i)))
        {
            var centre = centres.GetValueOrDefault(code, (Name: code, NameEn: code));
            var day = monday.AddDays(index);
            var startsAt = SessionTime.ToUtc(day.ToDateTime(new TimeOnly(18, 0)), zone)!.Value;
            var endsAt = startsAt.AddHours(1);
            var enrolments = await db.Enrolments
                .Where(e => e.ProgrammeId == programme.Id && e.State == EnrolmentState.Invited)
                .Where(e => db.Employees.Any(x => x.Id == e.EmployeeId && x.OrgUnit!.Code == code))
                .OrderBy(e => e.Id).ToListAsync(cancellationToken);
            var session = new TrainingSession
            {
                ProgrammeId = programme.Id, Delivery = Delivery.InPerson, TimeZone = SessionTime.DefaultZone, StartsAtUtc = startsAt, EndsAtUtc = endsAt,
                Venue = new($"{centre.NameEn}, meeting room (first round)", $"{centre.Name} 회의실(1차 교육)"), Capacity = Math.Max(25, enrolments.Count),
                InstructorEmployeeId = teacher?.EmployeeId, InstructorName = teacher?.Name, CalendarUid = Guid.NewGuid(),
                CreatedAt = startsAt.AddDays(-30), UpdatedAt = startsAt.AddDays(-30),
            };
            db.TrainingSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var enrolment in enrolments)
            {
                serial++;
                var asked = startsAt.AddDays(-14);
                var registration = new SessionRegistration
                {
                    SessionId = session.Id, EmployeeId = enrolment.EmployeeId, EnrolmentId = enrolment.Id, JoinToken = SessionRegistrations.NewToken(),
                    State = RegistrationState.Registered, StateReason = RegistrationReasons.Asked, AskedAt = asked, StateSince = asked, CreatedAt = asked,
                    ReminderSentAt = startsAt.AddDays(-1),
                };
                db.SessionRegistrations.Add(registration);
                // One in fifteen missed the evening: most of each centre, not all of it.
                var came = serial % 15 != 0;
                var state = came ? EnrolmentState.Attended : EnrolmentState.NoShow;
                db.EnrolmentChanges.Add(new EnrolmentChange { EnrolmentId = enrolment.Id, FromState = enrolment.State, ToState = state, Reason = "Attendance", At = endsAt, By = "demo seed" });
                enrolment.State = state;
                enrolment.StateReason = "Attendance";
                enrolment.StateSince = endsAt;
                if (!came)
                {
                    registration.State = RegistrationState.NoShow;
                    registration.StateReason = RegistrationReasons.NoAttendance;
                    registration.StateSince = endsAt;
                    continue;
                }

                db.Attendance.Add(new AttendanceRecord
                {
                    SessionId = session.Id, EmployeeId = enrolment.EmployeeId, EnrolmentId = enrolment.Id, Channel = AttendanceChannel.QrCheckIn,
                    Status = AttendanceStatus.Present, ArrivedAt = startsAt.AddMinutes(-5), RecordedAt = startsAt.AddMinutes(-5), RecordedBy = "demo seed",
                });
                db.Completions.Add(new Completion
                {
                    ProgrammeId = programme.Id, EmployeeId = enrolment.EmployeeId, EnrolmentId = enrolment.Id, Cycle = 1, SessionId = session.Id,
                    CompletedOn = day, CompletedAtUtc = startsAt.AddMinutes(-5), RecordedAtUtc = endsAt,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
