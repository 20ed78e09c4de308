using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Protection;

/// <summary>
/// A small organisation of its own per test: an office with the employee and a peer, under a department; accounts for the
/// employee, the peer, the office's supervisor, a supervisor of another unit, leadership over the city, and a protection
/// officer designated for the department.
/// </summary>
public sealed record ProtectionCast(
    OrgUnit Department, OrgUnit Office, OrgUnit OtherUnit, string EmployeeNumber, string Employee, string Peer, string Supervisor,
    string OtherSupervisor, string Leader, string Officer);

public static class ProtectionTestData
{
    public const string Encounters = "/api/v1/encounters";

    public static async Task<ProtectionCast> CastAsync(this AppHost app)
    {
        var department = await app.CreateOrgUnitAsync(Demo.City, kind: OrgUnitKind.Department);
        var office = await app.CreateOrgUnitAsync(department.Code, kind: OrgUnitKind.CommunityCentre);
        var other = await app.CreateOrgUnitAsync(Demo.City, kind: OrgUnitKind.Office);
        var victim = await app.CreateEmployeeAsync(office.Code, frontline: true);
        var peer = await app.CreateEmployeeAsync(office.Code, frontline: true);
        var officerEmployee = await app.CreateEmployeeAsync(department.Code);
        var city = await app.UnitAsync(Demo.City);
        var officer = await app.AccountAsync(Roles.Employee, officerEmployee.Id, null);
        await app.DesignateOfficerAsync(officer, department.Id);
        return new(department, office, other, victim.EmployeeNumber,
            await app.AccountAsync(Roles.Employee, victim.Id, null),
            await app.AccountAsync(Roles.Employee, peer.Id, null),
            await app.AccountAsync(Roles.Supervisor, null, office.Id),
            await app.AccountAsync(Roles.Supervisor, null, other.Id),
            await app.AccountAsync(Roles.Leadership, null, city.Id),
            officer);
    }

    public static async Task<string> AccountAsync(this AppHost app, string role, int? employeeId, int? scopeUnitId, string? culture = "en")
    {
        var email = TestData.Unique("prot.").ToLowerInvariant() + "@test.example";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test " + role, EmployeeId = employeeId,
            ScopeOrgUnitId = scopeUnitId, PreferredCulture = culture,
        };
        (await users.CreateAsync(user, Demo.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return email;
    }

    public static Task DesignateOfficerAsync(this AppHost app, string email, int unitId) => app.DbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        db.ProtectionOfficers.Add(new ProtectionOfficer { UserId = userId, OrgUnitId = unitId, DesignatedAtUtc = DateTime.UtcNow });
        return await db.SaveChangesAsync();
    });

    public static object NewEncounter(string? description = null, string? contact = null, string? employeeNumber = null, DateTimeOffset? at = null,
        string channel = "phone", string[]? kinds = null) => new
    {
        employeeNumber,
        occurredAt = at ?? DateTimeOffset.UtcNow.AddMinutes(-30),
        channel,
        kinds = kinds ?? ["verbal-abuse", "threat"],
        actions = new[] { "warned", "call-ended" },
        description = description ?? "민원인이 전화로 욕설을 하고 찾아오겠다고 위협했다.",
        injury = (string?)null,
        complainantContact = contact,
    };

    public static async Task<JsonElement> LogAsync(this StaffClient client, object encounter)
    {
        var response = await client.Http.PostAsJsonAsync(Encounters, encounter);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
