using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Practice.Scenarios;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using Shouldly;
using static ServeWell.Web.Tests.Modules.Practice.Scenarios.ScenarioSamples;

namespace ServeWell.Web.Tests.Modules.Practice.Scenarios;

/// <summary>The scenario pages (ADR-061) on both databases: authoring through forms, playing without script, access per role.</summary>
public abstract class ScenarioPagesTests(AppHost app)
{
    private static int IdFrom(HttpResponseMessage response, string prefix)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith(prefix);
        return int.Parse(location[prefix.Length..].Split('/', '?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<int> PublishedAsync(ScenarioContent content) =>
        app.UseAsync<EditScenario, int>(async edit =>
        {
            var (created, _) = await edit.CreateAsync(content.Title, null, "test", CancellationToken.None);
            (await edit.SaveDraftAsync(created!, content, CancellationToken.None)).ShouldBeEmpty();
            (await edit.PublishAsync(created!, "test", CancellationToken.None)).Problems.ShouldBeEmpty();
            return created!.Id;
        });

    [Fact]
    public async Task Authoring_AsTrainer_BuildsAScenarioWithForms_SeesTheMap_AndPublishesAfterConfirming()
    {
        using var trainer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var list = await trainer.GetPageAsync("/Practice/Scenarios");
        using var created = await trainer.SubmitAsync(list, "/Practice/Scenarios", new Dictionary<string, string> { ["Title.Ko"] = "폼으로 만든 시나리오" });
        var id = IdFrom(created, "/Practice/Scenarios/");
        var path = $"/Practice/Scenarios/{id}";

        foreach (var (key, kind) in new[] { ("Start", "citizen"), ("Good end", "ending") })
        {
            var page = await trainer.GetPageAsync(path);
            using var added = await trainer.SubmitAsync(page, path, new Dictionary<string, string> { ["NewNode.Key"] = key, ["NewNode.Kind"] = kind });
            added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var details = await trainer.GetPageAsync(path);
        using (var saved = await trainer.SubmitAsync(details, path, new Dictionary<string, string> { ["Form.Competencies"] = "empathy" }, "Form.Start"))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Unfinished: the start has no reply yet, so the problems name it and link to its form.
        var unfinished = await trainer.GetPageAsync(path);
        unfinished.QuerySelectorAll(".notice.caution a").Select(a => a.GetAttribute("href")).ShouldContain($"{path}/Nodes/0");
        unfinished.QuerySelector("svg.scenario-map title").ShouldNotBeNull();
        unfinished.QuerySelectorAll(".map-list > li").Length.ShouldBe(2);

        var start = await trainer.GetPageAsync($"{path}/Nodes/0");
        using (var node = await trainer.SubmitAsync(start, $"{path}/Nodes/0", new Dictionary<string, string>
        {
            ["Form.Text.Ko"] = "민원인: 왜 또 안 된다는 거예요?",
            ["Form.Replies[0].Text.Ko"] = "불편을 드려 죄송합니다. 다시 확인해 보겠습니다.",
            ["Form.Replies[0].Target"] = "Good end",
            ["Form.Replies[0].Scores[empathy]"] = "3",
            ["Form.Replies[0].Feedback.Ko"] = "먼저 공감했습니다.",
        }, "Form.Key"))
        {
            node.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var end = await trainer.GetPageAsync($"{path}/Nodes/1");
        using (var ending = await trainer.SubmitAsync(end, $"{path}/Nodes/1", new Dictionary<string, string>
        {
            ["Form.Text.Ko"] = "민원인이 고맙다고 합니다.", ["Form.Debrief.Ko"] = "공감이 먼저입니다.", ["Form.Expert.Ko"] = "충분히 답답하셨겠습니다.",
        }, "Form.Key"))
        {
            ending.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await trainer.GetPageAsync(path)).QuerySelector(".notice.caution").ShouldBeNull();
        var preview = await trainer.GetPageAsync($"{path}/Preview?lang=en");
        preview.QuerySelectorAll(".preview-node").Length.ShouldBe(2);

        var confirm = await trainer.GetPageAsync($"{path}/Publish");
        using var unconfirmed = await trainer.SubmitAsync(confirm, $"{path}/Publish", new Dictionary<string, string> { ["confirmed"] = "false" });
        (await app.DbAsync(db => db.ScenarioVersions.CountAsync(v => v.ScenarioId == id))).ShouldBe(0);
        using var published = await trainer.SubmitAsync(confirm, $"{path}/Publish", new Dictionary<string, string>());
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var version = await app.DbAsync(db => db.ScenarioVersions.AsNoTracking().SingleAsync(v => v.ScenarioId == id));
        var content = ScenarioContent.FromJson(version.Content);
        content.Competencies.ShouldBe(["empathy"]);
        content.Find("Start")!.Choices.ShouldHaveSingleItem().ScoreFor("empathy").ShouldBe(3);
        content.Find("Good end")!.DebriefText.Ko.ShouldBe("공감이 먼저입니다.");
        using var twee = await trainer.GetAsync($"{path}?handler=Twee&version=1");
        (await twee.Content.ReadAsStringAsync()).ShouldContain(":: Start");
    }

    [Fact]
    public async Task NodeForm_RenamingANode_RenamesTheRepliesLeadingToIt()
    {
        var id = await app.UseAsync<EditScenario, int>(async edit =>
        {
            var (created, _) = await edit.CreateAsync(LocalText.Of("Rename", "이름 바꾸기"), null, "test", CancellationToken.None);
            (await edit.SaveDraftAsync(created!, RepeatedCaller(), CancellationToken.None)).ShouldBeEmpty();
            return created!.Id;
        });
        using var trainer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Practice/Scenarios/{id}/Nodes/3";
        var page = await trainer.GetPageAsync(path);

        using var saved = await trainer.SubmitAsync(page, path, new Dictionary<string, string> { ["Form.Key"] = "Calm down" }, "Form.Key");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draft = (await app.DbAsync(db => db.Scenarios.AsNoTracking().SingleAsync(s => s.Id == id))).DraftContent;
        draft.Nodes[3].Key.ShouldBe("Calm down");
        draft.Nodes.SelectMany(n => n.Choices).Count(c => c.Target == "Calm down").ShouldBe(2);
        ScenarioGraph.Validate(draft).ShouldBeEmpty();
    }

    [Fact]
    public async Task TweeImport_WithAnError_ListsItsLine_AndImportsNothing()
    {
        using var trainer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var before = await app.DbAsync(db => db.Scenarios.CountAsync());
        var page = await trainer.GetPageAsync("/Practice/Scenarios/Import");

        using var answer = await trainer.SubmitAsync(page, "/Practice/Scenarios/Import", new Dictionary<string, string>
        {
            ["Text"] = ":: StoryTitle\n제목\n\n:: Start\n안녕하세요\n<!-- nonsense: 1 -->\n[[네->Start]]\n",
        });

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await Html.ParseAsync(answer);
        html.QuerySelectorAll(".error-summary li").Select(li => li.TextContent).ShouldContain(t => t.Contains('6'));
        (await app.DbAsync(db => db.Scenarios.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Playing_AsEmployee_WithoutScript_OneNodeAtATime_ResendChangesNothing_AndTheResultShowsTheDebrief()
    {
        var scenario = await PublishedAsync(RepeatedCaller());
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        var practice = await employee.GetPageAsync("/Practice");
        using var started = await employee.SubmitAsync(practice, "/Practice", new Dictionary<string, string> { ["scenarioId"] = scenario.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "scenarioId");
        var attempt = IdFrom(started, "/Practice/Attempts/");
        var path = $"/Practice/Attempts/{attempt}";

        var first = await employee.GetPageAsync(path);
        first.QuerySelectorAll("input[type=radio][name=choice]").Length.ShouldBe(2);
        using (var chose = await employee.SubmitAsync(first, path, new Dictionary<string, string> { ["choice"] = "0" }, "choice"))
        {
            chose.Headers.Location!.OriginalString.ShouldBe(path);
        }

        // The same form sent again (a double tap): step 1 is taken, nothing changes.
        using (await employee.SubmitAsync(first, path, new Dictionary<string, string> { ["choice"] = "1" }, "choice"))
        {
        }

        var second = await employee.GetPageAsync(path);
        second.QuerySelector("input[name=step]")!.GetAttribute("value").ShouldBe("2");
        using (await employee.SubmitAsync(second, path, new Dictionary<string, string> { ["choice"] = "0" }, "choice"))
        {
        }

        // In Korean, the ending's own texts in that language (the test city speaks English by default).
        var result = await employee.GetPageAsync(path + "?lang=ko");
        result.QuerySelector("input[type=radio]").ShouldBeNull();
        result.Body!.TextContent.ShouldContain("되돌아보기");
        result.Body.TextContent.ShouldContain("숙련 공무원");
        result.QuerySelectorAll(".timeline > li").Length.ShouldBe(2);
        result.QuerySelector(".score-chart").ShouldNotBeNull();
        var moves = await app.DbAsync(db => db.ScenarioMoves.AsNoTracking().Where(m => m.AttemptId == attempt).OrderBy(m => m.Step).Select(m => m.Choice).ToListAsync());
        moves.ShouldBe([0, 0]);
        (await employee.GetPageAsync("/Practice/Profile")).QuerySelector(".score-chart").ShouldNotBeNull();
    }

    [Fact]
    public async Task AuthoringPages_AsEmployee_AreRefused_AndAnotherEmployeesAttemptIsNotFound()
    {
        var scenario = await PublishedAsync(RepeatedCaller());
        var other = await app.CreateEmployeeAsync(Demo.City);
        var attempt = await app.UseAsync<PlayScenario, ScenarioAttempt?>(play => play.StartAsync(scenario, other.Id, false, CancellationToken.None));
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);

        foreach (var path in new[] { "/Practice/Scenarios", $"/Practice/Scenarios/{scenario}", $"/Practice/Scenarios/{scenario}/Nodes/0", $"/Practice/Scenarios/{scenario}/Publish", "/Practice/Scenarios/Import", $"/Practice/Scenarios/{scenario}/Choices" })
        {
            using var response = await employee.GetAsync(path);
            var refused = response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Accounts/AccessDenied", StringComparison.Ordinal));
            refused.ShouldBeTrue($"{path} answered {(int)response.StatusCode}");
        }

        using var foreign = await employee.GetAsync($"/Practice/Attempts/{attempt!.Id}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChoicesPage_BelowTheMinimumGroupSize_ShowsNoFigures()
    {
        var scenario = await PublishedAsync(RepeatedCaller());
        var player = await app.CreateEmployeeAsync(Demo.City);
        await app.UseAsync<PlayScenario, bool>(async play =>
        {
            var attempt = (await play.StartAsync(scenario, player.Id, false, CancellationToken.None))!;
            await play.ChooseAsync(attempt.Id, player.Id, 1, 0, CancellationToken.None);
            return true;
        });
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);

        var page = await officer.GetPageAsync($"/Practice/Scenarios/{scenario}/Choices");

        page.QuerySelectorAll(".withheld").Length.ShouldBe(3);
        page.QuerySelector("table").ShouldBeNull();
    }

    [Fact]
    public async Task ChoicesPage_ByOffice_ShowsFirstAgainstLatest_FromTheMinimumGroupSize()
    {
        var scenario = await PublishedAsync(RepeatedCaller());
        var office = await app.CreateOrgUnitAsync(Demo.City);
        var small = await app.CreateOrgUnitAsync(Demo.City);
        async Task PlayAsync(int employeeId, int first, int second) =>
            await app.UseAsync<PlayScenario, bool>(async play =>
            {
                var attempt = (await play.StartAsync(scenario, employeeId, again: true, CancellationToken.None))!;
                await play.ChooseAsync(attempt.Id, employeeId, 1, first, CancellationToken.None);
                return await play.ChooseAsync(attempt.Id, employeeId, 2, second, CancellationToken.None) == PlayScenario.ChooseOutcome.Recorded;
            });
        for (var i = 0; i < 5; i++)
        {
            var player = await app.CreateEmployeeAsync(office.Code);
            await PlayAsync(player.Id, 1, 1); // argue, then hang up
            await PlayAsync(player.Id, 0, 0); // listen, then calm
        }

        await PlayAsync((await app.CreateEmployeeAsync(small.Code)).Id, 0, 0);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);

        var page = await officer.GetPageAsync($"/Practice/Scenarios/{scenario}/Choices");

        var empathy = page.QuerySelector($"tr[data-office='{office.Id}'][data-competency='empathy']")!;
        empathy.QuerySelector("[data-first]")!.TextContent.Trim().ShouldBe("0%");
        empathy.QuerySelector("[data-latest]")!.TextContent.Trim().ShouldBe("100%");
        page.QuerySelector($"section[data-office='{small.Id}'] .withheld").ShouldNotBeNull();
        page.QuerySelector($"[data-office='{small.Id}'] [data-first]").ShouldBeNull();
    }

    [Fact]
    public async Task StaffProfile_AsSupervisor_OutsideTheirSubtree_IsNotFound()
    {
        var outside = await app.CreateEmployeeAsync("O-TAX");
        var inside = await app.CreateEmployeeAsync(Demo.SupervisorCentre);
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        (await supervisor.GetAsync($"/Practice/Profile/{outside.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor.GetAsync($"/Practice/Profile/{inside.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Team_AsSupervisor_ListsTheirStaffWithFinishedPlays_LinkingEachProfile_AndNobodyOutside()
    {
        var scenario = await PublishedAsync(RepeatedCaller());
        var outside = await app.CreateEmployeeAsync("O-TAX");
        var inside = await app.CreateEmployeeAsync(Demo.SupervisorCentre);
        await app.UseAsync<PlayScenario, bool>(async play =>
        {
            var attempt = (await play.StartAsync(scenario, inside.Id, again: true, CancellationToken.None))!;
            await play.ChooseAsync(attempt.Id, inside.Id, 1, 1, CancellationToken.None);
            return await play.ChooseAsync(attempt.Id, inside.Id, 2, 1, CancellationToken.None) == PlayScenario.ChooseOutcome.Recorded;
        });
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        (await supervisor.GetPageAsync("/Practice")).QuerySelector("a[href='/Practice/Team']").ShouldNotBeNull();
        var team = await supervisor.GetPageAsync("/Practice/Team");
        var row = team.QuerySelector($"tr[data-employee='{inside.EmployeeNumber}']")!;
        row.QuerySelector($"a[href='/Practice/Profile/{inside.Id}']").ShouldNotBeNull();
        row.QuerySelectorAll("td")[1].TextContent.Trim().ShouldBe("1");
        team.QuerySelector($"tr[data-employee='{outside.EmployeeNumber}']").ShouldBeNull();

        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        (await employee.GetPageAsync("/Practice")).QuerySelector("a[href='/Practice/Team']").ShouldBeNull();
        var refused = await employee.GetAsync("/Practice/Team");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/Accounts/AccessDenied");
    }
}

public sealed class ScenarioPagesSqliteTests(SqliteApp app) : ScenarioPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ScenarioPagesPostgresTests(PostgresApp app) : ScenarioPagesTests(app), IClassFixture<PostgresApp>;
