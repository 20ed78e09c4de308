using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.Demo;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.FollowUps;

namespace ServeWell.Web.Tests.Modules.Home;

/// <summary>
/// The home page answers "what should I do now?" per role (ADR-036): each demo role sees its sections and no other, every
/// figure stays within the viewer's scope, satisfaction is withheld below the minimum group size, and the main menu keeps
/// every role at six top-level entries or fewer with the current place marked.
/// </summary>
public abstract class HomePageTests(AppHost app)
{
    private static readonly Dictionary<string, string[]> SectionsByRole = new()
    {
        [Roles.Administrator] = ["Administrator"],
        [Roles.TrainingOfficer] = ["TrainingOfficer"],
        [Roles.Instructor] = ["Instructor"],
        [Roles.Supervisor] = ["Supervisor"],
        [Roles.Leadership] = ["Leadership"],
        [Roles.Employee] = ["Employee", "EmployeeFeedback"],
    };

    [Fact]
    public async Task Home_ForEachDemoRole_ShowsItsSectionsAndNoOther()
    {
        foreach (var (_, role, _) in DemoModule.Accounts)
        {
            using var client = await app.SignInAsRoleAsync(role);
            var page = await client.GetPageAsync("/");

            page.QuerySelector("h1")!.TextContent.Trim().ShouldStartWith("What to do now", Case.Sensitive, role);
            page.QuerySelectorAll("[data-section]").Select(s => s.GetAttribute("data-section")).ShouldBe(SectionsByRole[role], role);
            // Every section leads somewhere to do the work.
            page.QuerySelectorAll("[data-section]").ShouldAllBe(s => s.QuerySelector("a[href]") != null, role);
        }
    }

    [Fact]
    public async Task Navigation_ForEachDemoRole_HasAtMostSixTopLevelEntries_AndMarksTheCurrentPlace()
    {
        foreach (var (_, role, _) in DemoModule.Accounts)
        {
            using var client = await app.SignInAsRoleAsync(role);
            var home = await client.GetPageAsync("/");
            TopLevel(home).Count.ShouldBeInRange(2, 6, role);
            home.QuerySelector("nav .gnb > li.current > a[aria-current='page']")!.GetAttribute("href").ShouldBe("/", role);

            var training = await client.GetPageAsync("/Training/My");
            var current = training.QuerySelectorAll("nav .gnb > li.current").ShouldHaveSingleItem(role);
            current.QuerySelector("a[aria-current='page']")!.GetAttribute("href").ShouldBe("/Training/My", role);
        }
    }

    [Fact]
    public async Task Supervisor_Home_CountsAndListsOnlyTheCasesOfTheirScope()
    {
        var mine = await app.CreateOrgUnitAsync(Demo.City);
        var other = await app.CreateOrgUnitAsync(Demo.City);
        var email = await app.CreateSupervisorAsync(mine.Code);
        var inScope = await app.OpenCaseAsync(mine.Code);
        var outside = await app.OpenCaseAsync(other.Code);
        using var supervisor = await app.SignInAsync(email);

        var page = await supervisor.GetPageAsync("/");

        var section = page.QuerySelector("[data-section='Supervisor']")!;
        section.QuerySelector("[data-figure='open'] dd")!.TextContent.Trim().ShouldBe("1");
        section.QuerySelector($"a[href='/FollowUps/Case/{inScope.Id}']").ShouldNotBeNull();
        page.QuerySelector($"a[href='/FollowUps/Case/{outside.Id}']").ShouldBeNull();
        section.QuerySelector("h2")!.TextContent.ShouldContain(mine.Name);
    }

