using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Accounts.ApiKeys;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Training.Enrolments;

/// <summary>A programme's enrolment list (page and API) shows only the people the viewer's scope covers (ADR-028).</summary>
public abstract class EnrolmentScopeTests(AppHost app)
{
    [Fact]
    public async Task ScopedSupervisor_SeesOnlyTheirSubtree_OnThePageAndInTheApi()
    {
        var (programme, inside, outside, unit) = await ProgrammeAcrossTwoUnitsAsync();
        var email = await app.CreateAccountAsync(Roles.Supervisor);
        await app.DbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.ScopeOrgUnitId, unit)));
        using var supervisor = await app.SignInAsync(email);

        var page = await supervisor.GetPageAsync($"/Training/Programmes/Details/{programme}");
        var api = await supervisor.Http.GetOkAsync<JsonElement>($"/api/v1/programmes/{programme}/enrolments");

        var section = page.Text("section[aria-labelledby=enrolments]");
        section.ShouldContain(inside.Name);
        section.ShouldNotContain(outside.Name);
        page.Text(".state-counts").ShouldContain("Invited: 1");
        Numbers(api).ShouldBe([inside.EmployeeNumber]);
        api.GetProperty("total").GetInt32().ShouldBe(1);
        api.GetProperty("counts").GetProperty("Invited").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task ScopedLeadershipKey_SeesOnlyItsSubtree()
    {
        var (programme, inside, _, unit) = await ProgrammeAcrossTwoUnitsAsync();
        var secret = await app.DbAsync(async db =>
        {
            var key = ApiKey.NewSecret();
            db.ApiKeys.Add(new ApiKey
            {
                Name = TestData.Unique("leadership key "), Hint = key[..8], KeyHash = ApiKey.Hash(key), Role = Roles.Leadership,
                ScopeOrgUnitId = unit, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return key;
        });
        using var client = app.ApiClient(secret);

        var api = await client.GetOkAsync<JsonElement>($"/api/v1/programmes/{programme}/enrolments");

        Numbers(api).ShouldBe([inside.EmployeeNumber]);
    }

    [Fact]
    public async Task TrainingOfficer_SeesEveryone()
    {
        var (programme, inside, outside, _) = await ProgrammeAcrossTwoUnitsAsync();
        using var client = app.ApiClient();

        var api = await client.GetOkAsync<JsonElement>($"/api/v1/programmes/{programme}/enrolments");

        Numbers(api).Order(StringComparer.Ordinal).ShouldBe(new[] { inside.EmployeeNumber, outside.EmployeeNumber }.Order(StringComparer.Ordinal));
    }

    private async Task<(int Programme, Employee Inside, Employee Outside, int Unit)> ProgrammeAcrossTwoUnitsAsync()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var elsewhere = await app.CreateOrgUnitAsync("O-CIVIL");
        var inside = await app.CreateEmployeeAsync(unit.Code);
        var outside = await app.CreateEmployeeAsync(elsewhere.Code);
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code, elsewhere.Code] });
        await app.SyncAsync(programme.Id);
        return (programme.Id, inside, outside, unit.Id);
    }

    private static List<string> Numbers(JsonElement page) =>
        page.GetProperty("enrolments").EnumerateArray().Select(e => e.GetProperty("employeeNumber").GetString()!).ToList();
}

public sealed class EnrolmentScopeSqliteTests(SqliteApp app) : EnrolmentScopeTests(app), IClassFixture<SqliteApp>;

public sealed class EnrolmentScopePostgresTests(PostgresApp app) : EnrolmentScopeTests(app), IClassFixture<PostgresApp>;
