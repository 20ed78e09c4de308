using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Revisions;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Explore;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Insights;

/// <summary>
/// Excluding an answer from every figure and restoring it (ADR-022): who may (administrators everywhere, supervisors in
/// their subtree, nobody else), the audit entry, the API's answers (201, 400 naming the reason, 404, 409), the page,
/// and the figures (overview, drill-down, export, comment terms) without the answer once the rollups ran, and with it
/// again after a restore. Each test seeds its own team, so its figures are its own.
/// </summary>
public abstract class AnswerExclusionTests(AppHost app)
{
    [Fact]
    public async Task Api_AsEachRole_ExcludesInScope_404OutOfScope_403ForOthers_AndAudits()
    {
        var month = Month(-1);
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var inside = (await SeedAsync(team.Code, month, [(1, "test answer please ignore")]))[0];
        var outside = (await SeedAsync("O-TAX", month, [(2, null)]))[0];

        foreach (var role in new[] { Roles.Employee, Roles.Leadership, Roles.TrainingOfficer, Roles.Instructor })
        {
            using var other = await app.SignInAsRoleAsync(role);
            using var refused = await other.Http.PostAsJsonAsync(ExclusionPath(inside), new { reason = "spam" });
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
        }

        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        using (var response = await supervisor.Http.PostAsJsonAsync(ExclusionPath(outside), new { reason = "spam" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var response = await supervisor.Http.PostAsJsonAsync(ExclusionPath(inside), new { reason = "junk", note = "x" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("errors").GetProperty("reason")[0].GetString()!.ShouldContain("junk");
        }

        using (var response = await supervisor.Http.PostAsJsonAsync(ExclusionPath(inside), new { reason = "Test", note = "Staff trying the kiosk." }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            var dto = await response.Content.ReadFromJsonAsync<AnswerExclusionDto>();
            dto!.Excluded.ShouldBeTrue();
            dto.Reason.ShouldBe("test");
            dto.Note.ShouldBe("Staff trying the kiosk.");
            dto.ExcludedBy.ShouldNotBeNullOrEmpty();
        }

        using (var again = await supervisor.Http.PostAsJsonAsync(ExclusionPath(inside), new { reason = "spam" }))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        var stored = await app.DbAsync(db => db.FeedbackAnswers.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == inside));
        stored.ExcludedAt.ShouldNotBeNull();
        stored.ExclusionReason.ShouldBe(ExclusionReason.Test);
        (await app.DbAsync(db => db.FeedbackAnswers.AnyAsync(a => a.Id == inside))).ShouldBeFalse("the global filter hides it");
        var key = inside.ToString(CultureInfo.InvariantCulture);
        var audit = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(FeedbackAnswer) && e.EntityKey == key).ToListAsync());
        audit.ShouldContain(e => e.Action == "excluded" && e.ActorName == Demo.EmailOf(Roles.Supervisor) && e.After!.Contains("\"test\""));

        using (var restored = await supervisor.Http.DeleteAsync(ExclusionPath(inside)))
        {
            restored.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await restored.Content.ReadFromJsonAsync<AnswerExclusionDto>())!.Excluded.ShouldBeFalse();
        }

        using (var twice = await supervisor.Http.DeleteAsync(ExclusionPath(inside)))
        {
            twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        (await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(FeedbackAnswer) && e.EntityKey == key && e.Action == "restored"))).ShouldBe(1);

        // The administrator may revise anywhere; the employee cannot even read the exclusion.
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        using (var response = await admin.Http.PostAsJsonAsync(ExclusionPath(outside), new { reason = "duplicate" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using (var response = await admin.Http.DeleteAsync(ExclusionPath(outside)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var response = await admin.Http.PostAsJsonAsync(ExclusionPath(long.MaxValue), new { reason = "spam" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        using (var read = await employee.Http.GetAsync(ExclusionPath(inside)))
        {
            read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task ExcludedAnswer_LeavesOverviewDrillDownExportAndTerms_AfterTheRollup_AndRestoreBringsItBack()
    {
        var month = Month(-2);
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var ids = await SeedAsync(team.Code, month,
            [(5, "friendly and quick"), (5, null), (4, null), (5, null), (4, null), (1, "zebracrossing zebracrossing nonsense")]);
        var spam = ids[^1];
        await DrainAsync();
        var period = $"from={F(month)}&to={F(month)}";
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        await FiguresShouldBeAsync(admin, team.Code, period, answers: 6, dissatisfied: 1);

        using (var response = await admin.Http.PostAsJsonAsync(ExclusionPath(spam), new { reason = "spam", note = "Same text from many kiosks." }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await DrainAsync();
        await FiguresShouldBeAsync(admin, team.Code, period, answers: 5, dissatisfied: 0);

        // Those who may restore it still find it, marked, when they ask for excluded answers; the export never has it.
        var shown = await admin.GetPageAsync($"/Insights/Answers?{period}&unit={team.Code}&excluded=true");
        shown.QuerySelectorAll("tr[data-answer]").Length.ShouldBe(6);
        var row = shown.QuerySelector($"tr[data-answer='{spam}']")!;
        row.ClassList.ShouldContain("excluded");
        row.QuerySelector("[data-excluded]")!.TextContent.ShouldContain("Spam");
        using (var export = await admin.GetAsync($"/Insights/Answers?{period}&unit={team.Code}&excluded=true&handler=Export&format=csv"))
        {
            (await export.Content.ReadAsStringAsync()).ShouldNotContain("zebracrossing");
        }

        using (var response = await admin.Http.DeleteAsync(ExclusionPath(spam)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await DrainAsync();
        await FiguresShouldBeAsync(admin, team.Code, period, answers: 6, dissatisfied: 1);
    }

    [Fact]
    public async Task Page_ExcludesWithAReasonAndRestores_WithinScopeOnly()
    {
        var month = Month(-1);
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var answer = (await SeedAsync(team.Code, month, [(2, null)]))[0];
        var outside = (await SeedAsync("O-TAX", month, [(3, null)]))[0];
        var period = $"from={F(month)}&to={F(month)}";
        var back = $"/Insights/Answers?{period}&unit={team.Code}&excluded=true";
        var path = $"/Insights/Answers/{answer}/Exclusion";

        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        using (var hidden = await supervisor.GetAsync($"/Insights/Answers/{outside}/Exclusion"))
        {
            hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // The drill-down offers the action to the supervisor; leadership sees the answers but no action.
        var list = await supervisor.GetPageAsync(back);
        list.QuerySelector($"tr[data-answer='{answer}'] a[href^='{path}']").ShouldNotBeNull();
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);
        var leaderList = await leader.GetPageAsync($"/Insights/Answers?{period}&unit={Demo.SupervisorCentre}");
        leaderList.QuerySelectorAll("td.revision").Length.ShouldBe(0);
        using (var refused = await leader.GetAsync(path))
        {
            Refused(refused).ShouldBeTrue();
        }

        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        using (var refused = await employee.GetAsync(path))
        {
            Refused(refused).ShouldBeTrue();
        }

        // No reason: the page again, naming what is missing, and nothing excluded.
        var form = await supervisor.GetPageAsync(path + "?returnUrl=" + Uri.EscapeDataString(back));
        using (var missing = await supervisor.SubmitAsync(form, path, new Dictionary<string, string> { ["Reason"] = "" }))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await Html.ParseAsync(missing)).Text(".error-summary").ShouldContain("spam");
        }

        (await ExcludedAsync(answer)).ShouldBeFalse();
        using (var done = await supervisor.SubmitAsync(form, path, new Dictionary<string, string> { ["Reason"] = "abusive", ["Note"] = "Insults a named clerk." }))
        {
            done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            done.Headers.Location!.OriginalString.ShouldBe(back);
        }

        (await ExcludedAsync(answer)).ShouldBeTrue();
        var marked = await supervisor.GetPageAsync(back);
        marked.QuerySelector($"tr[data-answer='{answer}'] [data-excluded]")!.TextContent.ShouldContain("Abusive");
        var restorePage = await supervisor.GetPageAsync(path);
        restorePage.Text("[data-excluded]").ShouldContain("Abusive");
        using (var restored = await supervisor.SubmitAsync(marked, back, new Dictionary<string, string>(), "ReturnUrl"))
        {
            restored.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await ExcludedAsync(answer)).ShouldBeFalse();
    }

    [Fact]
    public async Task OpenApi_DescribesExclusionAndRestore_AndTwoAtOnceGiveOneExclusion()
    {
        using var api = app.ApiClient();
        var doc = await api.GetOkAsync<JsonElement>("/openapi/v1.json");
        var path = doc.GetProperty("paths").GetProperty("/api/v1/feedback/answers/{id}/exclusion");
        path.TryGetProperty("post", out _).ShouldBeTrue();
        path.TryGetProperty("delete", out _).ShouldBeTrue();
        path.TryGetProperty("get", out _).ShouldBeTrue();

        // Two administrators at once (the API key and a signed-in one): one exclusion, one 409, one audit entry.
        var answer = (await SeedAsync(Demo.SupervisorCentre, Month(-1), [(1, null)]))[0];
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var both = await Task.WhenAll(
            api.PostAsJsonAsync(ExclusionPath(answer), new { reason = "duplicate" }),
            admin.Http.PostAsJsonAsync(ExclusionPath(answer), new { reason = "spam" }));
        both.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict]);
        var key = answer.ToString(CultureInfo.InvariantCulture);
        (await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(FeedbackAnswer) && e.EntityKey == key && e.Action == "excluded"))).ShouldBe(1);
        foreach (var response in both)
        {
            response.Dispose();
        }
    }

    private async Task FiguresShouldBeAsync(StaffClient client, string unit, string period, int answers, int dissatisfied)
    {
        var overview = await (await client.GetAsync($"/api/v1/insights/overview?{period}&orgUnitCode={unit}")).ReadOkAsync<InsightsOverviewDto>();
        overview.Total.Answers.ShouldBe(answers);
        var parent = await (await client.GetAsync($"/api/v1/insights/overview?{period}&orgUnitCode={Demo.SupervisorCentre}")).ReadOkAsync<InsightsOverviewDto>();
        parent.ByOffice.Single(o => o.Key == unit).Figures.Answers.ShouldBe(answers);
        var drill = await (await client.GetAsync($"/api/v1/insights/answers?{period}&orgUnitCode={unit}")).ReadOkAsync<AnswersPageDto>();
        drill.Answers.Count.ShouldBe(answers);
        drill.Answers.Count(a => a.Overall <= 2).ShouldBe(dissatisfied);
        var page = await client.GetPageAsync($"/Insights/Answers?{period}&unit={unit}");
        page.QuerySelectorAll("tr[data-answer]").Length.ShouldBe(answers);
        using var export = await client.GetAsync($"/Insights/Answers?{period}&unit={unit}&handler=Export&format=csv");
        var csv = await export.Content.ReadAsStringAsync();
        csv.Contains("zebracrossing", StringComparison.Ordinal).ShouldBe(dissatisfied > 0);
        var terms = await (await client.GetAsync($"/api/v1/insights/comment-terms?{period}&orgUnitCode={unit}")).ReadOkAsync<CommentTermsDto>();
        terms.DissatisfiedComments.ShouldBe(dissatisfied);
    }

    private static string ExclusionPath(long id) => $"/api/v1/feedback/answers/{id}/exclusion";

    private Task<bool> ExcludedAsync(long id) =>
        app.DbAsync(db => db.FeedbackAnswers.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.ExcludedAt != null).SingleAsync());

    /// <summary>Runs the queue now instead of waiting for the worker (which may also have run it: the same numbers either way).</summary>
    private Task DrainAsync() => app.UseAsync<InsightsRollups, int>(r => r.DrainAsync(CancellationToken.None));

    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Split('?')[0].EndsWith("/Accounts/AccessDenied", StringComparison.Ordinal) == true);

    private static string F(DateOnly month) => InsightsScope.Format(month);

    private DateOnly Month(int offset) => app.Services.GetRequiredService<InsightsCalendar>().MonthOf(DateTime.UtcNow).AddMonths(offset);

    /// <summary>Answers written straight to the table on the 3rd of the month, their office-month queued; returns their ids in order.</summary>
    private async Task<List<long>> SeedAsync(string unitCode, DateOnly month, IReadOnlyList<(int Overall, string? Comment)> answers)
    {
        var (start, _) = app.Services.GetRequiredService<InsightsCalendar>().Bounds(month);
        return await app.DbAsync(async db =>
        {
            var unit = db.OrgUnits.Single(u => u.Code == unitCode);
            var touchpoint = new Touchpoint
            {
                Kind = TouchpointKind.Counter, Label = LocalText.In("en", "Test " + TestData.Unique("T")), OrgUnitId = unit.Id, Code = TouchpointCodes.New(), CreatedAt = start.AddYears(-2),
            };
            db.Touchpoints.Add(touchpoint);
            await db.SaveChangesAsync();
            var rows = answers.Select((a, i) => new FeedbackAnswer
            {
                TouchpointId = touchpoint.Id, OrgUnitId = unit.Id, Channel = touchpoint.Channel, Overall = a.Overall, OverallScore = FeedbackAnswer.ToScore(a.Overall),
                Comment = a.Comment, Language = "en", AnsweredAt = start.AddDays(2).AddHours(i), ReceivedAt = start.AddDays(2).AddHours(i),
            }).ToList();
            db.FeedbackAnswers.AddRange(rows);
            // Straight to the table, so the office-month is queued here as the intake would.
            db.InsightsRollupQueue.Add(new InsightsRollupQueueItem { Month = month, OrgUnitId = unit.Id, EnqueuedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });
    }
}

public sealed class AnswerExclusionSqliteTests(SqliteApp app) : AnswerExclusionTests(app), IClassFixture<SqliteApp>;

public sealed class AnswerExclusionPostgresTests(PostgresApp app) : AnswerExclusionTests(app), IClassFixture<PostgresApp>;
