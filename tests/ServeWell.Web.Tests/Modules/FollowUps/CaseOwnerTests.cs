using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.FollowUps.Notices;
using ServeWell.Web.Modules.FollowUps.Owners;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.FollowUps;

/// <summary>
/// No case without an owner (ADR-029): the administrator's fallback, a supervisor given the scope later, and the count
/// leadership sees. The fallback is one setting for the whole database, so these tests run on an app of their own, whose
/// background loop does not adopt cases behind the tests' back (it looks once an hour).
/// </summary>
public abstract class CaseOwnerTests(AppHost app)
{
    [Fact]
    public async Task NoSupervisorCovers_FallbackAdministrators_TheCaseGoesToAnAdministrator_ThenASupervisorGivenTheScopeTakesItOver()
    {
        var unit = await app.CreateOrgUnitAsync("O-TAX");
        var waiting = await app.OpenCaseAsync(unit.Code);
        waiting.AssignedUserId.ShouldBeNull();
        await SetFallbackThroughThePageAsync(nameof(OwnerFallback.Administrators));

        var adopted = await app.CaseAsync(waiting.Id);
        (adopted.AssignedUserId is not null, adopted.OwnedByFallback).ShouldBe((true, true));
        (await app.DbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == adopted.AssignedUserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)))).ShouldBeTrue();
        var opened = await app.OpenCaseAsync(unit.Code);
        (opened.AssignedUserId is not null, opened.OwnedByFallback).ShouldBe((true, true));
        (await app.DbAsync(db => db.Set<FollowUpNotice>().AnyAsync(n => n.CaseId == opened.Id && n.RecipientUserId == opened.AssignedUserId))).ShouldBeTrue();
        (await app.DbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityKey == "follow-up-settings" && a.After != null && a.After.Contains("OwnerFallback")))).ShouldBeTrue();

        var supervisor = await app.CreateSupervisorAsync(unit.Code);
        await app.UseAsync<CaseOwners, int>(o => o.AdoptAsync(CancellationToken.None));

        var supervisorId = await app.UserIdAsync(supervisor);
        foreach (var id in new[] { waiting.Id, opened.Id })
        {
            var taken = await app.CaseAsync(id);
            (taken.AssignedUserId, taken.OwnedByFallback).ShouldBe((supervisorId, false));
        }
    }

    [Fact]
    public async Task Leadership_SeesTheCountOfCasesWithoutAnOwner_OnThePageAndInTheApi()
    {
        await SetFallbackThroughThePageAsync(nameof(OwnerFallback.None));
        var unit = await app.CreateOrgUnitAsync(Demo.City);
        using var leadership = await app.SignInAsRoleAsync(Roles.Leadership);
        var before = (await leadership.Http.GetOkAsync<System.Text.Json.JsonElement>("/api/v1/follow-ups")).GetProperty("unassigned").GetInt32();

        await app.OpenCaseAsync(unit.Code);
        await app.OpenCaseAsync(unit.Code);

        var after = (await leadership.Http.GetOkAsync<System.Text.Json.JsonElement>("/api/v1/follow-ups")).GetProperty("unassigned").GetInt32();
        after.ShouldBe(before + 2);
        var page = await leadership.GetPageAsync("/FollowUps");
        page.QuerySelectorAll(".stats div").Single(d => d.QuerySelector("dt")!.TextContent.Trim() == "Without an owner")
            .QuerySelector("dd")!.TextContent.Trim().ShouldBe(after.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task OwnersPage_IsForAdministratorsOnly_AndRefusesAnUnknownChoice()
    {
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        using var denied = await supervisor.GetAsync("/FollowUps/Owners");
        denied.Headers.Location!.AbsolutePath.ShouldBe("/Accounts/AccessDenied");
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/FollowUps/Owners");

        using var bad = await admin.SubmitAsync(page, "/FollowUps/Owners", new Dictionary<string, string> { ["Fallback"] = "Everyone" });

        bad.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Choose who owns cases that no supervisor covers.");
    }

    private async Task SetFallbackThroughThePageAsync(string choice)
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/FollowUps/Owners");
        using var saved = await admin.SubmitAsync(page, "/FollowUps/Owners", new Dictionary<string, string> { ["Fallback"] = choice });
        ((int)saved.StatusCode).ShouldBe(302);
        (await app.UseAsync<CaseOwners, OwnerFallback>(o => o.FallbackAsync(CancellationToken.None))).ToString().ShouldBe(choice);
    }
}

/// <summary>An app whose follow-up loop runs once at start and then waits an hour, so tests decide when cases are adopted.</summary>
public abstract class QuietFollowUpsApp(DatabaseKind kind) : AppHost(kind)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["FollowUps:MailInterval"] = "01:00:00", ["FollowUps:PurgeInterval"] = "1.00:00:00", ["FollowUps:ReminderInterval"] = "1.00:00:00",
    };
}

public sealed class QuietFollowUpsSqliteApp() : QuietFollowUpsApp(DatabaseKind.Sqlite);

public sealed class QuietFollowUpsPostgresApp() : QuietFollowUpsApp(DatabaseKind.Postgres);

public sealed class CaseOwnerSqliteTests(QuietFollowUpsSqliteApp app) : CaseOwnerTests(app), IClassFixture<QuietFollowUpsSqliteApp>;

public sealed class CaseOwnerPostgresTests(QuietFollowUpsPostgresApp app) : CaseOwnerTests(app), IClassFixture<QuietFollowUpsPostgresApp>;
