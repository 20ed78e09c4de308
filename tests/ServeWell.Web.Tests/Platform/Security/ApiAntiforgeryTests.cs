using System.Net;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Feedback;
using ServeWell.Web.Tests.Modules.Training.Enrolments;

namespace ServeWell.Web.Tests.Platform.Security;

/// <summary>A cookie-authenticated API write needs the antiforgery header; API keys and anonymous endpoints do not (ADR-028).</summary>
public abstract class ApiAntiforgeryTests(AppHost app)
{
    [Fact]
    public async Task CookieWrite_WithoutTheHeader_Answers400AndDoesNothing()
    {
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [(await app.CreateOrgUnitAsync("O-CIVIL")).Code] });
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        officer.Http.DefaultRequestHeaders.Remove(StaffClient.AntiforgeryHeader);

        using var forged = await officer.Http.PostAsync($"/api/v1/programmes/{programme.Id}/enrolments/sync", null);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.ReadProblemDetailAsync()).ShouldContain("X-CSRF-TOKEN");
    }

    [Fact]
    public async Task CookieWrite_WithTheHeader_Succeeds()
    {
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [(await app.CreateOrgUnitAsync("O-CIVIL")).Code] });
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);

        using var synced = await officer.Http.PostAsync($"/api/v1/programmes/{programme.Id}/enrolments/sync", null);

        synced.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CookieWrite_WithAnotherSessionsToken_Answers400()
    {
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [(await app.CreateOrgUnitAsync("O-CIVIL")).Code] });
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        using var other = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        officer.Http.DefaultRequestHeaders.Remove(StaffClient.AntiforgeryHeader);
        officer.Http.DefaultRequestHeaders.Add(StaffClient.AntiforgeryHeader, other.Http.DefaultRequestHeaders.GetValues(StaffClient.AntiforgeryHeader));

        using var forged = await officer.Http.PostAsync($"/api/v1/programmes/{programme.Id}/enrolments/sync", null);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ApiKeyWrite_NeedsNoHeader()
    {
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [(await app.CreateOrgUnitAsync("O-CIVIL")).Code] });
        using var api = app.ApiClient();

        using var synced = await api.PostAsync($"/api/v1/programmes/{programme.Id}/enrolments/sync", null);

        synced.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CitizenFeedback_FromABrowserWithAStaffCookie_StillWorks()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        officer.Http.DefaultRequestHeaders.Remove(StaffClient.AntiforgeryHeader);

        using var answered = await officer.Http.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 5, language = "en" }, FeedbackData.NewKey());

        answered.StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}

public sealed class ApiAntiforgerySqliteTests(SqliteApp app) : ApiAntiforgeryTests(app), IClassFixture<SqliteApp>;

public sealed class ApiAntiforgeryPostgresTests(PostgresApp app) : ApiAntiforgeryTests(app), IClassFixture<PostgresApp>;
