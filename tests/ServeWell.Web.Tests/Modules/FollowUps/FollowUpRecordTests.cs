using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.Insights.Reports;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.FollowUps;

/// <summary>Follow-ups record what happened (ADR-029): no invented contact step, figures of real contacts, the answer's details on the case.</summary>
public abstract class FollowUpRecordTests(AppHost app)
{
    [Fact]
    public async Task LowScoreWithoutContact_IsResolvedStraightFromNew_AndCountsNoContact()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code);
        using var api = app.ApiClient();
        var before = await api.GetOkAsync<JsonElement>("/api/v1/follow-ups?state=all");

        using var resolved = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions",
            new { to = "resolved", rootCause = "waiting-time", note = "Second counter opens at lunch." });

        resolved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await app.CaseAsync(followUp.Id);
        stored.State.ShouldBe(FollowUpState.Resolved);
        stored.ResolutionNote.ShouldBe("Second counter opens at lunch.");
        var after = await api.GetOkAsync<JsonElement>("/api/v1/follow-ups?state=all");
        after.GetProperty("contacted").GetInt32().ShouldBe(before.GetProperty("contacted").GetInt32());
        after.GetProperty("resolved").GetInt32().ShouldBe(before.GetProperty("resolved").GetInt32() + 1);
        var month = await app.UseAsync<InsightsCalendar, DateOnly>(c => Task.FromResult(c.MonthOf(DateTime.UtcNow)));
        var report = await app.UseAsync<MonthlyReport, MonthlyReportData>(r => r.CollectAsync(month, unit, english: true, CancellationToken.None));
        (report.FollowUps.Closed, report.FollowUps.Resolved, report.FollowUps.Unreachable, report.FollowUps.Contacted).ShouldBe((1, 1, 0, 0));
    }

    [Fact]
    public async Task CitizenWhoAskedToBeContacted_IsContactedBeforeResolving_AndCountsAsContacted()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code, new FeedbackContact("asked@citizen.example", null));
        using var api = app.ApiClient();
        var before = await api.GetOkAsync<JsonElement>("/api/v1/follow-ups?state=all");

        using var tooEarly = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions",
            new { to = "resolved", rootCause = "waiting-time", note = "Fixed." });
        using var contacted = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions", new { to = "contacted" });
        using var resolved = await api.PostAsJsonAsync($"/api/v1/follow-ups/{followUp.Id}/transitions",
            new { to = "resolved", rootCause = "waiting-time", note = "Fixed." });

        tooEarly.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooEarly.Content.ReadAsStringAsync()).ShouldContain("Mark the case as contacted before resolving it.");
        contacted.StatusCode.ShouldBe(HttpStatusCode.OK);
        resolved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await api.GetOkAsync<JsonElement>("/api/v1/follow-ups?state=all");
        after.GetProperty("contacted").GetInt32().ShouldBe(before.GetProperty("contacted").GetInt32() + 1);
        after.GetProperty("resolved").GetInt32().ShouldBe(before.GetProperty("resolved").GetInt32() + 1);
    }

    [Fact]
    public async Task CasePageAndApi_ShowTheAnswersDriversResolvedChannelTouchpointAndComment()
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var followUp = await app.OpenCaseAsync(unit.Code, language: "en");
        await app.DbAsync(db => db.FeedbackAnswers.IgnoreQueryFilters().Where(a => a.Id == followUp.AnswerId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Timeliness, 1).SetProperty(a => a.Courtesy, 2).SetProperty(a => a.Resolved, Resolution.No)));
        var channel = await app.DbAsync(db => db.FeedbackAnswers.IgnoreQueryFilters().Where(a => a.Id == followUp.AnswerId).Select(a => a.Channel).SingleAsync());
        var touchpoint = await app.DbAsync(db => db.Touchpoints.Where(t => t.Id == followUp.TouchpointId).Select(t => t.Label.En).SingleAsync());
        using var api = app.ApiClient();
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        var one = await api.GetOkAsync<JsonElement>($"/api/v1/follow-ups/{followUp.Id}");
        var page = await admin.GetPageAsync($"/FollowUps/Case/{followUp.Id}");

        one.GetProperty("drivers").GetProperty("timeliness").GetInt32().ShouldBe(1);
        one.GetProperty("drivers").GetProperty("courtesy").GetInt32().ShouldBe(2);
        one.GetProperty("drivers").GetProperty("knowledge").ValueKind.ShouldBe(JsonValueKind.Null);
        one.GetProperty("resolved").GetString().ShouldBe("no");
        one.GetProperty("channel").GetString().ShouldBe(FeedbackAnswerDto.ChannelName(channel));
        one.GetProperty("touchpointLabel").GetString().ShouldBe(touchpoint);
        one.GetProperty("comment").GetString().ShouldBe("Waited an hour.");
        var answer = page.Text("section[aria-labelledby=answer-heading]");
        answer.ShouldContain("Timeliness");
        answer.ShouldContain("1 out of 5");
        answer.ShouldContain("2 out of 5");
        answer.ShouldContain("Not answered");
        answer.ShouldContain(touchpoint);
        answer.ShouldContain("Waited an hour.");
    }
}

public sealed class FollowUpRecordSqliteTests(SqliteApp app) : FollowUpRecordTests(app), IClassFixture<SqliteApp>;

public sealed class FollowUpRecordPostgresTests(PostgresApp app) : FollowUpRecordTests(app), IClassFixture<PostgresApp>;
