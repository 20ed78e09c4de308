using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.People.OrgUnits;

/// <summary>The same org unit rules through the pages an administrator uses, forms and antiforgery included.</summary>
public abstract class OrgUnitPagesTests(AppHost app)
{
    [Fact]
    public async Task EditPage_NewUnit_CreatesItAndShowsItsHistory()
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var code = TestData.Unique("P-");
        const string path = "/People/OrgUnits/Edit";
        var form = await admin.GetPageAsync(path);

        using var saved = await admin.SubmitAsync(form, path, new Dictionary<string, string>
        {
            ["Form.Code"] = code, ["Form.Name"] = "페이지 팀", ["Form.NameEn"] = "Page team", ["Form.Kind"] = "Team", ["Form.ParentCode"] = "O-CIVIL",
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var unit = await app.UnitAsync(code);
        saved.Headers.Location!.OriginalString.ShouldBe($"/People/OrgUnits/Details/{unit.Id}");
        unit.ParentId.ShouldBe((await app.UnitAsync("O-CIVIL")).Id);
        var details = await admin.GetPageAsync($"/People/OrgUnits/Details/{unit.Id}");
        details.QuerySelectorAll("table tbody tr").Length.ShouldBe(1);
    }

    [Fact]
    public async Task EditPage_NewParent_MovesUnitWithItsChildren()
    {
        var top = await app.CreateOrgUnitAsync("D-COM");
        var child = await app.CreateOrgUnitAsync(top.Code);
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var path = $"/People/OrgUnits/Edit/{top.Id}";
        var form = await admin.GetPageAsync(path);

        using var saved = await admin.SubmitAsync(form, path, new Dictionary<string, string> { ["Form.ParentCode"] = "D-WEL" });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var parent = await app.UnitAsync("D-WEL");
        (await app.UnitAsync(child.Code)).Path.ShouldBe($"{parent.Path}{top.Id}/{child.Id}/");
        (await app.UnitAsync(top.Code)).Name.ShouldBe(top.Name);
    }

    [Fact]
    public async Task DetailsPage_DeactivateWithEmployees_ShowsRefusalAndKeepsUnitActive()
    {
        var unit = await app.CreateOrgUnitAsync("D-ADM");
        await app.CreateEmployeeAsync(unit.Code);
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var path = $"/People/OrgUnits/Details/{unit.Id}";
        var page = await admin.GetPageAsync(path);

        using var answer = await admin.SubmitAsync(page, path, new Dictionary<string, string> { ["active"] = "False" });

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(answer)).Text(".error-summary").ShouldContain("still has employees");
        (await app.UnitAsync(unit.Code)).IsActive.ShouldBeTrue();
        (await app.DbAsync(db => db.OrgUnitChanges.CountAsync(c => c.OrgUnitId == unit.Id && c.Kind == "deactivated"))).ShouldBe(0);
    }

    [Fact]
    public async Task DetailsPage_DeactivateEmptyUnit_DeactivatesAndRecordsWho()
    {
        var unit = await app.CreateOrgUnitAsync("D-ADM");
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var path = $"/People/OrgUnits/Details/{unit.Id}";
        var page = await admin.GetPageAsync(path);

        using var answer = await admin.SubmitAsync(page, path, new Dictionary<string, string> { ["active"] = "False" });

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.UnitAsync(unit.Code)).IsActive.ShouldBeFalse();
        var change = await app.DbAsync(db => db.OrgUnitChanges.SingleAsync(c => c.OrgUnitId == unit.Id && c.Kind == "deactivated"));
        change.By.ShouldBe(Demo.EmailOf(Roles.Administrator));
    }
}

public sealed class OrgUnitPagesSqliteTests(SqliteApp app) : OrgUnitPagesTests(app), IClassFixture<SqliteApp>;

public sealed class OrgUnitPagesPostgresTests(PostgresApp app) : OrgUnitPagesTests(app), IClassFixture<PostgresApp>;
