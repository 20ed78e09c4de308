using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.FollowUps.RootCauses;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.FollowUps;

/// <summary>The queue, the case page (reveal, actions, reassign, timeline) and the root-cause editor.</summary>
public abstract class FollowUpPagesTests(AppHost app)
{
    [Fact]
    public async Task Queue_ShowsCountsAndOverdueFirst_AndFilters()
    {
        var office = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var supervisor = await app.CreateSupervisorAsync(office.Code);
        var fresh = await app.OpenCaseAsync(office.Code);
        var late = await app.OpenCaseAsync(office.Code, answeredAt: DateTime.UtcNow.AddDays(-20));
        using var client = await app.SignInAsync(supervisor);

        var page = await client.GetPageAsync("/FollowUps");
        var overdueOnly = await client.GetPageAsync("/FollowUps?Overdue=true");
        var resolved = await client.GetPageAsync("/FollowUps?State=resolved");

        // Open, overdue, without an owner, citizens contacted, resolved, unreachable (ADR-029).
        page.QuerySelectorAll(".stats dd").Select(d => d.TextContent).ShouldBe(["2", "1", "0", "0", "0", "0"]);
        page.Text(".stats .bad dt").ShouldBe("Overdue");
        var links = page.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldBe([$"/FollowUps/Case/{late.Id}", $"/FollowUps/Case/{fresh.Id}"]);
        page.QuerySelector("tbody tr .tag.warn")!.TextContent.ShouldBe("Overdue");
        overdueOnly.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ShouldBe([$"/FollowUps/Case/{late.Id}"]);
        resolved.Text("[role=status]").ShouldBe("No follow-up cases match.");
    }

