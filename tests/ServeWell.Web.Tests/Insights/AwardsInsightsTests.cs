using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Reports;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.Recognition.Awards;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Recognition;
using ServeWell.Web.Tests.Modules.Training.Record;

namespace ServeWell.Web.Tests.Insights;

/// <summary>Insights' courtesy awards (ADR-064): by office and month, the awardees' courtesy and training around the award, scope, group size, the monthly report.</summary>
public abstract class AwardsInsightsTests(AppHost app)
{
    [Fact]
    public async Task Awards_ByOfficeAndMonth_WithCourtesyAndTrainingAroundTheAward_WithinScope_AndInTheMonthlyReport()
    {
        // Two offices of a bureau of their own; X (office A) awarded for June 2025, Y (office B) for August 2025.
        var setting = await app.SettingAsync();
        var officeB = await app.CreateOrgUnitAsync(setting.Bureau.Code, kind: OrgUnitKind.Office);
        var training = await app.CreateTrainingCaseAsync(people: 1, unitCode: setting.Office.Code);
        var x = training.People[0];
        await app.AttendAsync(training, x);
        await app.DbAsync(db => db.Completions.Where(c => c.EmployeeId == x.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CompletedOn, new DateOnly(2025, 4, 10))));
        var y = await app.CreateEmployeeAsync(officeB.Code, frontline: true);
        await AwardAsync(setting, x, setting.Office.Id, new DateOnly(2025, 6, 1));
        await AwardAsync(setting, y, officeB.Id, new DateOnly(2025, 8, 1));

