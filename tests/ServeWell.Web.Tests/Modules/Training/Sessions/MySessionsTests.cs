using System.Net;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;
using ServeWell.Web.Tests.Modules.Training.Registrations;

namespace ServeWell.Web.Tests.Modules.Training.Sessions;

/// <summary>"My sessions": an instructor's own sessions, coming then past, one click from check-in, attendance and results.</summary>
public abstract class MySessionsTests(AppHost app)
{
    [Fact]
    public async Task MySessions_ShowEachInstructorOnlyTheirOwn_ComingThenPast_WithTheirLinks()
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var (mine, theirs) = (setup.People[0], setup.People[1]);
        var later = await app.SessionAsync(setup.Programme.Id, capacity: 5, daysAhead: 40, instructorNumber: mine.EmployeeNumber);
        var sooner = await app.SessionAsync(setup.Programme.Id, capacity: 5, daysAhead: 20, instructorNumber: mine.EmployeeNumber);
        var past = await app.SessionAsync(setup.Programme.Id, capacity: 5, daysAhead: -5, instructorNumber: mine.EmployeeNumber);
        var other = await app.SessionAsync(setup.Programme.Id, capacity: 5, daysAhead: 25, instructorNumber: theirs.EmployeeNumber);
        using var instructor = await app.SignInAsEmployeeAsync(mine, Roles.Instructor);

        var page = await instructor.GetPageAsync("/Training/Sessions/Mine");

        page.QuerySelectorAll("#coming li[data-session]").Select(li => li.GetAttribute("data-session")).ShouldBe([$"{sooner.Id}", $"{later.Id}"]);
        page.QuerySelectorAll("#past li[data-session]").Select(li => li.GetAttribute("data-session")).ShouldBe([$"{past.Id}"]);
        page.QuerySelector($"li[data-session='{other.Id}']").ShouldBeNull();
        var links = page.QuerySelectorAll($"li[data-session='{sooner.Id}'] a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldBe([
            $"/Training/Sessions/{sooner.Id}/CheckInCode", $"/Training/Sessions/{sooner.Id}/Attendance",
            $"/Training/Programmes/{setup.Programme.Id}/Results?session={sooner.Id}"]);
        (await instructor.GetAsync(links[1]!)).StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("nav a[href='/Training/Sessions/Mine']").ShouldNotBeNull();

        using var officer = await app.SignInAsEmployeeAsync(theirs, Roles.TrainingOfficer);
        var theirsPage = await officer.GetPageAsync("/Training/Sessions/Mine");
        theirsPage.QuerySelectorAll("li[data-session]").Select(li => li.GetAttribute("data-session")).ShouldBe([$"{other.Id}"]);
    }

    [Fact]
    public async Task MySessions_IsNotForEmployeesWhoDoNotTeach()
    {
        var setup = await app.ProgrammeWithPeopleAsync(1);
        using var employee = await app.SignInAsEmployeeAsync(setup.People[0]);

        using var response = await employee.GetAsync("/Training/Sessions/Mine");

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        (response.Headers.Location?.OriginalString ?? "/Accounts/AccessDenied").ShouldContain("/Accounts/AccessDenied");
    }
}

public sealed class MySessionsSqliteTests(SqliteApp app) : MySessionsTests(app), IClassFixture<SqliteApp>;

public sealed class MySessionsPostgresTests(PostgresApp app) : MySessionsTests(app), IClassFixture<PostgresApp>;
