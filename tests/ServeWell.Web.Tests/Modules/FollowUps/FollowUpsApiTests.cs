using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.FollowUps;

/// <summary>GET /api/v1/follow-ups, GET …/{id}, POST …/{id}/transitions: states, refusals, scope, roles, and the citizen's mail.</summary>
public abstract class FollowUpsApiTests(AppHost app)
{
    [Fact]
    public async Task Transitions_NewContactedResolved_KeepATimeline_AndTellTheCitizenInTheirLanguage()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        const string email = "resolved.ko@citizen.example";
        var followUp = await app.OpenCaseAsync(unit.Code, new FeedbackContact(email, null), language: "ko");
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        using var contacted = await supervisor.Http.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "contacted", note = "Called back." });
        using var resolved = await supervisor.Http.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions",
            new { to = "resolved", rootCause = "waiting-time", note = "INTERNAL: extra counter at lunch." });

        (await contacted.ReadOkAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("contacted");
        var body = await resolved.ReadOkAsync<JsonElement>();
        body.GetProperty("state").GetString().ShouldBe("resolved");
        body.GetProperty("rootCause").GetString().ShouldBe("waiting-time");
        body.GetProperty("closedAt").ValueKind.ShouldBe(JsonValueKind.String);
        var timeline = body.GetProperty("timeline").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("to").GetString(), e.GetProperty("by").GetString())).ToList();
        timeline.ShouldBe([("opened", "new", "ServeWell"), ("transition", "contacted", "Demo Supervisor"), ("transition", "resolved", "Demo Supervisor")]);
        body.GetProperty("timeline")[1].GetProperty("note").GetString().ShouldBe("Called back.");

        var mail = await app.WaitForMailAsync(email);
        mail.Subject.ShouldBe($"{unit.Name}에 보내 주신 의견");
        (mail.TextBody ?? "").ShouldContain("문제를 해결했습니다");
        (mail.TextBody ?? "").ShouldNotContain("INTERNAL");
    }

    [Fact]
    public async Task Resolve_WithoutRootCauseOrNote_OrFromNew_IsRefusedNamingTheField()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        // A citizen who asked to be contacted is contacted first (one who did not is resolved straight from new, ADR-029).
        var followUp = await app.OpenCaseAsync(unit.Code, new FeedbackContact(null, "010-3333-0000"));
        using var api = app.ApiClient();

        using var fromNew = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "resolved", rootCause = "other", note = "x" });
        using var unknown = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "asleep" });
        await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "contacted" });
        using var bare = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "resolved" });
        using var badCause = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "resolved", rootCause = "moon-phase", note = "n" });

        fromNew.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Errors(fromNew))["to"].ShouldBe(["Mark the case as contacted before resolving it."]);
        (await Errors(unknown))["to"][0].ShouldStartWith("Choose what happened");
        var errors = await Errors(bare);
        errors["rootCause"].ShouldBe(["Choose the root cause to resolve the case."]);
        errors["note"].ShouldBe(["Write a note on what was found and done to resolve the case."]);
        (await Errors(badCause))["rootCause"].ShouldBe(["“moon-phase” is not a root cause on the list."]);
        (await app.CaseAsync(followUp.Id)).State.ShouldBe(FollowUpState.Contacted);
    }

    [Fact]
    public async Task Refusals_AreInTheCallersLanguage()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code, new FeedbackContact(null, "010-3333-0001"));
        using var api = app.ApiClient();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");

        using var response = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "resolved" });

        (await Errors(response))["to"].ShouldBe(["해결하기 전에 먼저 연락함으로 표시하세요."]);
    }

    [Fact]
    public async Task ClosedUnreachable_FromNew_ThenNothingMoves()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code);
        using var api = app.ApiClient();

        using var closed = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "closedUnreachable", note = "No answer three times." });
        using var again = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "contacted" });

        (await closed.ReadOkAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("closedUnreachable");
        (await Errors(again))["to"].ShouldBe(["A case that is “Closed: unreachable” cannot become “Contacted”."]);
    }

    [Fact]
    public async Task SameMoveSentManyTimesAtOnce_HappensOnce()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code);
        var clients = Enumerable.Range(0, 6).Select(_ => app.ApiClient()).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "contacted" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.BadRequest || r.StatusCode == HttpStatusCode.Conflict);
        (await app.DbAsync(db => db.Set<FollowUpEvent>().CountAsync(e => e.CaseId == followUp.Id && e.Kind == FollowUpEventKind.Transition))).ShouldBe(1);
        foreach (var (client, response) in clients.Zip(responses))
        {
            response.Dispose();
            client.Dispose();
        }
    }

    [Fact]
    public async Task SupervisorOfAnotherSubtree_NeverSeesOrTouchesTheCase()
    {
        var mine = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(mine.Code);
        var other = await app.CreateSupervisorAsync("C-NAMSAN");
        var theirs = await app.OpenCaseAsync("C-NAMSAN");
        using var outsider = await app.SignInAsync(other);

        var list = await outsider.Http.GetOkAsync<JsonElement>("/api/v1/follow-ups?state=all&pageSize=200");
        using var get = await outsider.GetAsync($"/api/v1/follow-ups/{followUp.Id}");
        using var move = await outsider.Http.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "contacted" });
        using var page = await outsider.GetAsync($"/FollowUps/Case/{followUp.Id}");
        var filtered = await outsider.Http.GetOkAsync<JsonElement>($"/api/v1/follow-ups?office={mine.Code}");

        var ids = list.GetProperty("followUps").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList();
        ids.ShouldContain(theirs.Id);
        ids.ShouldNotContain(followUp.Id);
        list.GetProperty("followUps").EnumerateArray().ShouldAllBe(e => e.GetProperty("orgUnitCode").GetString() == "C-NAMSAN");
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        move.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        filtered.GetProperty("total").GetInt32().ShouldBe(0);
        (await app.CaseAsync(followUp.Id)).State.ShouldBe(FollowUpState.New);
    }

    [Theory]
    [InlineData(Roles.Administrator, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Roles.Supervisor, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Roles.Leadership, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Roles.TrainingOfficer, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Instructor, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Employee, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task Endpoints_AdmitOnlyTheirPolicy(string role, HttpStatusCode read, HttpStatusCode act)
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code);
        using var client = await app.SignInAsRoleAsync(role);

        using var list = await client.GetAsync("/api/v1/follow-ups");
        using var get = await client.GetAsync($"/api/v1/follow-ups/{followUp.Id}");
        using var move = await client.Http.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "contacted" });

        list.StatusCode.ShouldBe(read);
        get.StatusCode.ShouldBe(read);
        move.StatusCode.ShouldBe(act);
    }

    [Fact]
    public async Task List_UnknownState_Answers400_AndTheCaseShowsItsSnapshot()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code, new FeedbackContact(null, "010-5555-0000"), language: "en");
        using var api = app.ApiClient();

        using var bad = await api.GetAsync("/api/v1/follow-ups?state=asleep");
        var one = await api.GetOkAsync<JsonElement>($"/api/v1/follow-ups/{followUp.Id}");

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Errors(bad)).ShouldContainKey("state");
        one.GetProperty("overall").GetInt32().ShouldBe(1);
        one.GetProperty("comment").GetString().ShouldBe("Waited an hour.");
        one.GetProperty("language").GetString().ShouldBe("en");
        one.GetProperty("touchpointId").GetInt32().ShouldBe(followUp.TouchpointId);
        one.GetProperty("answerId").GetInt64().ShouldBe(followUp.AnswerId);
        one.GetProperty("hasContact").GetBoolean().ShouldBeTrue();
        one.GetRawText().ShouldNotContain("010-5555-0000");
    }

    [Fact]
    public async Task OpenApi_DescribesTheFollowUpEndpoints()
    {
        using var api = app.ApiClient();
        var doc = await api.GetOkAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        paths.TryGetProperty("/api/v1/follow-ups", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/follow-ups/{id}", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/follow-ups/{id}/transitions", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/follow-ups/{id}/assignees", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/follow-ups/{id}/assignee").TryGetProperty("post", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/follow-ups/{id}/contact/reveal").TryGetProperty("post", out _).ShouldBeTrue();
    }

    private static async Task<Dictionary<string, string[]>> Errors(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadJsonAsync();
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}

public sealed class FollowUpsApiSqliteTests(SqliteApp app) : FollowUpsApiTests(app), IClassFixture<SqliteApp>;

public sealed class FollowUpsApiPostgresTests(PostgresApp app) : FollowUpsApiTests(app), IClassFixture<PostgresApp>;