    [Fact]
    public async Task Leadership_Home_WithholdsSatisfactionBelowTheMinimumGroupSize_AndShowsItFromThere()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.City);
        var email = await CreateScopedAccountAsync(Roles.Leadership, unit.Id);
        for (var i = 0; i < 4; i++)
        {
            await app.ReceiveAsync(FollowUpTestData.Answer(unit.Id, overall: 5));
        }

        await DrainRollupsAsync();
        using var leader = await app.SignInAsync(email);

        var few = Tiles(await leader.GetPageAsync("/"));
        few["responses"].ShouldBe("4");
        few["satisfaction"].ShouldBe("–");

        await app.ReceiveAsync(FollowUpTestData.Answer(unit.Id, overall: 2, comment: null));
        await DrainRollupsAsync();

        var enough = Tiles(await leader.GetPageAsync("/"));
        enough["responses"].ShouldBe("5");
        enough["satisfaction"].ShouldBe("80.0 %");
    }

    [Fact]
    public async Task Leadership_Home_ListsOverdueCasesOfTheirScopeOnly()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.City);
        var other = await app.CreateOrgUnitAsync(Demo.City);
        var email = await CreateScopedAccountAsync(Roles.Leadership, unit.Id);
        var old = DateTime.UtcNow.AddDays(-30);
        var overdue = await app.OpenCaseAsync(unit.Code, answeredAt: old);
        var elsewhere = await app.OpenCaseAsync(other.Code, answeredAt: old);
        using var leader = await app.SignInAsync(email);

        var section = (await leader.GetPageAsync("/")).QuerySelector("[data-section='Leadership']")!;

        section.QuerySelector($"a[href='/FollowUps/Case/{overdue.Id}']").ShouldNotBeNull();
        section.QuerySelector($"a[href='/FollowUps/Case/{elsewhere.Id}']").ShouldBeNull();
        section.QuerySelectorAll("[data-kpi]").Select(k => k.GetAttribute("data-kpi")).ShouldBe(["satisfaction", "responses", "on-time", "completion"]);
    }

    [Fact]
    public async Task Leadership_Home_FollowUpsOnTime_CountsCasesClosedByTheirDeadlineAmongThoseDue()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.City);
        var email = await CreateScopedAccountAsync(Roles.Leadership, unit.Id);
        var answered = DateTime.UtcNow.AddDays(-20);
        var onTime = await app.OpenCaseAsync(unit.Code, answeredAt: answered);
        await app.OpenCaseAsync(unit.Code, answeredAt: answered); // still open after its deadline: late
        await app.OpenCaseAsync(unit.Code); // not due yet: not counted
        await app.DbAsync(db => db.Set<FollowUpCase>().Where(c => c.Id == onTime.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, FollowUpState.Resolved).SetProperty(c => c.ClosedAtUtc, answered.AddHours(1))));
        using var leader = await app.SignInAsync(email);

        Tiles(await leader.GetPageAsync("/"))["on-time"].ShouldBe("50.0 %");
    }

    [Fact]
    public async Task Administrator_Home_CountsFailedMail_AndTellsALateJobFromOneNeverRun()
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var failedBefore = int.Parse(Figure(await admin.GetPageAsync("/"), "mail-failed"), System.Globalization.CultureInfo.InvariantCulture);
        var late = TestData.Unique("job-late-");
        var never = TestData.Unique("job-never-");
        await app.DbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.OutboxMails.Add(new OutboxMail { To = "nobody@test.example", Language = "en", Subject = "s", TextBody = "b", Status = OutboxStatus.Failed, CreatedAt = now, NextAttemptAt = now });
            db.Leases.Add(new Lease { Name = late, Holder = "node-a", ExpiresAt = now.AddHours(-2) });
            db.Leases.Add(new Lease { Name = never, Holder = null, ExpiresAt = DateTime.UnixEpoch });
            return await db.SaveChangesAsync();
        });

        var page = await admin.GetPageAsync("/");

        Figure(page, "mail-failed").ShouldBe((failedBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelector($"tr[data-job='{late}']")!.TextContent.ShouldContain("Late");
        page.QuerySelector($"tr[data-job='{never}']")!.TextContent.ShouldContain("Not run yet");
    }

    private static string Figure(IHtmlDocument page, string name) => page.QuerySelector($"[data-figure='{name}'] dd")!.TextContent.Trim();

    private static List<AngleSharp.Dom.IElement> TopLevel(IHtmlDocument page) =>
        page.QuerySelectorAll("nav .gnb > li").ToList();

    private static Dictionary<string, string> Tiles(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-section='Leadership'] .kpi-value").ToDictionary(v => v.GetAttribute("data-figure")!, v => v.TextContent.Trim());

    // These answers reach the follow-up listener the way the intake tells it, not the intake's batch that writes rollup deltas.
    private Task DrainRollupsAsync() =>
        app.UseAsync<InsightsRollups, int>(async r => await r.RebuildAsync(CancellationToken.None) + await r.DrainAsync(CancellationToken.None));

    private async Task<string> CreateScopedAccountAsync(string role, int unitId)
    {
        var email = await app.CreateAccountAsync(role);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.ScopeOrgUnitId = unitId;
        (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        return email;
    }
}

public sealed class HomePageSqliteTests(SqliteApp app) : HomePageTests(app), IClassFixture<SqliteApp>;

public sealed class HomePagePostgresTests(PostgresApp app) : HomePageTests(app), IClassFixture<PostgresApp>;
