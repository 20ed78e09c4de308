using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Security;

/// <summary>The supervisor demo account is scoped to the community centre C-WONHYO; leadership to the whole city.</summary>
public abstract class StaffScopeTests(AppHost app)
{
    [Fact]
    public async Task Supervisor_ListsEmployeesThroughApi_SeesOnlyOwnSubtree()
    {
        var (inside, outside) = await InsideAndOutsideAsync();
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        var list = await supervisor.Http.GetOkAsync<EmployeeListDto>("/api/v1/employees?pageSize=500");

        var subtree = await SubtreeCodesAsync(Demo.SupervisorCentre);
        list.Items.Select(e => e.OrgUnitCode).Distinct().Where(c => !subtree.Contains(c)).ShouldBeEmpty();
        list.Items.Select(e => e.EmployeeNumber).ShouldContain(inside.EmployeeNumber);
        list.Items.Select(e => e.EmployeeNumber).ShouldNotContain(outside.EmployeeNumber);
        list.Total.ShouldBe(await app.DbAsync(db => db.Employees.CountAsync(e => subtree.Contains(e.OrgUnit!.Code))));
    }

    [Fact]
    public async Task Supervisor_ListsOrgUnitsThroughApi_SeesOnlyOwnSubtree()
    {
        var child = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        var units = await supervisor.Http.GetOkAsync<List<OrgUnitDto>>("/api/v1/org-units");

        var subtree = await SubtreeCodesAsync(Demo.SupervisorCentre, activeOnly: true);
        units.Select(u => u.Code).ShouldBe(subtree, ignoreOrder: true);
        units.Select(u => u.Code).ShouldContain(child.Code);
        units.Select(u => u.Code).ShouldNotContain(Demo.City);
    }

    [Fact]
    public async Task Supervisor_EmployeesPage_ListsOnlyOwnSubtree()
    {
        var (inside, outside) = await InsideAndOutsideAsync();
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        var page = await supervisor.GetPageAsync("/People/Employees?PageSize=200");

        var shownIds = page.QuerySelectorAll("a[href^='/People/Employees/Details/']")
            .Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var subtree = await SubtreeCodesAsync(Demo.SupervisorCentre);
        var shownUnits = await app.DbAsync(db => db.Employees.Where(e => shownIds.Contains(e.Id)).Select(e => e.OrgUnit!.Code).Distinct().ToListAsync());
        shownIds.ShouldNotBeEmpty();
        shownUnits.Where(c => !subtree.Contains(c)).ShouldBeEmpty();
        shownIds.ShouldContain(inside.Id);
        shownIds.ShouldNotContain(outside.Id);
    }

    [Fact]
    public async Task Supervisor_OpensEmployeeOfAnotherUnit_GetsNotFound()
    {
        var (inside, outside) = await InsideAndOutsideAsync();
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        using var otherPage = await supervisor.GetAsync($"/People/Employees/Details/{outside.Id}");
        using var otherApi = await supervisor.GetAsync($"/api/v1/employees/{outside.EmployeeNumber}");
        using var ownPage = await supervisor.GetAsync($"/People/Employees/Details/{inside.Id}");

        otherPage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        otherApi.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ownPage.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Leader_ListsEmployeesAndUnits_SeesWholeCity()
    {
        var (inside, outside) = await InsideAndOutsideAsync();
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);

        var list = await leader.Http.GetOkAsync<EmployeeListDto>("/api/v1/employees?pageSize=1");
        var units = await leader.Http.GetOkAsync<List<OrgUnitDto>>("/api/v1/org-units");
        using var outsidePage = await leader.GetAsync($"/People/Employees/Details/{outside.Id}");

        list.Total.ShouldBe(await app.DbAsync(db => db.Employees.CountAsync()));
        units.Count.ShouldBe(await app.DbAsync(db => db.OrgUnits.CountAsync(u => u.IsActive)));
        outsidePage.StatusCode.ShouldBe(HttpStatusCode.OK);
        inside.Id.ShouldNotBe(outside.Id);
    }

    [Fact]
    public async Task Employee_OpensDetails_SeesOnlyOwnRecord()
    {
        var account = await app.DemoAccountAsync(Roles.Employee);
        var colleague = await app.CreateEmployeeAsync(Demo.SupervisorCentre);
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);

        using var own = await employee.GetAsync($"/People/Employees/Details/{account.EmployeeId}");
        using var other = await employee.GetAsync($"/People/Employees/Details/{colleague.Id}");

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>One employee in a new team below the supervisor's centre, one in another centre.</summary>
    private async Task<(Employee Inside, Employee Outside)> InsideAndOutsideAsync()
    {
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        return (await app.CreateEmployeeAsync(team.Code), await app.CreateEmployeeAsync("C-NAMSAN"));
    }

    private Task<List<string>> SubtreeCodesAsync(string code, bool activeOnly = false) => app.DbAsync(async db =>
    {
        var path = await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Path).SingleAsync();
        return await db.OrgUnits.Where(u => u.Path.StartsWith(path) && (u.IsActive || !activeOnly)).Select(u => u.Code).ToListAsync();
    });
}

public sealed class StaffScopeSqliteTests(SqliteApp app) : StaffScopeTests(app), IClassFixture<SqliteApp>;

public sealed class StaffScopePostgresTests(PostgresApp app) : StaffScopeTests(app), IClassFixture<PostgresApp>;
