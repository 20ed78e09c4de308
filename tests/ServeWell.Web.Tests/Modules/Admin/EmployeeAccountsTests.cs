using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Admin;

/// <summary>An administrator gives the employees of a unit their accounts from the Accounts page.</summary>
public abstract class EmployeeAccountsTests(AppHost app)
{
    [Fact]
    public async Task Provision_ForAUnit_CreatesLinkedEmployeeAccountsOnceAndMailsEach()
    {
        var unit = await app.CreateOrgUnitAsync("C-WONHYO");
        var first = await app.CreateEmployeeAsync(unit.Code);
        var second = await app.CreateEmployeeAsync(unit.Code);
        var gone = await app.CreateEmployeeAsync(unit.Code, status: EmployeeStatus.Left);
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        var before = (await app.MailFilesAsync()).Length;
        var message = await ProvisionAsync(admin, unit.Code);
        var again = await ProvisionAsync(admin, unit.Code);

        message.ShouldContain("2 accounts created");
        again.ShouldContain("0 accounts created");
        (await app.MailFilesAsync()).Length.ShouldBe(before + 2);
        var accounts = await app.DbAsync(db => db.Users.Where(u => u.EmployeeId == first.Id || u.EmployeeId == second.Id || u.EmployeeId == gone.Id)
            .Select(u => new { u.Email, u.EmployeeId }).ToListAsync());
        accounts.Select(a => a.EmployeeId).ShouldBe([first.Id, second.Id], ignoreOrder: true);
        accounts.ShouldContain(a => a.Email == first.Email);
        var roles = await app.DbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                            join u in db.Users on ur.UserId equals u.Id
                                            where u.EmployeeId == first.Id select r.Name).ToListAsync());
        roles.ShouldBe([Roles.Employee]);
    }

    [Fact]
    public async Task Provision_AsTrainingOfficer_IsForbidden()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        using var response = await officer.GetAsync("/Admin/Users");
        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    private static async Task<string> ProvisionAsync(StaffClient admin, string unitCode)
    {
        var page = await admin.GetPageAsync("/Admin/Users");
        using var response = await admin.SubmitAsync(page, "/Admin/Users?handler=Provision", new Dictionary<string, string> { ["ProvisionUnit"] = unitCode });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await Html.ParseAsync(response)).Text("#provision-h ~ p[role=status]");
    }

}

public sealed class EmployeeAccountsSqliteTests(SqliteApp app) : EmployeeAccountsTests(app), IClassFixture<SqliteApp>;

public sealed class EmployeeAccountsPostgresTests(PostgresApp app) : EmployeeAccountsTests(app), IClassFixture<PostgresApp>;
