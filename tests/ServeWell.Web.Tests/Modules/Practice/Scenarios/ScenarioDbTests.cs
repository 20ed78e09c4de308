using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Practice.Scenarios;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using Shouldly;
using static ServeWell.Web.Tests.Modules.Practice.Scenarios.ScenarioSamples;

namespace ServeWell.Web.Tests.Modules.Practice.Scenarios;

/// <summary>Authoring, versions, playing, resuming, results and access, on both databases (ADR-054).</summary>
public abstract class ScenarioDbTests(AppHost app)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<Scenario> PublishedAsync(ScenarioContent content)
    {
        var scenario = await app.UseAsync<EditScenario, Scenario>(async edit =>
        {
            var (created, _) = await edit.CreateAsync(content.Title, null, "test", CancellationToken.None);
            (await edit.SaveDraftAsync(created!, content, CancellationToken.None)).ShouldBeEmpty();
            var (version, problems) = await edit.PublishAsync(created!, "test", CancellationToken.None);
            problems.ShouldBeEmpty();
            return created!;
        });
        return scenario;
    }

    private Task<AttemptView> PlayAsync(int scenarioId, int employeeId, params int[] choices) =>
        app.UseAsync<PlayScenario, AttemptView>(async play =>
        {
            var attempt = (await play.StartAsync(scenarioId, employeeId, again: true, CancellationToken.None))!;
            foreach (var (choice, i) in choices.Select((c, i) => (c, i)))
            {
                (await play.ChooseAsync(attempt.Id, employeeId, i + 1, choice, CancellationToken.None)).ShouldBe(PlayScenario.ChooseOutcome.Recorded);
            }

            return (await play.ReadAsync(attempt.Id, employeeId, CancellationToken.None))!;
        });

    [Fact]
    public async Task Publish_InvalidGraph_IsRefusedNamingTheNodes_AndNothingIsPublished()
    {
        using var api = app.ApiClient();
        var created = await (await api.PostAsJsonAsync("/api/v1/scenarios", new { title = new { en = "Loop", ko = "고리" } })).Content.ReadFromJsonAsync<ScenarioDto>(Web);
        var draft = RepeatedCaller() with
        {
            Nodes = [Node("Start", Reply("A", "Round", 0, 0)), Node("Round", Reply("B", "Start", 0, 0)), Ending("Calm")],
        };
        (await api.PutAsJsonAsync($"/api/v1/scenarios/{created!.Id}/draft", draft, Web)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var publish = await api.PostAsync($"/api/v1/scenarios/{created.Id}/versions", null);

        publish.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problems = (await publish.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        // In the caller's language: the node names are what both languages share.
        problems.Count.ShouldBe(2);
        problems.ShouldContain(p => p!.Contains("\"Calm\"", StringComparison.Ordinal));
        problems.ShouldContain(p => p!.Contains("\"Start\", \"Round\"", StringComparison.Ordinal));
        (await app.DbAsync(db => db.ScenarioVersions.CountAsync(v => v.ScenarioId == created.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Publish_Twice_NumbersVersions_AndAnAttemptKeepsTheVersionItStartedOn()
    {
        var scenario = await PublishedAsync(RepeatedCaller());
        var employee = await app.CreateEmployeeAsync(Demo.City);
        var first = await app.UseAsync<PlayScenario, ScenarioAttempt?>(play => play.StartAsync(scenario.Id, employee.Id, false, CancellationToken.None));

        var (version, problems) = await app.UseAsync<EditScenario, (ScenarioVersion?, IReadOnlyList<string>)>(async edit =>
        {
            var loaded = (await edit.LoadAsync(scenario.Id, CancellationToken.None))!;
            var unchanged = await edit.PublishAsync(loaded, "test", CancellationToken.None);
            unchanged.Problems.ShouldHaveSingleItem().ShouldContain("same as the latest version");
            (await edit.SaveDraftAsync(loaded, loaded.DraftContent with { Intro = LocalText.Of("Edited", "고침") }, CancellationToken.None)).ShouldBeEmpty();
            return await edit.PublishAsync(loaded, "test", CancellationToken.None);
        });

        problems.ShouldBeEmpty();
        version!.Number.ShouldBe(2);
        var view = await app.UseAsync<PlayScenario, AttemptView?>(play => play.ReadAsync(first!.Id, employee.Id, CancellationToken.None));
        view!.VersionNumber.ShouldBe(1);
        view.Content.Intro.Ko.ShouldBe("다섯 번째 전화입니다.");
    }

    [Fact]
    public async Task Attempt_IsSavedAsTheLearnerGoes_ResumesWhereItStopped_AndAResentStepCountsOnce()
    {
        var scenario = await PublishedAsync(RepeatedCaller());
        var employee = await app.CreateEmployeeAsync(Demo.City);

        await app.UseAsync<PlayScenario, bool>(async play =>
        {
            var attempt = (await play.StartAsync(scenario.Id, employee.Id, false, CancellationToken.None))!;
            (await play.ChooseAsync(attempt.Id, employee.Id, 1, 1, CancellationToken.None)).ShouldBe(PlayScenario.ChooseOutcome.Recorded);
            (await play.ChooseAsync(attempt.Id, employee.Id, 1, 0, CancellationToken.None)).ShouldBe(PlayScenario.ChooseOutcome.AlreadyRecorded);
            return true;
        });

        // Later, in another request: Start resumes the same attempt at the node the first reply led to.
        var resumed = await app.UseAsync<PlayScenario, AttemptView>(async play =>
        {
            var again = (await play.StartAsync(scenario.Id, employee.Id, false, CancellationToken.None))!;
            (await play.ChooseAsync(again.Id, employee.Id, 2, 0, CancellationToken.None)).ShouldBe(PlayScenario.ChooseOutcome.Recorded);
            return (await play.ReadAsync(again.Id, employee.Id, CancellationToken.None))!;
        });

        resumed.Attempt.Number.ShouldBe(1);
        resumed.Completed.ShouldBeTrue();
        resumed.Path.Select(p => (p.Node.Key, p.Index)).ShouldBe([("Start", 1), ("Argue", 0)]);
        resumed.Scores.ShouldBe([new CompetencyScore("empathy", 2, 5), new CompetencyScore("difficult-situations", -1, 2)]);
        (await app.UseAsync<PlayScenario, PlayScenario.ChooseOutcome>(play => play.ChooseAsync(resumed.Attempt.Id, employee.Id, 3, 0, CancellationToken.None)))
            .ShouldBe(PlayScenario.ChooseOutcome.AlreadyRecorded);
    }

    [Fact]
    public async Task Replay_CountsSeparately_AndTheProfileSetsTheFirstBesideTheLatest()
    {
        var scenario = await PublishedAsync(RepeatedCaller());
        var employee = await app.CreateEmployeeAsync(Demo.City);

        var first = await PlayAsync(scenario.Id, employee.Id, 1, 1);
        var second = await PlayAsync(scenario.Id, employee.Id, 0, 0);

        (first.Attempt.Number, second.Attempt.Number).ShouldBe((1, 2));
        var profile = await app.UseAsync<ScenarioResults, IReadOnlyList<ProfileRow>>(r => r.ProfileAsync(employee.Id, CancellationToken.None));
        profile.ShouldBe([new ProfileRow("empathy", -3, 5, 3, 3), new ProfileRow("difficult-situations", -5, 2, 3, 3)]);
        profile[0].LatestPercent.ShouldBe(100);
    }

    [Fact]
    public async Task Choices_AtANodeReachedFewerTimesThanTheMinimumGroup_AreWithheld()
    {
        var scenario = await PublishedAsync(RepeatedCaller());
        foreach (var path in new[] { new[] { 0, 0 }, [0, 0], [0, 1, 0], [1, 0], [1, 1] })
        {
            var employee = await app.CreateEmployeeAsync(Demo.City);
            await PlayAsync(scenario.Id, employee.Id, path);
        }

        var (_, nodes) = (await app.UseAsync<ScenarioResults, (int, IReadOnlyList<NodeChoices>)?>(r => r.ChoicesAsync(scenario.Id, null, CancellationToken.None)))!.Value;

        var start = nodes.Single(n => n.Node == "Start");
        start.Withheld.ShouldBeFalse();
        start.Plays.ShouldBe(5);
        start.Replies.Select(r => (r.Count, r.Share)).ShouldBe([(3, 60), (2, 40)]);
        var listen = nodes.Single(n => n.Node == "Listen");
        listen.Withheld.ShouldBeTrue();
        listen.Replies.ShouldBeEmpty();
        listen.Plays.ShouldBe(0);
    }

    [Fact]
    public async Task TweeApi_BadTextGetsTheLines_GoodTextImports_AndExportReadsBackTheSame()
    {
        using var api = app.ApiClient();
        using var bad = await api.PostAsync("/api/v1/scenarios/twee", new StringContent(":: Start\n[[a->Nowhere]]\n", Encoding.UTF8, "text/plain"));
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("\"line 2\"");
        var before = await app.DbAsync(db => db.Scenarios.CountAsync());

        var twee = TweeExport.Write(RepeatedCaller(), Guid.NewGuid());
        using var good = await api.PostAsync("/api/v1/scenarios/twee", new StringContent(twee, Encoding.UTF8, "text/plain"));
        good.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await good.Content.ReadFromJsonAsync<ScenarioDto>(Web);
        created!.Problems.ShouldBeEmpty();
        (await app.DbAsync(db => db.Scenarios.CountAsync())).ShouldBe(before + 1);

        var exported = await api.GetStringAsync($"/api/v1/scenarios/{created.Id}/twee");
        var (content, errors) = new TweeImport(EnglishOnly.Instance).Read(exported, Known);
        errors.ShouldBeEmpty();
        content!.ToJson().ShouldBe(RepeatedCaller().ToJson());
    }

    [Theory]
    [InlineData(Roles.Employee, "/api/v1/scenarios", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Instructor, "/api/v1/scenarios", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Supervisor, "/api/v1/scenarios", HttpStatusCode.Forbidden)]
    [InlineData(Roles.TrainingOfficer, "/api/v1/scenarios", HttpStatusCode.OK)]
    [InlineData(Roles.Employee, "/api/v1/practice/scenarios", HttpStatusCode.OK)]
    [InlineData(Roles.Employee, "/api/v1/scenarios/1/choices", HttpStatusCode.Forbidden)]
    [InlineData(Roles.TrainingOfficer, "/api/v1/practice/employees/1/profile", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Leadership, "/api/v1/practice/employees/1/profile", HttpStatusCode.Forbidden)]
    public async Task Api_AnswersEachRoleByItsPolicy(string role, string path, HttpStatusCode expected)
    {
        using var client = await app.SignInAsRoleAsync(role);

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task Profile_SupervisorSeesTheirSubtree_NotAnEmployeeElsewhere_AndNoOneSeesAnotherAttempt()
    {
        var scenario = await PublishedAsync(RepeatedCaller());
        var inside = await app.CreateEmployeeAsync(Demo.SupervisorCentre);
        var outsideUnit = await app.CreateOrgUnitAsync(Demo.City);
        var outside = await app.CreateEmployeeAsync(outsideUnit.Code);
        var played = await PlayAsync(scenario.Id, outside.Id, 0, 0);
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        (await supervisor.GetAsync($"/api/v1/practice/employees/{inside.Id}/profile")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await supervisor.GetAsync($"/api/v1/practice/employees/{outside.Id}/profile")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        (await employee.GetAsync($"/api/v1/practice/attempts/{played.Attempt.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Employee_PlaysThroughTheApi_ToAnEnding_AndGetsTheScores()
    {
        var scenario = await PublishedAsync(RepeatedCaller());
        using var client = await app.SignInAsRoleAsync(Roles.Employee);

        using var started = await client.Http.PostAsJsonAsync($"/api/v1/practice/scenarios/{scenario.Id}/attempts", new { again = true });
        started.StatusCode.ShouldBe(HttpStatusCode.OK);
        var attempt = (await started.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("id").GetInt32();
        await client.Http.PostAsJsonAsync($"/api/v1/practice/attempts/{attempt}/choices", new { step = 1, choice = 0 });
        using var ended = await client.Http.PostAsJsonAsync($"/api/v1/practice/attempts/{attempt}/choices", new { step = 2, choice = 0 });

        var body = await ended.Content.ReadFromJsonAsync<JsonElement>(Web);
        body.GetProperty("completedAtUtc").ValueKind.ShouldBe(JsonValueKind.String);
        body.GetProperty("current").GetProperty("key").GetString().ShouldBe("Calm");
        body.GetProperty("scores")[0].GetProperty("score").GetInt32().ShouldBe(3);
    }
}

public sealed class ScenarioSqliteTests(SqliteApp app) : ScenarioDbTests(app), IClassFixture<SqliteApp>;

public sealed class ScenarioPostgresTests(PostgresApp app) : ScenarioDbTests(app), IClassFixture<PostgresApp>;
