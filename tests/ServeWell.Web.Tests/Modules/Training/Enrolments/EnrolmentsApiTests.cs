using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Training.Enrolments;

/// <summary>GET /api/v1/programmes/{id}/enrolments and POST …/sync: shape, paging, filter, who may call them; and the daily lease.</summary>
public abstract class EnrolmentsApiTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    [Fact]
    public async Task List_PagesFiltersAndCountsByState()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var elsewhere = await app.CreateOrgUnitAsync("O-CIVIL");
        var people = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            people.Add((await app.CreateEmployeeAsync(unit.Code)).EmployeeNumber);
        }

        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });
        var moved = await app.EmployeeAsync(people[0]);
        await app.MoveEmployeeAsync(moved.Id, elsewhere.Id);
        await app.SyncAsync(programme.Id);

        var page = await _api.GetOkAsync<JsonElement>($"/api/v1/programmes/{programme.Id}/enrolments?page=1&pageSize=2");
        page.GetProperty("total").GetInt32().ShouldBe(3);
        page.GetProperty("enrolments").GetArrayLength().ShouldBe(2);
        page.GetProperty("counts").GetProperty("Invited").GetInt32().ShouldBe(2);
        page.GetProperty("counts").GetProperty("Withdrawn").GetInt32().ShouldBe(1);
        var first = page.GetProperty("enrolments")[0];
        first.GetProperty("employeeNumber").GetString().ShouldBe(people.Order(StringComparer.Ordinal).First());
        first.GetProperty("source").GetString().ShouldBe("Rule");

        var withdrawn = await _api.GetOkAsync<JsonElement>($"/api/v1/programmes/{programme.Id}/enrolments?state=withdrawn");
        withdrawn.GetProperty("total").GetInt32().ShouldBe(1);
        withdrawn.GetProperty("enrolments")[0].GetProperty("employeeNumber").GetString().ShouldBe(people[0]);
        withdrawn.GetProperty("enrolments")[0].GetProperty("orgUnitCode").GetString().ShouldBe(elsewhere.Code);
    }

    [Fact]
    public async Task List_UnknownStateOrProgramme_Answers400Or404()
    {
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [(await app.CreateOrgUnitAsync("O-CIVIL")).Code] });

        using var badState = await _api.GetAsync($"/api/v1/programmes/{programme.Id}/enrolments?state=Asleep");
        using var missing = await _api.GetAsync("/api/v1/programmes/999999/enrolments");

        badState.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sync_AnswersCounts()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });
        await app.CreateEmployeeAsync(unit.Code);

        using var response = await _api.PostAsync($"/api/v1/programmes/{programme.Id}/enrolments/sync", null);

        var counts = await response.ReadOkAsync<JsonElement>();
        // The app's own daily sync (its first round runs at start-up, late on a loaded machine) may have invited the
        // new employee a moment before this call; then this call counts them unchanged. Either way, one person, once.
        (counts.GetProperty("invited").GetInt32() + counts.GetProperty("unchanged").GetInt32()).ShouldBe(1);
        (counts.GetProperty("withdrawn").GetInt32(), counts.GetProperty("reinvited").GetInt32()).ShouldBe((0, 0));
        (await app.DbAsync(db => db.Enrolments.CountAsync(e => e.ProgrammeId == programme.Id))).ShouldBe(1);
    }

    [Theory]
    [InlineData(Roles.Instructor, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Roles.TrainingOfficer, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Roles.Employee, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task Endpoints_AdmitOnlyTheirPolicy(string role, HttpStatusCode list, HttpStatusCode sync)
    {
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [(await app.CreateOrgUnitAsync("O-CIVIL")).Code] });
        using var client = await app.SignInAsRoleAsync(role);

        using var listed = await client.Http.GetAsync($"/api/v1/programmes/{programme.Id}/enrolments");
        using var synced = await client.Http.PostAsync($"/api/v1/programmes/{programme.Id}/enrolments/sync", null);

        listed.StatusCode.ShouldBe(list);
        synced.StatusCode.ShouldBe(sync);
    }

    [Fact]
    public async Task Endpoints_WithoutSignIn_Answer401()
    {
        using var anonymous = app.Anonymous();

        using var response = await anonymous.Http.PostAsync("/api/v1/programmes/1/enrolments/sync", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Lease_TwoConcurrentClaimers_OnlyOneWins()
    {
        var name = TestData.Unique("lease-");
        var claims = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            app.UseAsync<DatabaseLease, bool>(lease => lease.TryClaimAsync(name, "node-" + i, TimeSpan.FromHours(1), CancellationToken.None))));

        claims.Count(c => c).ShouldBe(1);
        (await app.UseAsync<DatabaseLease, bool>(lease => lease.TryClaimAsync(name, "node-3", TimeSpan.FromHours(1), CancellationToken.None))).ShouldBeFalse();
    }

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class EnrolmentsApiSqliteTests(SqliteApp app) : EnrolmentsApiTests(app), IClassFixture<SqliteApp>;

public sealed class EnrolmentsApiPostgresTests(PostgresApp app) : EnrolmentsApiTests(app), IClassFixture<PostgresApp>;