    [Fact]
    public async Task CasePage_RevealsTheContactToTheHandler_AndAuditsIt()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code, new FeedbackContact("reveal@citizen.example", "010-2222-3333"));
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        var before = await supervisor.GetPageAsync($"/FollowUps/Case/{followUp.Id}");
        using var revealed = await supervisor.PostCaseFormAsync(followUp.Id, "Reveal", new Dictionary<string, string>());
        var after = await Html.ParseAsync(revealed);

        before.Text("main").ShouldNotContain("reveal@citizen.example");
        revealed.StatusCode.ShouldBe(HttpStatusCode.OK);
        revealed.Headers.CacheControl?.NoStore.ShouldBeTrue();
        after.Text("section[aria-labelledby=contact-heading]").ShouldContain("reveal@citizen.example");
        after.Text("section[aria-labelledby=contact-heading]").ShouldContain("010-2222-3333");
        after.Text(".timeline").ShouldContain("Contact details viewed");
        var audit = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "contact-revealed" && a.EntityKey == "answer-" + followUp.AnswerId).ToListAsync());
        audit.Count.ShouldBe(1);
        audit[0].ActorName.ShouldBe(Demo.EmailOf(Roles.Supervisor));
        (audit[0].After ?? "").ShouldNotContain("reveal@citizen.example");
    }

    /// <summary>A case stays open when its answer is excluded from the figures (ADR-022), and says so to its handler, until a restore.</summary>
    [Fact]
    public async Task CasePage_AndApi_SayWhenTheAnswerWasExcluded_UntilItIsRestored()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code, null);
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        using var api = app.ApiClient();
        var path = $"/FollowUps/Case/{followUp.Id}";
        (await supervisor.GetPageAsync(path)).QuerySelector("[data-excluded]").ShouldBeNull();

        using (var excluded = await api.PostAsJsonAsync($"/api/v1/feedback/answers/{followUp.AnswerId}/exclusion", new { reason = "test", note = "Staff trying the kiosk." }))
        {
            excluded.StatusCode.ShouldBe(HttpStatusCode.Created, await excluded.Content.ReadAsStringAsync());
        }

        (await supervisor.GetPageAsync(path)).Text("[data-excluded]").ShouldContain("excluded as Test");
        var dto = await api.GetOkAsync<JsonElement>($"/api/v1/follow-ups/{followUp.Id}");
        dto.GetProperty("answerExcludedAs").GetString().ShouldBe("test");
        dto.GetProperty("state").GetString().ShouldBe("new");

        using (var restored = await api.DeleteAsync($"/api/v1/feedback/answers/{followUp.AnswerId}/exclusion"))
        {
            restored.IsSuccessStatusCode.ShouldBeTrue(await restored.Content.ReadAsStringAsync());
        }

        (await supervisor.GetPageAsync(path)).QuerySelector("[data-excluded]").ShouldBeNull();
        (await api.GetOkAsync<JsonElement>($"/api/v1/follow-ups/{followUp.Id}")).GetProperty("answerExcludedAs").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task CasePage_Leadership_ReadsButCannotRevealOrAct()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code, new FeedbackContact("lead@citizen.example", null));
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        var supervisorPage = await supervisor.GetPageAsync($"/FollowUps/Case/{followUp.Id}");
        var token = supervisorPage.QuerySelector("form[action*='handler=Reveal'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var page = await leader.GetPageAsync($"/FollowUps/Case/{followUp.Id}");
        using var post = await leader.Http.PostAsync($"/FollowUps/Case/{followUp.Id}?handler=Reveal", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        page.Text("h1").ShouldBe($"Case {followUp.Id}");
        page.QuerySelector("form[action*='handler=Reveal']").ShouldBeNull();
        page.QuerySelector("form[action*='handler=Transition']").ShouldBeNull();
        page.Text("section[aria-labelledby=contact-heading]").ShouldContain("only whoever handles the case can see them");
        post.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await app.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "contact-revealed" && a.EntityKey == "answer-" + followUp.AnswerId))).ShouldBeFalse();
    }

    [Fact]
    public async Task CasePage_ContactedThenResolved_WithRootCause_AndRefusesWithoutNote()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code);
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        using var contacted = await supervisor.PostCaseFormAsync(followUp.Id, "Transition", new Dictionary<string, string> { ["Form.Note"] = "Phoned." }, to: "contacted");
        using var noNote = await supervisor.PostCaseFormAsync(followUp.Id, "Transition", new Dictionary<string, string> { ["Form.RootCause"] = "staff-attitude" }, to: "resolved");
        var refused = await Html.ParseAsync(noNote);
        using var resolved = await supervisor.PostCaseFormAsync(followUp.Id, "Transition",
            new Dictionary<string, string> { ["Form.RootCause"] = "staff-attitude", ["Form.Note"] = "Talked with the clerk." }, to: "resolved");
        var page = await supervisor.GetPageAsync($"/FollowUps/Case/{followUp.Id}");

        contacted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Text(".error-summary").ShouldContain("Write a note on what was found and done to resolve the case.");
        resolved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Text("[role=status]").ShouldBe("The case is now “Resolved”.");
        page.Text("section[aria-labelledby=case-heading]").ShouldContain("Staff attitude");
        page.Text(".timeline").ShouldContain("Contacted → Resolved · Staff attitude");
        page.Text(".timeline").ShouldContain("Talked with the clerk.");
        page.QuerySelector("form[action*='handler=Transition']").ShouldBeNull();
    }

    [Fact]
    public async Task CasePage_Reassign_ToAnotherSupervisorInScope_AndTheCommentStaysText()
    {
        var office = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var colleague = await app.CreateSupervisorAsync(office.Code);
        var unit = await app.UnitAsync(office.Code);
        var followUp = (await app.ReceiveAsync(FollowUpTestData.Answer(unit.Id, comment: "<script>alert(1)</script> rude")))!;
        using var supervisor = await app.SignInAsync(colleague);
        var demo = await app.DemoAccountAsync(Roles.Supervisor);

        var page = await supervisor.GetPageAsync($"/FollowUps/Case/{followUp.Id}");
        using var response = await supervisor.PostCaseFormAsync(followUp.Id, "Reassign", new Dictionary<string, string> { ["Reassign.UserId"] = demo.Id, ["Reassign.Note"] = "On leave." });

        page.QuerySelector("blockquote.comment script").ShouldBeNull();
        page.Text("blockquote.comment").ShouldBe("<script>alert(1)</script> rude");
        page.QuerySelectorAll("#assignee option").Select(o => o.GetAttribute("value")).ShouldContain(demo.Id);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CaseAsync(followUp.Id)).AssignedUserId.ShouldBe(demo.Id);
        (await app.DbAsync(db => db.Set<FollowUpEvent>().AnyAsync(e => e.CaseId == followUp.Id && e.Kind == FollowUpEventKind.Reassigned && e.Note == "On leave."))).ShouldBeTrue();
    }

    [Fact]
    public async Task CasePage_InKorean()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code);
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        supervisor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");

        var page = await supervisor.GetPageAsync($"/FollowUps/Case/{followUp.Id}");
        var queue = await supervisor.GetPageAsync("/FollowUps");

        page.Text("h1").ShouldBe($"사례 {followUp.Id}");
        page.Text(".page-head .tag").ShouldBe("신규");
        page.Text("#actions-heading").ShouldBe("작업");
        queue.Text("h1").ShouldBe("후속 조치");
    }

    [Fact]
    public async Task RootCauses_AdministratorAddsOne_ThatResolvingCanChoose()
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var code = TestData.Unique("cause-").ToLowerInvariant();
        const string path = "/FollowUps/RootCauses/Edit";
        var form = await admin.GetPageAsync(path);

        using var saved = await admin.SubmitAsync(form, path, new Dictionary<string, string> { ["Form.Code"] = code, ["Form.NameEn"] = "Parking", ["Form.NameKo"] = "주차" });
        using var duplicate = await admin.SubmitAsync(await admin.GetPageAsync(path), path, new Dictionary<string, string> { ["Form.Code"] = code, ["Form.NameEn"] = "Parking", ["Form.NameKo"] = "주차" });
        var list = await admin.GetPageAsync("/FollowUps/RootCauses");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Html.Parse(await duplicate.Content.ReadAsStringAsync()).Text(".field-error").ShouldBe($"The code “{code}” is already used by another root cause.");
        list.Text("table").ShouldContain("Parking");
        list.Text("table").ShouldContain("대기 시간");
        (await app.DbAsync(db => db.Set<RootCause>().CountAsync(c => c.IsActive))).ShouldBeGreaterThanOrEqualTo(9);
    }
}

public sealed class FollowUpPagesSqliteTests(SqliteApp app) : FollowUpPagesTests(app), IClassFixture<SqliteApp>;

public sealed class FollowUpPagesPostgresTests(PostgresApp app) : FollowUpPagesTests(app), IClassFixture<PostgresApp>;
