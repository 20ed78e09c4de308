using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.FollowUps;

/// <summary>
/// POST …/{id}/assignee, GET …/{id}/assignees, POST …/{id}/contact/reveal, the list's filters and the names a case shows:
/// who may, what is audited, and that a supervisor never reaches another subtree's cases.
/// </summary>
public abstract class FollowUpsApiActionsTests(AppHost app)
{
    [Fact]
    public async Task Reveal_BySupervisor_ShowsTheContact_AuditsIt_AndIsNotCached()
    {
        var followUp = await app.OpenCaseAsync(Demo.SupervisorCentre, new FeedbackContact("reveal.api@citizen.example", "010-2222-3333"));
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        using var response = await supervisor.Http.PostAsync($"/api/v1/follow-ups/{followUp.Id}/contact/reveal", null);

        var contact = await response.ReadOkAsync<JsonElement>();
        contact.GetProperty("email").GetString().ShouldBe("reveal.api@citizen.example");
        contact.GetProperty("phone").GetString().ShouldBe("010-2222-3333");
        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
        var audit = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "contact-revealed" && a.EntityKey == "answer-" + followUp.AnswerId).ToListAsync());
        audit.Count.ShouldBe(1);
        (audit[0].After ?? "").ShouldNotContain("reveal.api@citizen.example");
        (await app.DbAsync(db => db.Set<FollowUpEvent>().CountAsync(e => e.CaseId == followUp.Id && e.Kind == FollowUpEventKind.ContactRevealed))).ShouldBe(1);
    }

    [Fact]
    public async Task Reveal_ByLeadershipOrAnotherSubtree_IsRefused_AndNothingIsRecorded()
    {
        var followUp = await app.OpenCaseAsync(Demo.SupervisorCentre, new FeedbackContact("hidden.api@citizen.example", null));
        var outsider = await app.CreateSupervisorAsync("C-NAMSAN");
        using var leadership = await app.SignInAsRoleAsync(Roles.Leadership);
        using var other = await app.SignInAsync(outsider);

        using var asLeadership = await leadership.Http.PostAsync($"/api/v1/follow-ups/{followUp.Id}/contact/reveal", null);
        using var asOutsider = await other.Http.PostAsync($"/api/v1/follow-ups/{followUp.Id}/contact/reveal", null);

        asLeadership.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        asOutsider.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await asLeadership.Content.ReadAsStringAsync()).ShouldNotContain("hidden.api@citizen.example");
        (await asOutsider.Content.ReadAsStringAsync()).ShouldNotContain("hidden.api@citizen.example");
        (await app.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "contact-revealed" && a.EntityKey == "answer-" + followUp.AnswerId))).ShouldBeFalse();
    }

    [Fact]
    public async Task Reveal_WithoutContact_Answers404Problem()
    {
        var followUp = await app.OpenCaseAsync(Demo.SupervisorCentre);
        using var api = app.ApiClient();

        using var response = await api.PostAsync($"/api/v1/follow-ups/{followUp.Id}/contact/reveal", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadJsonAsync()).GetProperty("detail").GetString().ShouldBe("The citizen did not ask to be contacted.");
    }

    [Fact]
    public async Task Reassign_ByEmail_ToASupervisorCoveringTheOffice_IsOnTheTimeline()
    {
        var followUp = await app.OpenCaseAsync(Demo.SupervisorCentre);
        var colleague = await app.CreateSupervisorAsync(Demo.SupervisorCentre);
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        var candidates = await supervisor.Http.GetOkAsync<JsonElement>($"/api/v1/follow-ups/{followUp.Id}/assignees");
        using var response = await supervisor.Http.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/assignee", new { assignee = colleague.ToUpperInvariant(), note = "Back from leave." });

        candidates.EnumerateArray().Select(c => c.GetProperty("email").GetString()).ShouldContain(colleague);
        var body = await response.ReadOkAsync<JsonElement>();
        body.GetProperty("assignee").GetString().ShouldBe("Supervisor " + colleague[..12]);
        var last = body.GetProperty("timeline").EnumerateArray().Last();
        last.GetProperty("kind").GetString().ShouldBe("reassigned");
        last.GetProperty("note").GetString().ShouldBe("Back from leave.");
        (await app.CaseAsync(followUp.Id)).AssignedUserId.ShouldBe(await app.UserIdAsync(colleague));
    }

    [Fact]
    public async Task Reassign_ToSomeoneOutsideTheOffice_OrAClosedCase_IsRefusedNamingWhy()
    {
        var followUp = await app.OpenCaseAsync(Demo.SupervisorCentre);
        var elsewhere = await app.CreateSupervisorAsync("C-NAMSAN");
        var closed = await app.OpenCaseAsync(Demo.SupervisorCentre);
        using var api = app.ApiClient();
        await api.PostAsJsonAsync($"/api/v1/follow-ups/{closed.Id}/transitions", new { to = "closedUnreachable" });

        using var outside = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/assignee", new { assignee = elsewhere });
        using var nobody = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/assignee", new { });
        using var ofClosed = await api.PostAsJsonAsync($"/api/v1/follow-ups/{closed.Id}/assignee", new { assignee = "supervisor@servewell.demo" });

        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outside.ReadJsonAsync()).GetProperty("errors").GetProperty("assignee")[0].GetString().ShouldBe("Choose a supervisor whose scope covers this office.");
        nobody.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ofClosed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ofClosed.ReadJsonAsync()).GetProperty("detail").GetString().ShouldBe("A closed case cannot be reassigned.");
    }

    [Fact]
    public async Task SupervisorOfAnotherSubtree_CannotListAssigneesReassignOrReveal()
    {
        var followUp = await app.OpenCaseAsync(Demo.SupervisorCentre, new FeedbackContact("subtree@citizen.example", null));
        var outsider = await app.CreateSupervisorAsync("C-NAMSAN");
        using var other = await app.SignInAsync(outsider);

        using var assignees = await other.GetAsync($"/api/v1/follow-ups/{followUp.Id}/assignees");
        using var reassign = await other.Http.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/assignee", new { assignee = outsider });
        using var reveal = await other.Http.PostAsync($"/api/v1/follow-ups/{followUp.Id}/contact/reveal", null);

        assignees.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        reassign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        reveal.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CaseAsync(followUp.Id)).AssignedUserId.ShouldNotBe(await app.UserIdAsync(outsider));
    }

    [Theory]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.Supervisor, HttpStatusCode.OK)]
    [InlineData(Roles.Leadership, HttpStatusCode.Forbidden)]
    [InlineData(Roles.TrainingOfficer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Instructor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Employee, HttpStatusCode.Forbidden)]
    public async Task ActionEndpoints_AdmitOnlyWhoMayHandle(string role, HttpStatusCode expected)
    {
        var followUp = await app.OpenCaseAsync(Demo.SupervisorCentre, new FeedbackContact("roles@citizen.example", null));
        using var client = await app.SignInAsRoleAsync(role);

        using var assignees = await client.GetAsync($"/api/v1/follow-ups/{followUp.Id}/assignees");
        using var reveal = await client.Http.PostAsync($"/api/v1/follow-ups/{followUp.Id}/contact/reveal", null);

        assignees.StatusCode.ShouldBe(expected);
        reveal.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task List_BadFilters_Answer400NamingEachField()
    {
        using var api = app.ApiClient();

        using var response = await api.GetAsync("/api/v1/follow-ups?unit=NO-SUCH-UNIT&overdue=sometimes&pageSize=0&page=x");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        errors.GetProperty("unit")[0].GetString().ShouldBe("“NO-SUCH-UNIT” is not the code of an org unit.");
        errors.GetProperty("overdue")[0].GetString().ShouldBe("“sometimes” is not true or false.");
        errors.GetProperty("pageSize")[0].GetString().ShouldBe("“0” is not a whole number from 1 to 200.");
        errors.TryGetProperty("page", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task List_FiltersByUnitAndOverdue_AndNamesServiceAndTouchpointInTheCallersLanguage()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var late = await app.OpenCaseAsync(unit.Code, answeredAt: DateTime.UtcNow.AddDays(-20));
        var fresh = await app.OpenCaseAsync(unit.Code);
        var demo = await app.OpenCaseAsync(Demo.SupervisorCentre);
        var service = await app.DbAsync(db => db.PublicServices.AsNoTracking().SingleAsync(s => s.Id == demo.ServiceId));
        var touchpoint = await app.DbAsync(db => db.Touchpoints.AsNoTracking().SingleAsync(t => t.Id == demo.TouchpointId));
        using var api = app.ApiClient();
        using var korean = app.ApiClient();
        korean.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");

        var inUnit = await api.GetOkAsync<JsonElement>($"/api/v1/follow-ups?unit={unit.Code}");
        var overdue = await api.GetOkAsync<JsonElement>($"/api/v1/follow-ups?unit={unit.Code}&overdue=true");
        var one = await api.GetOkAsync<JsonElement>($"/api/v1/follow-ups/{demo.Id}");
        var oneKo = await korean.GetOkAsync<JsonElement>($"/api/v1/follow-ups/{demo.Id}");
        var listed = (await api.GetOkAsync<JsonElement>($"/api/v1/follow-ups?unit={Demo.SupervisorCentre}&pageSize=200"))
            .GetProperty("followUps").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == demo.Id);

        inUnit.GetProperty("followUps").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).Order().ShouldBe(new[] { late.Id, fresh.Id }.Order());
        overdue.GetProperty("followUps").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ShouldBe([late.Id]);
        one.GetProperty("serviceName").GetString().ShouldBe(service.NameEn);
        oneKo.GetProperty("serviceName").GetString().ShouldBe(service.NameKo);
        one.GetProperty("touchpointLabel").GetString().ShouldBe(touchpoint.Label.En);
        one.GetProperty("touchpointKind").GetString().ShouldNotBeNullOrEmpty();
        listed.GetProperty("serviceName").GetString().ShouldBe(service.NameEn);
        listed.GetProperty("touchpointLabel").GetString().ShouldBe(touchpoint.Label.En);
    }

    [Fact]
    public async Task CasePage_NamesOfficeServiceAndTouchpoint_NotTheirIds()
    {
        var demo = await app.OpenCaseAsync(Demo.SupervisorCentre);
        var service = await app.DbAsync(db => db.PublicServices.AsNoTracking().SingleAsync(s => s.Id == demo.ServiceId));
        var touchpoint = await app.DbAsync(db => db.Touchpoints.AsNoTracking().SingleAsync(t => t.Id == demo.TouchpointId));
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        var page = await supervisor.GetPageAsync($"/FollowUps/Case/{demo.Id}");
        var queue = await supervisor.GetPageAsync("/FollowUps?State=all");

        var facts = page.QuerySelectorAll("dl.facts div").ToDictionary(d => d.QuerySelector("dt")!.TextContent.Trim(), d => d.QuerySelector("dd")!.TextContent.Trim());
        facts["Service"].ShouldBe(service.NameEn);
        facts["Touchpoint"].ShouldStartWith(touchpoint.Label.En);
        facts["Office"].ShouldNotBeNullOrWhiteSpace();
        queue.QuerySelector("table")!.TextContent.ShouldContain(service.NameEn + " · " + touchpoint.Label.En);
    }

    [Fact]
    public async Task DemoCases_AreStoredAnswersThroughTheIntake_OpenedByTheRule()
    {
        var demo = await app.DbAsync(db => (
                from k in db.FeedbackIdempotency
                where k.Key.StartsWith("demo-follow-up-")
                join a in db.FeedbackAnswers on k.AnswerId equals a.Id
                join c in db.Set<FollowUpCase>() on a.Id equals c.AnswerId
                select new { c.TouchpointId, AnswerTouchpoint = a.TouchpointId, c.OrgUnitId, AnswerUnit = a.OrgUnitId, c.Overall, AnswerOverall = a.Overall, c.LowScore, c.ContactRequested })
            .ToListAsync());

        demo.Count.ShouldBe(9);
        demo.ShouldAllBe(d => d.TouchpointId == d.AnswerTouchpoint && d.OrgUnitId == d.AnswerUnit && d.Overall == d.AnswerOverall);
        demo.ShouldAllBe(d => d.LowScore || d.ContactRequested);
        demo.Count(d => !d.LowScore).ShouldBe(1);
    }
}

public sealed class FollowUpsApiActionsSqliteTests(SqliteApp app) : FollowUpsApiActionsTests(app), IClassFixture<SqliteApp>;

public sealed class FollowUpsApiActionsPostgresTests(PostgresApp app) : FollowUpsApiActionsTests(app), IClassFixture<PostgresApp>;