        // X's badge: five marks of 4 (75) in March, five of 5 (100) in September; one in June (the award month), one in
        // November 2024 (outside the six months) and an excluded one, none of which count. Y: three commendations of 3 (50) in October.
        var badge = await app.TouchpointAsync(setting.Office.Id, x.Id);
        var counter = await app.TouchpointAsync(officeB.Id, null);
        await CourtesyAsync(badge, new DateTime(2025, 3, 15, 3, 0, 0, DateTimeKind.Utc), [4, 4, 4, 4, 4]);
        await CourtesyAsync(badge, new DateTime(2025, 9, 15, 3, 0, 0, DateTimeKind.Utc), [5, 5, 5, 5, 5]);
        await CourtesyAsync(badge, new DateTime(2025, 6, 15, 3, 0, 0, DateTimeKind.Utc), [1]);
        await CourtesyAsync(badge, new DateTime(2024, 11, 15, 3, 0, 0, DateTimeKind.Utc), [1]);
        await CourtesyAsync(badge, new DateTime(2025, 9, 16, 3, 0, 0, DateTimeKind.Utc), [1], excluded: true);
        await CourtesyAsync(counter, new DateTime(2025, 10, 15, 3, 0, 0, DateTimeKind.Utc), [3, 3, 3], commended: y.Id);

        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var page = await officer.GetPageAsync($"/Insights/Awards?from=2025-01&to=2025-12&unit={setting.Bureau.Code}");
        page.QuerySelectorAll(".awards-list tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ShouldBe([x.Name, y.Name]);
        page.QuerySelectorAll(".awards-by-office tbody tr").Select(r => r.GetAttribute("data-office")).Order().ShouldBe(new[] { setting.Office.Code, officeB.Code }.Order());
        page.QuerySelectorAll(".bar-chart rect.bar").Length.ShouldBe(12);
        page.QuerySelector("[data-caution=evidence]").ShouldNotBeNull();

        string Figure(string who, string figure) =>
            page.QuerySelectorAll(".awardees tbody tr, .awardees tfoot tr").Single(r => r.QuerySelector("th")!.TextContent.Contains(who, StringComparison.Ordinal))
                .QuerySelector($"[data-figure={figure}]")!.TextContent.Trim();
        Figure(x.Name, "courtesy-before").ShouldBe("75.0 (5 marks)");
        Figure(x.Name, "courtesy-after").ShouldBe("100.0 (5 marks)");
        Figure(x.Name, "training-before").ShouldBe("1");
        Figure(x.Name, "training-after").ShouldBe("0");
        Figure(y.Name, "courtesy-before").ShouldBe("– (0 marks)");
        Figure(y.Name, "courtesy-after").ShouldBe("– (3 marks)"); // fewer than the minimum group size: no mean
        Figure("All awardees", "courtesy-before").ShouldBe("75.0 (5 marks)");
        Figure("All awardees", "courtesy-after").ShouldBe("81.3 (8 marks)"); // (5 × 100 + 3 × 50) / 8 = 81.25

        // A supervisor of office B sees Y only, and nothing of the bureau; an employee does not see the page.
        var (supervisor, _) = await app.SignInLinkedAsync(Roles.Supervisor, null, officeB.Id);
        using (supervisor)
        {
            var own = await supervisor.GetPageAsync($"/Insights/Awards?from=2025-01&to=2025-12&unit={officeB.Code}");
            own.QuerySelectorAll(".awards-list tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ShouldBe([y.Name]);
            (await supervisor.GetAsync($"/Insights/Awards?from=2025-01&to=2025-12&unit={setting.Bureau.Code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var (employee, _) = await app.SignInLinkedAsync(Roles.Employee, y.Id);
        using (employee)
        {
            (await employee.GetAsync("/Insights/Awards")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        }

        // The monthly report of June lists X's award, August's Y's, July's none.
        var bureau = await app.DbAsync(db => db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == setting.Bureau.Id));
        Task<MonthlyReportData> ReportAsync(int month) =>
            app.UseAsync<MonthlyReport, MonthlyReportData>(r => r.CollectAsync(new DateOnly(2025, month, 1), bureau, true, CancellationToken.None));
        (await ReportAsync(6)).Awards!.Select(a => (a.Awardee, a.Office, a.Award)).ShouldBe([(x.Name, setting.Office.NameEn!, "Courteous employee of the month")]);
        (await ReportAsync(8)).Awards!.Select(a => a.Awardee).ShouldBe([y.Name]);
        (await ReportAsync(7)).Awards!.ShouldBeEmpty();
    }

    private Task AwardAsync(AwardSetting setting, Employee employee, int officeId, DateOnly month) => app.DbAsync(async db =>
    {
        var round = db.AwardRounds.Add(new AwardRound
        {
            SchemeId = setting.SchemeId, ScopeOrgUnitId = setting.Bureau.Id, Month = month, Stage = RoundStage.Announced, OpensOn = month,
            ClosesOn = month.AddMonths(1), JuryClosesOn = month.AddMonths(1).AddDays(7), ApprovalDueOn = month.AddMonths(1).AddDays(14), MinimumAnswers = 5,
            PriorWeight = 10, Finalists = 5, CoolOffMonths = 12, ScaleMax = 5, AwardeeEmployeeId = employee.Id, OpenedAtUtc = DateTime.UtcNow,
        }).Entity;
        await db.SaveChangesAsync();
        db.Awards.Add(new Award
        {
            RoundId = round.Id, EmployeeId = employee.Id, OrgUnitId = officeId, Month = month, Story = "", CertificateCode = IssueCertificate.NewCode(),
            AwardedAtUtc = DateTime.UtcNow,
        });
        return await db.SaveChangesAsync();
    });

    private Task CourtesyAsync(Touchpoint touchpoint, DateTime answeredAtUtc, int[] courtesy, int? commended = null, bool excluded = false) => app.DbAsync(async db =>
    {
        foreach (var mark in courtesy)
        {
            db.FeedbackAnswers.Add(new FeedbackAnswer
            {
                TouchpointId = touchpoint.Id, OrgUnitId = touchpoint.OrgUnitId, Channel = FeedbackChannel.CounterQr, SurveyVersionId = SurveyVersion.OriginalId,
                Overall = mark, OverallScore = FeedbackAnswer.ToScore(mark), Courtesy = mark, CourtesyScore = FeedbackAnswer.ToScore(mark), CommendedEmployeeId = commended,
                Language = "ko", AnsweredAt = answeredAtUtc, ReceivedAt = answeredAtUtc, ExcludedAt = excluded ? answeredAtUtc : null,
                ExclusionReason = excluded ? ExclusionReason.Test : null,
            });
        }

        return await db.SaveChangesAsync();
    });
}

public sealed class AwardsInsightsSqliteTests(SqliteApp app) : AwardsInsightsTests(app), IClassFixture<SqliteApp>;

public sealed class AwardsInsightsPostgresTests(PostgresApp app) : AwardsInsightsTests(app), IClassFixture<PostgresApp>;
