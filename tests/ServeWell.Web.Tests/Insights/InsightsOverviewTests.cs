using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Insights;

/// <summary>The overview API and page: figures equal the answers behind them, and a supervisor never sees another subtree.</summary>
public abstract class InsightsOverviewTests(AppHost app)
{
    [Fact]
    public void ViewInsights_IsForLeadershipSupervisorsTrainingOfficersAndAdministrators() =>
        Policies.RolesByPolicy[Policies.ViewInsights].Order().ShouldBe(
            new[] { Roles.Administrator, Roles.Leadership, Roles.Supervisor, Roles.TrainingOfficer }.Order());

    [Fact]
    public async Task Leadership_WholeCity_FiguresEqualTheAnswers()
    {
        await RollUpAsync();
        var (from, to) = await PeriodAsync();
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);

        var overview = await Read(await leader.GetAsync($"/api/v1/insights/overview?from={from}&to={to}"));

        var expected = await RawAsync(Demo.City, from, to);
        overview.OrgUnitCode.ShouldBe(Demo.City);
        overview.Total.Answers.ShouldBe(expected.Count);
        overview.Total.SatisfiedPercent!.Value.ShouldBe(100.0 * expected.Count(s => s >= 4) / expected.Count, 1e-9);
        overview.Total.DissatisfiedPercent!.Value.ShouldBe(100.0 * expected.Count(s => s <= 2) / expected.Count, 1e-9);
        overview.Total.Index!.Value.ShouldBe(expected.Average(s => (s - 1) * 25.0), 1e-9);
        overview.ByOffice.Sum(r => r.Figures.Answers).ShouldBe(expected.Count);
        overview.ByService.Sum(r => r.Figures.Answers).ShouldBe(expected.Count);
        overview.ByChannel.Sum(r => r.Figures.Answers).ShouldBe(expected.Count);
        overview.ByOffice.Count.ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task Supervisor_SeesOnlyTheirSubtree_AndNeverAnother()
    {
        await RollUpAsync();
        var (from, to) = await PeriodAsync();
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        var own = await Read(await supervisor.GetAsync($"/api/v1/insights/overview?from={from}&to={to}"));
        own.OrgUnitCode.ShouldBe(Demo.SupervisorCentre);
        own.Total.Answers.ShouldBe((await RawAsync(Demo.SupervisorCentre, from, to)).Count);
        own.Total.Answers.ShouldBeGreaterThan(0);
        own.ByOffice.ShouldAllBe(r => r.Key == Demo.SupervisorCentre);

        foreach (var other in new[] { Demo.City, "O-TAX", "C-JUNGANG" })
        {
            using var api = await supervisor.GetAsync($"/api/v1/insights/overview?from={from}&to={to}&orgUnitCode={other}");
            api.StatusCode.ShouldBe(HttpStatusCode.NotFound, other);
            using var page = await supervisor.GetAsync($"/Insights?from={from}&to={to}&unit={other}");
            page.StatusCode.ShouldBe(HttpStatusCode.NotFound, other);
        }

        var html = await supervisor.GetPageAsync($"/Insights?from={from}&to={to}");
        html.QuerySelectorAll("#unit option").Select(o => o.GetAttribute("value")).ShouldBe([Demo.SupervisorCentre]);
        html.QuerySelector("[data-figure=answers]")!.TextContent.Replace(",", "", StringComparison.Ordinal).ShouldBe(own.Total.Answers.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task BadPeriod_IsAProblemNamingTheFieldAndValue()
    {
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);

        using var response = await leader.GetAsync("/api/v1/insights/overview?from=2026-13&to=2026-05");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("2026-13");
        using var reversed = await leader.GetAsync("/api/v1/insights/overview?from=2026-06&to=2026-05");
        reversed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OverviewPage_InKorean_ShowsTheSlicesWithTables()
    {
        await RollUpAsync();
        var (from, to) = await PeriodAsync();
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);
        var html = await leader.GetPageAsync($"/Insights?from={from}&to={to}&lang=ko");

        html.QuerySelector("h1")!.TextContent.ShouldBe("인사이트");
        html.QuerySelectorAll("section.slice table").Length.ShouldBe(3);
        html.QuerySelectorAll("section.slice .chart[aria-hidden=true]").Length.ShouldBe(3);
    }

    [Fact]
    public async Task ProblemServices_RankedByWilsonLowerBound_FromTheAnswers()
    {
        await RollUpAsync();
        var (from, to) = await PeriodAsync();
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);

        using var response = await leader.GetAsync($"/api/v1/insights/problem-services?from={from}&to={to}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = (await response.Content.ReadFromJsonAsync<ProblemServicesDto>(Json.Web))!;

        report.Services.Count.ShouldBeGreaterThan(2);
        report.Services.Select(s => s.RankedByPercent).ShouldBeInOrder(SortDirection.Descending);
        var worst = report.Services[0];
        var raw = await RawByServiceAsync(worst.Code, from, to);
        worst.Answers.ShouldBe(raw.Count);
        worst.Dissatisfied.ShouldBe(raw.Count(s => s <= 2));
        worst.RankedByPercent.ShouldBe(100 * ServeWell.Web.Modules.Insights.Statistics.Wilson.LowerBound(worst.Dissatisfied, worst.Answers), 1e-9);
        worst.ChangeTest.ShouldBe("two-proportion z-test");

        var html = await leader.GetPageAsync($"/Insights/ProblemServices?from={from}&to={to}");
        html.QuerySelector("[data-method=wilson]")!.TextContent.ShouldContain("Wilson lower bound");
        html.QuerySelectorAll("table.problem-services tbody tr").Length.ShouldBe(report.Services.Count);

        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        using var outside = await supervisor.GetAsync($"/api/v1/insights/problem-services?from={from}&to={to}&orgUnitCode=O-CIVIL");
        outside.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Exports_CsvAndXlsx_HoldTheSameRowsAsTheTables()
    {
        await RollUpAsync();
        var (from, to) = await PeriodAsync();
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);
        var overview = await Read(await leader.GetAsync($"/api/v1/insights/overview?from={from}&to={to}"));

        using var csv = await leader.GetAsync($"/Insights?from={from}&to={to}&unit={Demo.City}&handler=Export&table=by-service&format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Service,Code,");
        lines.Length.ShouldBe(overview.ByService.Count + 1);
        var first = overview.ByService[0];
        lines[1].ShouldEndWith("," + first.Figures.Answers.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");

        using var xlsx = await leader.GetAsync($"/Insights/ProblemServices?from={from}&to={to}&unit={Demo.City}&handler=Export&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        using var api = await leader.GetAsync($"/api/v1/insights/problem-services?from={from}&to={to}");
        var report = (await api.Content.ReadFromJsonAsync<ProblemServicesDto>(Json.Web))!;
        rows.Count.ShouldBe(report.Services.Count + 1);
        rows[1].Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(1).InnerText.ShouldBe(report.Services[0].Name);

        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        using var outside = await supervisor.GetAsync($"/Insights?from={from}&to={to}&unit={Demo.City}&handler=Export&table=by-office&format=csv");
        outside.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Trends_EachMonthWithTheSameMonthAYearBefore_ChangesTestedAndNamed()
    {
        await RollUpAsync();
        var (_, to) = await PeriodAsync();
        var last = DateOnly.ParseExact(to + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var from = InsightsScope.Format(last.AddMonths(-1));
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);

        using var response = await leader.GetAsync($"/api/v1/insights/trends?from={from}&to={to}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var trends = (await response.Content.ReadFromJsonAsync<TrendsDto>(Json.Web))!;

        trends.Months.Select(m => m.Month).ShouldBe([from, to]);
        foreach (var month in trends.Months)
        {
            month.Figures.Answers.ShouldBe((await RawAsync(Demo.City, month.Month, month.Month)).Count);
            var yearBefore = InsightsScope.Format(DateOnly.ParseExact(month.Month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddYears(-1));
            month.SameMonthLastYear!.Answers.ShouldBe((await RawAsync(Demo.City, yearBefore, yearBefore)).Count);
            month.SatisfiedTest!.Test.ShouldBe("two-proportion z-test");
            month.IndexTest!.Test.ShouldBe("Welch's t-test");
        }

        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        using var outside = await supervisor.GetAsync($"/api/v1/insights/trends?from={from}&to={to}&orgUnitCode={Demo.City}");
        outside.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_NamesTheInsightsEndpoints()
    {
        using var client = app.Anonymous();

        var document = await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();

        document.ShouldContain("\"/api/v1/insights/overview\"");
        document.ShouldContain("\"/api/v1/insights/problem-services\"");
        document.ShouldContain("\"/api/v1/insights/trends\"");
    }

    private async Task<List<int>> RawByServiceAsync(string serviceCode, string from, string to)
    {
        var calendar = app.Services.GetRequiredService<InsightsCalendar>();
        var (start, _) = calendar.Bounds(DateOnly.ParseExact(from + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var (_, end) = calendar.Bounds(DateOnly.ParseExact(to + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return await app.DbAsync(async db =>
        {
            var id = await db.PublicServices.Where(s => s.Code == serviceCode).Select(s => s.Id).SingleAsync();
            return await db.FeedbackAnswers.Where(a => a.ServiceId == id && a.AnsweredAt >= start && a.AnsweredAt < end).Select(a => a.Overall).ToListAsync();
        });
    }

    private Task RollUpAsync() => app.UseAsync<InsightsRollups, int>(async r => await r.RebuildAsync(CancellationToken.None) + await r.DrainAsync(CancellationToken.None));

    /// <summary>The last six local months up to the newest answer.</summary>
    private async Task<(string From, string To)> PeriodAsync()
    {
        var calendar = app.Services.GetRequiredService<InsightsCalendar>();
        var last = calendar.MonthOf(await app.DbAsync(db => db.FeedbackAnswers.MaxAsync(a => a.AnsweredAt)));
        return (InsightsScope.Format(last.AddMonths(-5)), InsightsScope.Format(last));
    }

    /// <summary>The overall scores of the answers in the subtree and local months, straight from the answers.</summary>
    private async Task<List<int>> RawAsync(string unitCode, string from, string to)
    {
        var calendar = app.Services.GetRequiredService<InsightsCalendar>();
        var (start, _) = calendar.Bounds(DateOnly.ParseExact(from + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var (_, end) = calendar.Bounds(DateOnly.ParseExact(to + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return await app.DbAsync(async db =>
        {
            var path = await db.OrgUnits.Where(u => u.Code == unitCode).Select(u => u.Path).SingleAsync();
            var units = db.OrgUnits.Where(u => u.Path.StartsWith(path)).Select(u => u.Id);
            return await db.FeedbackAnswers.Where(a => units.Contains(a.OrgUnitId) && a.AnsweredAt >= start && a.AnsweredAt < end)
                .Select(a => a.Overall).ToListAsync();
        });
    }

    private static async Task<InsightsOverviewDto> Read(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<InsightsOverviewDto>(Json.Web))!;
        }
    }
}

public sealed class InsightsOverviewSqliteTests(SqliteApp app) : InsightsOverviewTests(app), IClassFixture<SqliteApp>;

public sealed class InsightsOverviewPostgresTests(PostgresApp app) : InsightsOverviewTests(app), IClassFixture<PostgresApp>;
