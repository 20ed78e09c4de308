using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// Sessions of the demo programmes, some held and some to come, at Korean wall-clock times: Dongducheon-style classes on
/// weekday mornings at city hall, Yongsan-style visiting courtesy sessions at community centres from 18:00 to 19:00, a
/// live-online class and a hybrid day with a join link.
/// </summary>
internal static class DemoSessions
{
    private const string Zone = SessionTime.DefaultZone;
    private static readonly LocalText CityHall = new("Hanbit City Hall, 3rd-floor training room", "한빛시청 3층 교육장");
    private static readonly LocalText Jungang = new("Jungang-dong Community Service Centre, 2nd-floor meeting room", "중앙동 행정복지센터 2층 회의실");
    private const string JoinUrl = "https://meet.example.org/hanbit-service-excellence";

    public static async Task SeedAsync(ServeWellDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.TrainingSessions.AnyAsync(cancellationToken))
        {
            return;
        }

        var programmes = await db.Programmes.Include(p => p.Instructors).ToDictionaryAsync(p => p.Title.En, cancellationToken);
        var today = DateOnly.FromDateTime(SessionTime.ToLocal(now, Zone));
        var sessions = new List<TrainingSession>();

        void Add(string title, Delivery delivery, DateOnly day, TimeOnly from, TimeOnly to, LocalText? venue, string? joinUrl, int capacity, int instructor = 0)
        {
            if (!programmes.TryGetValue(title, out var programme))
            {
                return;
            }

            var teacher = programme.Instructors.OrderBy(i => i.Order).Skip(instructor).FirstOrDefault();
            var zone = SessionTime.FindZone(Zone)!;
            var startsAt = SessionTime.ToUtc(day.ToDateTime(from), zone)!.Value;
            sessions.Add(new TrainingSession
            {
                ProgrammeId = programme.Id, Delivery = delivery, TimeZone = Zone,
                StartsAtUtc = startsAt, EndsAtUtc = SessionTime.ToUtc(day.ToDateTime(to), zone)!.Value,
                Venue = venue ?? LocalText.Empty, JoinUrl = joinUrl, Capacity = capacity,
                InstructorEmployeeId = teacher?.EmployeeId, InstructorName = teacher?.Name,
                CalendarUid = Guid.NewGuid(), CreatedAt = now, UpdatedAt = now,
            });
        }

        const string complaints = "Handling civil complaints from the moment of receipt";
        Add(complaints, Delivery.InPerson, Weekday(today, -20, DayOfWeek.Tuesday), new(9, 30), new(13, 30), CityHall, null, 40);
        Add(complaints, Delivery.InPerson, Weekday(today, 12, DayOfWeek.Tuesday), new(9, 30), new(13, 30), CityHall, null, 40);
        Add(complaints, Delivery.InPerson, Weekday(today, 33, DayOfWeek.Thursday), new(9, 30), new(13, 30), CityHall, null, 40);

        const string expressions = "Considerate expressions toward complainants";
        Add(expressions, Delivery.LiveOnline, Weekday(today, -10, DayOfWeek.Wednesday), new(10, 0), new(12, 0), null, "https://meet.example.org/hanbit-considerate-expressions", 300);
        Add(expressions, Delivery.LiveOnline, Weekday(today, 9, DayOfWeek.Wednesday), new(10, 0), new(12, 0), null, "https://meet.example.org/hanbit-considerate-expressions", 300);

        const string visiting = "Visiting Courtesy Training";
        Add(visiting, Delivery.InPerson, Weekday(today, -14, DayOfWeek.Monday), new(18, 0), new(19, 0), Jungang, null, 25);
        Add(visiting, Delivery.InPerson, Weekday(today, 7, DayOfWeek.Monday), new(18, 0), new(19, 0), Jungang, null, 25);
        Add(visiting, Delivery.InPerson, Weekday(today, 14, DayOfWeek.Thursday), new(18, 0), new(19, 0), new("Hannam-dong Community Service Centre, meeting room", "한남동 행정복지센터 회의실"), null, 25, instructor: 1);

        const string excellence = "Customer service excellence";
        Add(excellence, Delivery.InPerson, Weekday(today, -30, DayOfWeek.Friday), new(9, 0), new(17, 0), CityHall, null, 60);
        Add(excellence, Delivery.Hybrid, Weekday(today, 18, DayOfWeek.Friday), new(9, 0), new(17, 0), new("Hanbit City Hall, main auditorium", "한빛시청 대강당"), JoinUrl, 120);

        db.TrainingSessions.AddRange(sessions);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The first <paramref name="day"/> on or after today plus <paramref name="offsetDays"/>.</summary>
    private static DateOnly Weekday(DateOnly today, int offsetDays, DayOfWeek day)
    {
        var date = today.AddDays(offsetDays);
        return date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
    }
}
