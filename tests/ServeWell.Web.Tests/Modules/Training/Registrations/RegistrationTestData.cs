using Ical.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Training.Registrations;

/// <summary>A programme aimed at a unit of the test's own, its people, and sessions with few places.</summary>
public static class RegistrationTestData
{
    public sealed record Setup(Programme Programme, IReadOnlyList<Employee> People, string UnitCode);

    public static async Task<Setup> ProgrammeWithPeopleAsync(this AppHost app, int people)
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var list = new List<Employee>();
        for (var i = 0; i < people; i++)
        {
            list.Add(await app.CreateEmployeeAsync(unit.Code));
        }

        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });
        return new Setup(programme, list, unit.Code);
    }

    /// <summary>A session <paramref name="daysAhead"/> days from now (negative: in the past), 10:00–12:00 Seoul time.</summary>
    public static async Task<TrainingSession> SessionAsync(this AppHost app, int programmeId, int capacity, int daysAhead = 30, int hour = 10, string? joinUrl = null, string? instructorNumber = null)
    {
        var day = DateTime.SpecifyKind(DateTime.UtcNow.AddHours(9).Date.AddDays(daysAhead), DateTimeKind.Unspecified);
        var request = new SessionRequest
        {
            Delivery = joinUrl is null ? "InPerson" : "Hybrid", Start = day.AddHours(hour), End = day.AddHours(hour + 2), TimeZone = "Asia/Seoul",
            Venue = LocalText.In("en", "City Hall, room 301"), JoinUrl = joinUrl, Capacity = capacity, InstructorEmployeeNumber = instructorNumber,
        };
        if (daysAhead >= 0)
        {
            var (session, problems) = await app.UseAsync<SaveSession, (TrainingSession?, IReadOnlyList<SaveSession.Problem>)>(s => s.CreateAsync(programmeId, request, CancellationToken.None));
            return session ?? throw new InvalidOperationException(string.Join("; ", problems.Select(p => p.Message)));
        }

        // A session in the past is planned in the future, then moved back in time directly, as history would have it.
        var future = await app.SessionAsync(programmeId, capacity, 30, hour, joinUrl, instructorNumber);
        var start = SessionTime.ToUtc(day.AddHours(hour), SessionTime.FindZone("Asia/Seoul")!)!.Value;
        await app.DbAsync(db => db.TrainingSessions.Where(s => s.Id == future.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAtUtc, start).SetProperty(x => x.EndsAtUtc, start.AddHours(2))));
        return await app.DbAsync(db => db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == future.Id));
    }

    public static Task<SessionRegistration> RegisterAsync(this AppHost app, int sessionId, int employeeId, RegistrationMode mode = RegistrationMode.Self) =>
        app.UseAsync<SessionRegistrations, SessionRegistration>(r => r.RegisterAsync(sessionId, employeeId, mode, "test", CancellationToken.None));

    public static Task<SessionRegistration> RegistrationAsync(this AppHost app, int sessionId, int employeeId) =>
        app.DbAsync(db => db.SessionRegistrations.AsNoTracking().SingleAsync(r => r.SessionId == sessionId && r.EmployeeId == employeeId));

    /// <summary>A sign-in account in the Employee role linked to <paramref name="employee"/>, in <paramref name="culture"/>.</summary>
    public static async Task<string> AccountForAsync(this AppHost app, Employee employee, string role = Roles.Employee, string? culture = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = TestData.Unique("acct.").ToLowerInvariant() + "@test.example";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = employee.Name, EmployeeId = employee.Id, PreferredCulture = culture };
        (await users.CreateAsync(user, Demo.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return email;
    }

    /// <summary>The mails to <paramref name="to"/>, oldest first.</summary>
    public static async Task<List<MimeMessage>> MailsToAsync(this AppHost app, string to)
    {
        var result = new List<(DateTimeOffset, string, MimeMessage)>();
        foreach (var file in await app.MailFilesAsync())
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
            {
                result.Add((message.Date, Path.GetFileName(file), message));
            }
        }

        return result.OrderBy(x => x.Item2, StringComparer.Ordinal).Select(x => x.Item3).ToList();
    }

    /// <summary>The iCalendar attachment of a mail, parsed by Ical.Net; null when there is none.</summary>
    public static Calendar? CalendarOf(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().FirstOrDefault(p => p.ContentType.MimeType == "text/calendar");
        if (part is null)
        {
            return null;
        }

        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return Calendar.Load(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
