using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;

namespace ServeWell.Web.Tests.Fixtures;

/// <summary>Each test makes its own people, units and accounts through the app's own use cases.</summary>
public static class TestData
{
    /// <summary>A short unique token for numbers, codes and emails, so tests never collide.</summary>
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static async Task<Employee> CreateEmployeeAsync(
        this AppHost app, string orgUnitCode, int grade = 8, EmployeeStatus status = EmployeeStatus.Active,
        DateOnly? hireDate = null, bool frontline = false, string? number = null)
    {
        number ??= Unique("E");
        var form = new EmployeeForm
        {
            EmployeeNumber = number, Name = "Test " + number, Email = number.ToLowerInvariant() + "@test.example",
            OrgUnitCode = orgUnitCode, Grade = grade, Position = "주무관", HireDate = hireDate ?? new DateOnly(2015, 3, 2),
            IsFrontline = frontline, Status = status,
        };
        var (employee, problems) = await app.UseAsync<SaveEmployee, (Employee?, IReadOnlyList<SaveEmployee.Problem>)>(
            save => save.SaveAsync(null, form, CancellationToken.None));
        return employee ?? throw new InvalidOperationException("Test employee not saved: " + string.Join("; ", problems.Select(p => p.Message)));
    }

    public static Task<OrgUnit> CreateOrgUnitAsync(this AppHost app, string parentCode, string? code = null, OrgUnitKind kind = OrgUnitKind.Team) =>
        app.UseAsync<OrgChart, OrgUnit>(chart =>
        {
            code ??= Unique("U-");
            return chart.CreateAsync(new OrgUnitForm(code, "Test unit " + code, "Test unit " + code, kind, parentCode), CancellationToken.None);
        });

    public static Task<OrgUnit> UnitAsync(this AppHost app, string code) =>
        app.DbAsync(db => db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == code));

    public static Task<Employee> EmployeeAsync(this AppHost app, string number) =>
        app.DbAsync(db => db.Employees.AsNoTracking().Include(e => e.OrgUnit).SingleAsync(e => e.EmployeeNumber == number));

    public static Task<Employee?> FindEmployeeAsync(this AppHost app, string number) =>
        app.DbAsync(db => db.Employees.AsNoTracking().SingleOrDefaultAsync(e => e.EmployeeNumber == number));

    public static Task<StaffUser> DemoAccountAsync(this AppHost app, string role) =>
        app.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == Demo.EmailOf(role)));

    /// <summary>A new sign-in account of its own, so lockouts and password changes touch no one else.</summary>
    public static async Task<string> CreateAccountAsync(this AppHost app, string role, string password = Demo.Password)
    {
        var email = Unique("user.").ToLowerInvariant() + "@test.example";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test " + role };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return email;
    }
}
