using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Platform.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Tests.Modules.Training.Enrolments;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Training.Record;

/// <summary>A programme of the test's own with its people, a session in the past, and attendance set straight in the database.</summary>
public sealed record TrainingCase(ProgrammeRequest Request, Programme Programme, string UnitCode, IReadOnlyList<Employee> People, TrainingSession Session);

public static class RecordTestData
{
    public static async Task<TrainingCase> CreateTrainingCaseAsync(
        this AppHost app, int people = 2, Action<ProgrammeRequest>? configure = null, string? instructorName = "Guest Expert", string? unitCode = null)
    {
        unitCode ??= (await app.CreateOrgUnitAsync("O-CIVIL")).Code;
        var employees = new List<Employee>();
        for (var i = 0; i < people; i++)
        {
            employees.Add(await app.CreateEmployeeAsync(unitCode));
        }

        var request = new ProgrammeRequest
        {
            Title = LocalText.In("en", TestData.Unique("Record test ")), Delivery = "InPerson", Hours = 3.5m, Audience = new AudienceRule { OrgUnitCodes = [unitCode] },
            Instructors = [new InstructorRequest { Kind = "External", Name = "Programme Expert", Organisation = "CX Academy" }],
        };
        configure?.Invoke(request);
        var (programme, problems) = await app.UseAsync<SaveProgramme, (Programme?, IReadOnlyList<SaveProgramme.Problem>)>(
            save => save.SaveAsync(null, request, CancellationToken.None));
        if (programme is null)
        {
            throw new InvalidOperationException(string.Join("; ", problems.Select(p => p.Message)));
        }

        await app.PublishAsync(programme.Id);

        var session = await app.AddSessionAsync(programme.Id, DateTime.UtcNow.AddDays(-2), instructorName);
        return new TrainingCase(request, programme, unitCode, employees, session);
    }

    public static Task<TrainingSession> AddSessionAsync(this AppHost app, int programmeId, DateTime startsAtUtc, string? instructorName = null) =>
        app.DbAsync(async db =>
        {
            var session = new TrainingSession
            {
                ProgrammeId = programmeId, Delivery = Delivery.InPerson, StartsAtUtc = startsAtUtc, EndsAtUtc = startsAtUtc.AddHours(2), TimeZone = "Asia/Seoul",
                Venue = LocalText.In("en", "City Hall 301"), Capacity = 30, InstructorName = instructorName, CalendarUid = Guid.NewGuid(), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.TrainingSessions.Add(session);
            await db.SaveChangesAsync();
            return session;
        });

    /// <summary>What the attendance code will do: mark the enrolment attended (now), then tell the listeners.</summary>
    public static async Task AttendAsync(this AppHost app, TrainingCase c, Employee employee, bool notify = true)
    {
        await app.DbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == c.Programme.Id && e.EmployeeId == employee.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EnrolmentState.Attended).SetProperty(e => e.StateSince, DateTime.UtcNow)));
        if (notify)
        {
            var enrolmentId = await app.DbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == c.Programme.Id && e.EmployeeId == employee.Id).Select(e => e.Id).SingleAsync());
            await using var scope = app.Services.CreateAsyncScope();
            var logger = scope.ServiceProvider.GetRequiredService<ILogger<TrainingCase>>();
            await scope.ServiceProvider.NotifyAttendanceRecordedAsync(new AttendanceRecorded(c.Session.Id, c.Programme.Id, enrolmentId, employee.Id), logger, CancellationToken.None);
        }
    }

    /// <summary>A sign-in account of the Employee role linked to <paramref name="employee"/>, signed in.</summary>
    public static async Task<StaffClient> SignInAsEmployeeAsync(this AppHost app, Employee employee, string role = Roles.Employee, string? culture = null)
    {
        var email = TestData.Unique("emp.").ToLowerInvariant() + "@test.example";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = employee.Name, EmployeeId = employee.Id, PreferredCulture = culture };
            (await users.CreateAsync(user, Demo.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        }

        return await app.SignInAsync(email);
    }

    public static Task<List<Completion>> CompletionsAsync(this AppHost app, int programmeId) =>
        app.DbAsync(db => db.Completions.AsNoTracking().Where(c => c.ProgrammeId == programmeId).OrderBy(c => c.Id).ToListAsync());
}
