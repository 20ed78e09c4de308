using System.Net;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Training.Enrolments;

/// <summary>The enrolments section of a programme's page, and "Sync now".</summary>
public abstract class EnrolmentPagesTests(AppHost app)
{
    [Fact]
    public async Task Details_ShowsCountsAndPeople_AndSyncNowForOfficers()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var person = await app.CreateEmployeeAsync(unit.Code);
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        using var instructor = await app.SignInAsRoleAsync(Roles.Instructor);

        var page = await officer.GetPageAsync($"/Training/Programmes/Details/{programme.Id}");
        var read = await instructor.GetPageAsync($"/Training/Programmes/Details/{programme.Id}?enrolmentState=Withdrawn");

        page.Text("#enrolments").ShouldBe("Enrolments");
        page.Text(".state-counts").ShouldContain("Invited: 1");
        page.Text("section[aria-labelledby=enrolments] table").ShouldContain(person.Name);
        page.QuerySelector($"form[action='/Training/Programmes/SyncEnrolments/{programme.Id}'] button").ShouldNotBeNull();
        page.QuerySelector($"form[action='/Training/Programmes/SyncEnrolments/{programme.Id}'] input[name=__RequestVerificationToken]").ShouldNotBeNull();
        read.QuerySelector("form[action^='/Training/Programmes/SyncEnrolments']").ShouldBeNull();
        read.Text("section[aria-labelledby=enrolments]").ShouldContain("No enrolments.");
    }

    [Fact]
    public async Task SyncNow_InvitesNewcomersAndSaysHowMany()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });
        await app.CreateEmployeeAsync(unit.Code);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Training/Programmes/SyncEnrolments/{programme.Id}";
        var ask = await officer.GetPageAsync(path);

        using var response = await officer.SubmitAsync(ask, path, new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Html.Parse(await response.Content.ReadAsStringAsync()).Text("[role=status]").ShouldBe("1 invited, 0 withdrawn, 0 invited again, 0 unchanged.");
    }

    [Fact]
    public async Task Details_InKorean_LabelsStates()
    {
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [(await app.CreateOrgUnitAsync("O-CIVIL")).Code] });
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        officer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");

        var page = await officer.GetPageAsync($"/Training/Programmes/Details/{programme.Id}");

        page.Text(".state-counts").ShouldContain("철회됨");
    }
}

public sealed class EnrolmentPagesSqliteTests(SqliteApp app) : EnrolmentPagesTests(app), IClassFixture<SqliteApp>;

public sealed class EnrolmentPagesPostgresTests(PostgresApp app) : EnrolmentPagesTests(app), IClassFixture<PostgresApp>;
