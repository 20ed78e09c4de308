using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.Practice.Scenarios;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.FollowUps;

namespace ServeWell.Web.Tests.Insights;

/// <summary>
/// Insights' practice view (issue 15, ADR-065): per office, the practice profile of its employees beside the citizens'
/// courtesy and outcome ratings, with the minimum group size on both sides and the viewer's scope.
/// </summary>
public abstract class PracticeBesideCitizensTests(AppHost app)
{
    private static ScenarioContent Content() => new(
        LocalText.Of("Queue", "대기 줄"), LocalText.Empty, ["empathy", "problem-solving"], "start",
        [
            new ScenarioNode("start", NodeKind.Citizen, LocalText.Of("Why only one counter?", "왜 창구가 하나죠?"),
            [
                new ScenarioChoice(LocalText.Of("Sorry for the wait; let me help.", "기다리게 해 죄송합니다."), "calm", new Dictionary<string, int> { ["empathy"] = 2, ["problem-solving"] = 1 }, LocalText.Empty),
                new ScenarioChoice(LocalText.Of("Wait your turn.", "순서를 기다리세요."), "angry", new Dictionary<string, int> { ["empathy"] = -2 }, LocalText.Empty),
            ]),
            new ScenarioNode("calm", NodeKind.Scene, LocalText.Of("Calm.", "차분해졌다."), [], true),
            new ScenarioNode("angry", NodeKind.Scene, LocalText.Of("Angry.", "화를 냈다."), [], true),
        ]);

    private async Task<int> PublishedAsync() =>
        await app.UseAsync<EditScenario, int>(async edit =>
        {
            var (created, _) = await edit.CreateAsync(LocalText.Of("Queue", "대기 줄"), null, "test", CancellationToken.None);
            (await edit.SaveDraftAsync(created!, Content(), CancellationToken.None)).ShouldBeEmpty();
            (await edit.PublishAsync(created!, "test", CancellationToken.None)).Problems.ShouldBeEmpty();
            return created!.Id;
        });

    private Task PlayAsync(int scenarioId, int employeeId, int choice) =>
        app.UseAsync<PlayScenario, bool>(async play =>
        {
            var attempt = (await play.StartAsync(scenarioId, employeeId, again: true, CancellationToken.None))!;
            return await play.ChooseAsync(attempt.Id, employeeId, 1, choice, CancellationToken.None) == PlayScenario.ChooseOutcome.Recorded;
        });

    private async Task<string> LeaderOfAsync(int unitId)
    {
        var email = await app.CreateAccountAsync(Roles.Leadership);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.ScopeOrgUnitId = unitId;
        (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        return email;
    }

    [Fact]
    public async Task Office_ShowsPracticeBesideCitizensRatings_FromTheMinimumGroupSize_AndOnlyInScope()
    {
        var scenario = await PublishedAsync();
        var office = await app.CreateOrgUnitAsync(Demo.City);
        var small = await app.CreateOrgUnitAsync(Demo.City);
        for (var i = 0; i < 5; i++)
        {
            var employee = await app.CreateEmployeeAsync(office.Code, frontline: true);
            await PlayAsync(scenario, employee.Id, i == 0 ? 1 : 0); // four best replies, one poor
        }

        for (var i = 0; i < 4; i++)
        {
            await PlayAsync(scenario, (await app.CreateEmployeeAsync(small.Code, frontline: true)).Id, 0);
        }

        var answers = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var answer = FollowUpTestData.Answer(office.Id, overall: 4, comment: null);
            await app.ReceiveAsync(answer);
            answers.Add(answer.AnswerId);
        }

        await app.DbAsync(db => db.FeedbackAnswers.Where(a => answers.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.CourtesyScore, 75)));
        await app.UseAsync<InsightsRollups, int>(async r => await r.RebuildAsync(CancellationToken.None) + await r.DrainAsync(CancellationToken.None));

        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/Insights/Practice?unit=" + Demo.City);
        var row = page.QuerySelector($"tr[data-office='{office.Code}']")!;
        row.QuerySelectorAll("td")[0].TextContent.Trim().ShouldBe("5");
        // Empathy: 4 × 2 − 2 of 5 × 2 = 60 %; problem solving: 4 of 5 = 80 %; courtesy: the citizens' mean of 75.
        row.QuerySelector("[data-figure='empathy']")!.TextContent.Trim().ShouldBe("60%");
        row.QuerySelector("[data-figure='problem-solving']")!.TextContent.Trim().ShouldBe("80%");
        row.QuerySelector("[data-figure='courtesy']")!.TextContent.ShouldContain("75%");
        row.QuerySelector("[data-figure='courtesy']")!.TextContent.ShouldContain("n = 5");

        var few = page.QuerySelector($"tr[data-office='{small.Code}']")!;
        few.QuerySelector("[data-withheld='practice']").ShouldNotBeNull();
        few.QuerySelector("[data-figure='empathy']").ShouldBeNull();
        few.QuerySelector("[data-figure='problem-solving']")!.TextContent.Trim().ShouldBe("–");

        // A leader of the small office sees it, withheld, and cannot look at the other one.
        using var leader = await app.SignInAsync(await LeaderOfAsync(small.Id));
        var own = await leader.GetPageAsync("/Insights/Practice?unit=" + small.Code);
        own.QuerySelector($"tr[data-office='{small.Code}'] [data-withheld='practice']").ShouldNotBeNull();
        own.QuerySelector($"tr[data-office='{office.Code}']").ShouldBeNull();
        (await leader.GetAsync("/Insights/Practice?unit=" + office.Code)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);

        using var employeeClient = await app.SignInAsRoleAsync(Roles.Employee);
        var refused = await employeeClient.GetAsync("/Insights/Practice");
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/Accounts/AccessDenied");
    }
}

public sealed class PracticeBesideCitizensSqliteTests(SqliteApp app) : PracticeBesideCitizensTests(app), IClassFixture<SqliteApp>;

public sealed class PracticeBesideCitizensPostgresTests(PostgresApp app) : PracticeBesideCitizensTests(app), IClassFixture<PostgresApp>;
