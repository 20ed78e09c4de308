using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Explore;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Insights;

/// <summary>
/// Trends, comment terms, the drill-down to answers and the employee figures (ADR-019): within the viewer's scope,
/// the minimum group size in every view and export, stable keyset paging, and a hand-made significant change flagged.
/// Each test seeds its own team under the supervisor's centre, so its figures are its own.
/// </summary>
public abstract class InsightsExploreTests(AppHost app)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Supervisor_NeverSeesAnotherSubtree_InAnyNewPageApiOrExport()
    {
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var month = Month(-2);
        await SeedAsync(team.Code, month, Enumerable.Repeat((2, (string?)"rude staff at the desk"), 6).Concat(Enumerable.Repeat((5, (string?)"friendly staff at the desk"), 6)));
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        var period = $"from={F(month)}&to={F(month)}";

        foreach (var other in new[] { Demo.City, "O-TAX", "C-JUNGANG" })
        {
            foreach (var path in new[]
            {
                $"/Insights/Trends?{period}&unit={other}", $"/Insights/Trends?{period}&unit={other}&handler=Export&format=csv",
                $"/Insights/Comments?{period}&unit={other}", $"/Insights/Comments?{period}&unit={other}&handler=Export&format=xlsx",
                $"/Insights/Answers?{period}&unit={other}", $"/Insights/Answers?{period}&unit={other}&handler=Export&format=csv",
                $"/Insights/Employees?{period}&unit={other}", $"/Insights/Employees?{period}&unit={other}&handler=Export&format=csv",
                $"/api/v1/insights/answers?{period}&orgUnitCode={other}", $"/api/v1/insights/comment-terms?{period}&orgUnitCode={other}",
                $"/api/v1/insights/employees?{period}&orgUnitCode={other}",
            })
            {
                using var response = await supervisor.GetAsync(path);
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            }
        }

        // Without a unit: the top of their scope, and every answer comes from inside it.
        var page = await (await supervisor.GetAsync($"/api/v1/insights/answers?{period}")).ReadOkAsync<AnswersPageDto>();
        page.Answers.ShouldNotBeEmpty();
        var centrePath = (await app.UnitAsync(Demo.SupervisorCentre)).Path;
        var inside = await app.DbAsync(db => Task.FromResult(db.OrgUnits.Where(u => u.Path.StartsWith(centrePath)).Select(u => u.Code).ToList()));
        page.Answers.ShouldAllBe(a => inside.Contains(a.OfficeCode));
        var terms = await (await supervisor.GetAsync($"/api/v1/insights/comment-terms?{period}")).ReadOkAsync<CommentTermsDto>();
        terms.OrgUnitCode.ShouldBe(Demo.SupervisorCentre);

        // An employee outside the subtree: no drill-down.
        var outsider = await app.CreateEmployeeAsync("O-TAX", frontline: true);
        using var hidden = await supervisor.GetAsync($"/api/v1/insights/answers?{period}&employee={outsider.EmployeeNumber}");
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PerEmployeeFigures_AreForSupervisorsAndTheEmployeeOnly()
    {
        var month = Month(-2);
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var employee = await app.CreateEmployeeAsync(team.Code, frontline: true);
        await SeedAsync(team.Code, month, Enumerable.Repeat((4, (string?)null), 7), badgeHolder: employee.Id);
        var period = $"from={F(month)}&to={F(month)}";

        foreach (var role in new[] { Roles.Leadership, Roles.TrainingOfficer, Roles.Administrator, Roles.Employee })
        {
            using var client = await app.SignInAsRoleAsync(role);
            using var page = await client.GetAsync($"/Insights/Employees?{period}");
            Refused(page).ShouldBeTrue(role);
            using var api = await client.GetAsync($"/api/v1/insights/employees?{period}");
            api.StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
        }

        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);
        using var drill = await leader.GetAsync($"/api/v1/insights/answers?{period}&employee={employee.EmployeeNumber}");
        drill.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var drillPage = await leader.GetAsync($"/Insights/Answers?{period}&employee={employee.EmployeeNumber}");
        drillPage.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        var slice = await (await supervisor.GetAsync($"/api/v1/insights/employees?{period}&orgUnitCode={team.Code}")).ReadOkAsync<EmployeeSliceDto>();
        slice.Employees.Single().Figures!.Answers.ShouldBe(7);
        var answers = await (await supervisor.GetAsync($"/api/v1/insights/answers?{period}&employee={employee.EmployeeNumber}")).ReadOkAsync<AnswersPageDto>();
        answers.Answers.Count.ShouldBe(7);
    }

    [Fact]
    public async Task MinimumGroupSize_HoldsInThePageApiExportsDrillDownAndOwnView()
    {
        var month = Month(-3);
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var few = await app.CreateEmployeeAsync(team.Code, frontline: true);
        var many = await app.CreateEmployeeAsync(team.Code, frontline: true);
        await SeedAsync(team.Code, month, Enumerable.Repeat((1, (string?)null), 4), badgeHolder: few.Id);
        await SeedAsync(team.Code, month, Enumerable.Repeat((5, (string?)null), 6), badgeHolder: many.Id);
        var period = $"from={F(month)}&to={F(month)}";
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        var slice = await (await supervisor.GetAsync($"/api/v1/insights/employees?{period}&orgUnitCode={team.Code}")).ReadOkAsync<EmployeeSliceDto>();
        slice.MinimumGroupSize.ShouldBe(5);
        var hidden = slice.Employees.Single(e => e.EmployeeNumber == few.EmployeeNumber);
        hidden.Withheld.ShouldBeTrue();
        hidden.Figures.ShouldBeNull();
        hidden.Reason.ShouldBe("fewer than 5 answers");
        var shown = slice.Employees.Single(e => e.EmployeeNumber == many.EmployeeNumber);
        shown.Figures!.Answers.ShouldBe(6);
        shown.Figures.SatisfiedPercent.ShouldBe(100);

        var html = await supervisor.GetPageAsync($"/Insights/Employees?{period}&unit={team.Code}");
        var row = html.QuerySelector($"tr[data-employee={few.EmployeeNumber}]")!;
        row.GetAttribute("data-withheld").ShouldBe("true");
        row.TextContent.ShouldContain("fewer than 5 answers");
        row.QuerySelectorAll("td.num").ShouldBeEmpty();
        row.QuerySelector("a").ShouldBeNull();
        html.QuerySelector($"tr[data-employee={many.EmployeeNumber}] a")!.GetAttribute("href")!.ShouldContain("employee=" + many.EmployeeNumber);

        using var csv = await supervisor.GetAsync($"/Insights/Employees?{period}&unit={team.Code}&handler=Export&format=csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        var fewLine = lines.Single(l => l.StartsWith(few.EmployeeNumber, StringComparison.Ordinal));
        fewLine.ShouldEndWith(",,,,,fewer than 5 answers");
        lines.Single(l => l.StartsWith(many.EmployeeNumber, StringComparison.Ordinal)).ShouldContain(",100,100,0,6,");
        using var xlsx = await supervisor.GetAsync($"/Insights/Employees?{period}&unit={team.Code}&handler=Export&format=xlsx");
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
            var fewRow = rows.Single(r => r.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText == few.EmployeeNumber);
            fewRow.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Skip(3).Take(4).ShouldAllBe(c => c.InnerText == "");
        }

        using var withheldApi = await supervisor.GetAsync($"/api/v1/insights/answers?{period}&unit={team.Code}&employee={few.EmployeeNumber}");
        withheldApi.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await withheldApi.Content.ReadAsStringAsync()).ShouldContain("minimum group size");
        var withheldPage = await supervisor.GetPageAsync($"/Insights/Answers?{period}&employee={few.EmployeeNumber}");
        withheldPage.QuerySelector("[data-withheld=true]").ShouldNotBeNull();
        withheldPage.QuerySelectorAll("table.answers tr").ShouldBeEmpty();
        using var withheldExport = await supervisor.GetAsync($"/Insights/Answers?{period}&employee={few.EmployeeNumber}&handler=Export&format=csv");
        withheldExport.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The employee themself: the same rule on their own page, API and export.
        using var own = await SignInAsEmployeeAsync(few.Id);
        var me = await (await own.GetAsync($"/api/v1/insights/me?{period}")).ReadOkAsync<OwnFiguresDto>();
        me.Withheld.ShouldBeTrue();
        me.Total.ShouldBeNull();
        me.Months.ShouldAllBe(m => m.Figures == null);
        var mePage = await own.GetPageAsync($"/Insights/Me?{period}");
        mePage.QuerySelector("[data-figure=withheld]")!.TextContent.ShouldContain("fewer than 5 answers");
        mePage.QuerySelector("[data-figure=answers]").ShouldBeNull();
        using var meCsv = await own.GetAsync($"/Insights/Me?{period}&handler=Export&format=csv");
        (await meCsv.Content.ReadAsStringAsync()).ShouldNotContain(",4,");
        using var ownDrill = await own.GetAsync($"/Insights/Answers?{period}");
        Refused(ownDrill).ShouldBeTrue();

        using var ownMany = await SignInAsEmployeeAsync(many.Id);
        var meMany = await (await ownMany.GetAsync($"/api/v1/insights/me?{period}")).ReadOkAsync<OwnFiguresDto>();
        meMany.Total!.Answers.ShouldBe(6);
        meMany.Months.Single().Figures!.Answers.ShouldBe(6);
    }

    [Fact]
    public async Task DrillDown_PagesNewestFirst_StableWhenNewAnswersArrive()
    {
        var month = Month(-4);
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        // 83 answers, several sharing a time, so the id breaks ties.
        await SeedAsync(team.Code, month, Enumerable.Range(0, 83).Select(i => (1 + (i % 5), (string?)null)), sameTimeEvery: 4);
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);
        var basePath = $"/api/v1/insights/answers?from={F(month)}&to={F(month)}&orgUnitCode={team.Code}";

        var first = await (await leader.GetAsync(basePath)).ReadOkAsync<AnswersPageDto>();
        first.Answers.Count.ShouldBe(50);
        first.Next.ShouldNotBeNull();
        var second = await (await leader.GetAsync(basePath + "&after=" + Uri.EscapeDataString(first.Next!))).ReadOkAsync<AnswersPageDto>();
        second.Answers.Count.ShouldBe(33);
        second.Next.ShouldBeNull();
        var all = first.Answers.Concat(second.Answers).ToList();
        all.Select(a => a.Id).Distinct().Count().ShouldBe(83);
        all.Zip(all.Skip(1)).ShouldAllBe(p => p.First.AnsweredAt > p.Second.AnsweredAt || (p.First.AnsweredAt == p.Second.AnsweredAt && p.First.Id > p.Second.Id));

        // A newer answer arrives: page two through the same cursor is the same.
        await SeedAsync(team.Code, month, [(5, null)], fromHour: 100);
        var again = await (await leader.GetAsync(basePath + "&after=" + Uri.EscapeDataString(first.Next!))).ReadOkAsync<AnswersPageDto>();
        again.Answers.Select(a => a.Id).ShouldBe(second.Answers.Select(a => a.Id));

        // Bands filter; the page links the next page and never shows contact details.
        var unhappy = await (await leader.GetAsync(basePath + "&band=dissatisfied")).ReadOkAsync<AnswersPageDto>();
        unhappy.Answers.ShouldAllBe(a => a.Overall <= 2);
        unhappy.Answers.Count.ShouldBe(Enumerable.Range(0, 83).Count(i => 1 + (i % 5) <= 2));
        var html = await leader.GetPageAsync($"/Insights/Answers?from={F(month)}&to={F(month)}&unit={team.Code}");
        html.QuerySelectorAll("table.answers tbody tr").Length.ShouldBe(50);
        html.QuerySelector("a[rel=next]")!.GetAttribute("href")!.ShouldContain("after=");
        using var bad = await leader.GetAsync(basePath + "&band=angry");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("angry");

        using var csv = await leader.GetAsync($"/Insights/Answers?from={F(month)}&to={F(month)}&unit={team.Code}&handler=Export&format=csv");
        (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(84 + 1);
    }

    [Fact]
    public async Task Trends_FlagAHandMadeSignificantChange_NamingTheTest()
    {
        var month = Month(-1);
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        // A year before: 40 answers, 10 % satisfied; now: 40 answers, 90 % satisfied. The month before: no change.
        await SeedAsync(team.Code, month.AddYears(-1), Enumerable.Range(0, 40).Select(i => (i < 4 ? 5 : 2, (string?)null)));
        await SeedAsync(team.Code, month, Enumerable.Range(0, 40).Select(i => (i < 36 ? 5 : 2, (string?)null)));
        await SeedAsync(team.Code, month.AddMonths(-13), Enumerable.Range(0, 20).Select(i => (i < 10 ? 4 : 3, (string?)null)));
        await SeedAsync(team.Code, month.AddMonths(-1), Enumerable.Range(0, 20).Select(i => (i < 10 ? 4 : 3, (string?)null)));
        await app.UseAsync<InsightsRollups, int>(r => r.RebuildAsync(CancellationToken.None));
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);
        var period = $"from={F(month.AddMonths(-1))}&to={F(month)}";

        var trends = await (await leader.GetAsync($"/api/v1/insights/trends?{period}&orgUnitCode={team.Code}")).ReadOkAsync<TrendsDto>();
        var now = trends.Months.Single(m => m.Month == F(month));
        now.SatisfiedTest!.Significant.ShouldBeTrue();
        now.SatisfiedTest.Test.ShouldBe("two-proportion z-test");
        now.SatisfiedChangePoints!.Value.ShouldBe(80, 1e-9);
        var calm = trends.Months.Single(m => m.Month == F(month.AddMonths(-1)));
        calm.SatisfiedTest!.Significant.ShouldBeFalse();

        var html = await leader.GetPageAsync($"/Insights/Trends?{period}&unit={team.Code}");
        var flagged = html.QuerySelector($"tr[data-month='{F(month)}']")!;
        flagged.GetAttribute("data-flagged").ShouldBe("true");
        flagged.TextContent.ShouldContain("two-proportion z-test");
        flagged.QuerySelector("a")!.GetAttribute("href")!.ShouldContain($"/Insights/Answers?from={F(month)}&to={F(month)}&unit={team.Code}");
        html.QuerySelector($"tr[data-month='{F(month.AddMonths(-1))}']")!.GetAttribute("data-flagged").ShouldBe("false");
        html.QuerySelectorAll("svg.line-chart circle.flagged").Length.ShouldBe(1);
        html.QuerySelector("svg.line-chart")!.ParentElement!.GetAttribute("aria-hidden").ShouldBe("true");
        html.QuerySelectorAll("[style]").ShouldBeEmpty();

        // Service and channel narrow the series; the export holds the same months.
        var byChannel = await leader.GetPageAsync($"/Insights/Trends?{period}&unit={team.Code}&channel=Kiosk");
        byChannel.QuerySelector($"tr[data-month='{F(month)}']")!.GetAttribute("data-flagged").ShouldBe("false");
        using var csv = await leader.GetAsync($"/Insights/Trends?{period}&unit={team.Code}&handler=Export&format=csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        // p in plain words as the page writes it (a z of about 7 is p ≈ 1e-12): never a bare 0.
        lines[2].ShouldStartWith(F(month) + ",90,10,80,two-proportion z-test,< 0.001,");
        using var xlsx = await leader.GetAsync($"/Insights/Trends?{period}&unit={team.Code}&handler=Export&format=xlsx");
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var row = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
                .Single(r => r.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText == F(month));
            row.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(5).InnerText.ShouldBe("< 0.001");
        }
        var korean = await leader.GetPageAsync($"/Insights/Trends?{period}&unit={team.Code}&lang=ko");
        korean.QuerySelector("h1")!.TextContent.ShouldBe("추이");
    }

    [Fact]
    public async Task Overview_WithholdsOfficesBelowTheMinimumGroupSize_InThePageApiAndExports()
    {
        var month = Month(-7);
        var parent = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var few = await app.CreateOrgUnitAsync(parent.Code);
        var some = await app.CreateOrgUnitAsync(parent.Code);
        var many = await app.CreateOrgUnitAsync(parent.Code);
        await SeedAsync(few.Code, month, Enumerable.Repeat((5, (string?)null), 3));
        await SeedAsync(some.Code, month, Enumerable.Repeat((4, (string?)null), 8));
        await SeedAsync(many.Code, month, Enumerable.Range(0, 12).Select(i => (i < 6 ? 5 : 1, (string?)null)));
        await app.UseAsync<InsightsRollups, int>(r => r.RebuildAsync(CancellationToken.None));
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        var period = $"from={F(month)}&to={F(month)}";

        var overview = await (await supervisor.GetAsync($"/api/v1/insights/overview?{period}&orgUnitCode={parent.Code}")).ReadOkAsync<InsightsOverviewDto>();

        overview.MinimumGroupSize.ShouldBe(5);
        var fewRow = overview.ByOffice.Single(r => r.Key == few.Code).Figures;
        (fewRow.Withheld, fewRow.SatisfiedPercent, fewRow.Index, fewRow.DissatisfiedPercent, fewRow.Answers).ShouldBe((true, null, null, null, 3L));
        // The total less the others would give the one small office away: the next smallest is withheld too.
        overview.ByOffice.Single(r => r.Key == some.Code).Figures.Withheld.ShouldBeTrue();
        overview.ByOffice.Single(r => r.Key == many.Code).Figures.SatisfiedPercent.ShouldBe(50);
        overview.Total.Withheld.ShouldBeFalse();
        overview.Total.Answers.ShouldBe(23);

        var html = await supervisor.GetPageAsync($"/Insights?{period}&unit={parent.Code}");
        var row = html.QuerySelectorAll("section[aria-labelledby=by-office] tbody tr")
            .First(r => r.QuerySelector("th")!.TextContent.Trim() == overview.ByOffice.Single(o => o.Key == few.Code).Name);
        row.QuerySelector("[data-figure=withheld]")!.TextContent.Trim().ShouldBe("fewer than 5 answers");
        row.TextContent.ShouldNotContain("100");

        using var csv = await supervisor.GetAsync($"/Insights?{period}&unit={parent.Code}&handler=Export&table=by-office&format=csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Single(l => l.Contains("," + few.Code + ",", StringComparison.Ordinal)).ShouldEndWith($",{few.Code},,,,3,fewer than 5 answers");

        // An office alone below the minimum: its headline is withheld too.
        var alone = await (await supervisor.GetAsync($"/api/v1/insights/overview?{period}&orgUnitCode={few.Code}")).ReadOkAsync<InsightsOverviewDto>();
        (alone.Total.Withheld, alone.Total.SatisfiedPercent).ShouldBe((true, null));
        (await supervisor.GetPageAsync($"/Insights?{period}&unit={few.Code}")).QuerySelector("dl.headline [data-figure=withheld]")!.TextContent.Trim()
            .ShouldBe("fewer than 5 answers");
    }

    [Fact]
    public async Task TrendsAndProblemServices_WithholdMonthsAndServicesBelowTheMinimumGroupSize()
    {
        var month = Month(-4);
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        await SeedAsync(team.Code, month, Enumerable.Repeat((1, (string?)null), 3), withService: true, serviceRank: 0);
        await SeedAsync(team.Code, month.AddMonths(-1), Enumerable.Range(0, 12).Select(i => (i < 6 ? 5 : 1, (string?)null)), withService: true, serviceRank: 1);
        await app.UseAsync<InsightsRollups, int>(r => r.RebuildAsync(CancellationToken.None));
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        var period = $"from={F(month.AddMonths(-1))}&to={F(month)}";

        // Trends: the month of three answers keeps its count and nothing else, in the API, the page and the export.
        var trends = await (await supervisor.GetAsync($"/api/v1/insights/trends?{period}&orgUnitCode={team.Code}")).ReadOkAsync<TrendsDto>();
        trends.MinimumGroupSize.ShouldBe(5);
        var few = trends.Months.Single(m => m.Month == F(month));
        (few.Figures.Withheld, few.Figures.Answers, few.Figures.SatisfiedPercent, few.Figures.Index, few.SatisfiedTest).ShouldBe((true, 3L, null, null, null));
        var shown = trends.Months.Single(m => m.Month == F(month.AddMonths(-1)));
        (shown.Figures.Withheld, shown.Figures.SatisfiedPercent).ShouldBe((false, 50.0));
        var html = await supervisor.GetPageAsync($"/Insights/Trends?{period}&unit={team.Code}");
        var row = html.QuerySelector($"tr[data-month='{F(month)}']")!;
        row.QuerySelectorAll("[data-figure=withheld]").Length.ShouldBe(2);
        row.QuerySelector("[data-figure=withheld]")!.TextContent.Trim().ShouldBe("fewer than 5 answers");
        html.QuerySelectorAll("svg.line-chart circle").Length.ShouldBe(1);
        using var csv = await supervisor.GetAsync($"/Insights/Trends?{period}&unit={team.Code}&handler=Export&format=csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Single(l => l.StartsWith(F(month), StringComparison.Ordinal)).ShouldStartWith(F(month) + ",fewer than 5 answers,");

        // Problem services: the service of three answers is not ranked (its raw share would be 100 %), only counted.
        var problems = await (await supervisor.GetAsync($"/api/v1/insights/problem-services?{period}&orgUnitCode={team.Code}")).ReadOkAsync<ProblemServicesDto>();
        problems.Services.Count.ShouldBe(1);
        (problems.Services[0].Rank, problems.Services[0].Answers, problems.Services[0].DissatisfiedPercent).ShouldBe((1, 12L, 50.0));
        (problems.NotRankedServices, problems.NotRankedAnswers, problems.MinimumGroupSize).ShouldBe((1, 3L, 5));
        var page = await supervisor.GetPageAsync($"/Insights/ProblemServices?{period}&unit={team.Code}");
        page.QuerySelectorAll("table.problem-services tbody tr").Length.ShouldBe(1);
        page.QuerySelector("[data-not-ranked]")!.TextContent.ShouldContain("1 services with fewer than 5 answers each (3 answers in all)");
        page.QuerySelector("table.problem-services")!.TextContent.ShouldNotContain("100");
    }

    [Fact]
    public async Task CommentTerms_FromDissatisfiedComments_WithRedactedExamplesAsText_AndDrillDownByTerm()
    {
        var month = Month(-5);
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        await SeedAsync(team.Code, month,
        [
            (1, "The staff were rude and the queue was long"), (2, "Rude staff, long queue again"), (1, "<script>alert(1)</script> rude staff"),
            (2, "직원이 불친절했어요 대기 시간이 길어요"), (1, "불친절 대기 시간 너무 길어요"), (2, "대기 시간이 길고 불친절"),
            (2, "rude staff"), (5, "Friendly staff and short queue"), (5, "friendly staff"), (4, "친절했어요"), (3, "rude staff but fine"),
        ]);
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);
        var period = $"from={F(month)}&to={F(month)}";

        var terms = await (await leader.GetAsync($"/api/v1/insights/comment-terms?{period}&orgUnitCode={team.Code}")).ReadOkAsync<CommentTermsDto>();
        terms.DissatisfiedComments.ShouldBe(7);
        terms.SatisfiedComments.ShouldBe(3);
        terms.Method.ShouldContain("log-odds");
        var rude = terms.Terms.Single(t => t.Term == "rude");
        rude.DissatisfiedComments.ShouldBe(4);
        rude.Examples.Count.ShouldBeInRange(2, 3);
        rude.Examples.ShouldAllBe(e => e.Overall <= 2);
        terms.Terms.ShouldContain(t => t.Language == "ko");

        var html = await leader.GetPageAsync($"/Insights/Comments?{period}&unit={team.Code}");
        html.QuerySelectorAll("table.comment-terms script").ShouldBeEmpty();
        html.QuerySelector("table.comment-terms")!.TextContent.ShouldContain("<script>alert(1)</script>");
        var link = html.QuerySelectorAll("table.comment-terms tbody tr").First(r => r.QuerySelector("th")!.TextContent.Trim() == "rude")
            .QuerySelector("a")!.GetAttribute("href")!;
        link.ShouldContain("band=dissatisfied");
        var drill = await leader.GetPageAsync(link);
        var comments = drill.QuerySelectorAll("table.answers tbody tr td[lang]").Select(c => c.TextContent).ToList();
        comments.Count.ShouldBe(4);
        comments.ShouldAllBe(c => c.Contains("rude", StringComparison.OrdinalIgnoreCase));
        using var xlsx = await leader.GetAsync($"/Insights/Comments?{period}&unit={team.Code}&handler=Export&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OverviewAndProblemServices_LinkTheirFiguresToTheAnswersBehindThem()
    {
        var month = Month(-6);
        var team = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        await SeedAsync(team.Code, month, Enumerable.Range(0, 9).Select(i => (1 + (i % 5), (string?)null)), withService: true);
        await app.UseAsync<InsightsRollups, int>(r => r.RebuildAsync(CancellationToken.None));
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);
        var period = $"from={F(month)}&to={F(month)}";

        var overview = await leader.GetPageAsync($"/Insights?{period}&unit={team.Code}");
        var href = overview.QuerySelector("[data-figure=answers] a")!.GetAttribute("href")!;
        var answers = await leader.GetPageAsync(href);
        answers.QuerySelectorAll("table.answers tbody tr").Length.ShouldBe(9);
        var dissatisfied = await leader.GetPageAsync(overview.QuerySelector("[data-figure=dissatisfied] a")!.GetAttribute("href")!);
        dissatisfied.QuerySelectorAll("table.answers tbody tr").Length.ShouldBe(4);
        var byChannel = overview.QuerySelectorAll("section.slice a[data-drill=answers]").Select(a => a.GetAttribute("href")!).ToList();
        byChannel.ShouldContain(h => h.Contains("channel=CounterQr", StringComparison.Ordinal));

        var problems = await leader.GetPageAsync($"/Insights/ProblemServices?{period}&unit={team.Code}");
        var serviceLink = problems.QuerySelectorAll("table.problem-services a").Select(a => a.GetAttribute("href")!).First(h => !h.Contains("band=", StringComparison.Ordinal));
        (await leader.GetPageAsync(serviceLink)).QuerySelectorAll("table.answers tbody tr").Length.ShouldBe(9);
    }

    [Fact]
    public async Task OpenApi_NamesTheNewEndpoints()
    {
        using var client = app.Anonymous();

        var document = await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();

        foreach (var path in new[] { "answers", "comment-terms", "employees", "me" })
        {
            document.ShouldContain($"\"/api/v1/insights/{path}\"");
        }
    }

    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Split('?')[0].EndsWith("/Accounts/AccessDenied", StringComparison.Ordinal) == true);

    private static string F(DateOnly month) => InsightsScope.Format(month);

    /// <summary>The local month <paramref name="offset"/> months from this one.</summary>
    private DateOnly Month(int offset) => app.Services.GetRequiredService<InsightsCalendar>().MonthOf(DateTime.UtcNow).AddMonths(offset);

    /// <summary>
    /// Answers in the unit during the local month, at a counter touchpoint of their own (or the badge of
    /// <paramref name="badgeHolder"/>), one every hour from the 3rd, in order; <paramref name="sameTimeEvery"/> answers share a time.
    /// </summary>
    private async Task SeedAsync(
        string unitCode, DateOnly month, IEnumerable<(int Overall, string? Comment)> answers, int? badgeHolder = null, int sameTimeEvery = 1,
        int fromHour = 0, bool withService = false, int serviceRank = 0)
    {
        var calendar = app.Services.GetRequiredService<InsightsCalendar>();
        var (start, _) = calendar.Bounds(month);
        await app.DbAsync(async db =>
        {
            var unit = db.OrgUnits.Single(u => u.Code == unitCode);
            var touchpoint = new Touchpoint
            {
                Kind = badgeHolder is null ? TouchpointKind.Counter : TouchpointKind.EmployeeBadge, Label = LocalText.In("en", "Test " + TestData.Unique("T")),
                OrgUnitId = unit.Id, EmployeeId = badgeHolder, ServiceId = withService ? db.PublicServices.OrderBy(x => x.Id).Select(x => x.Id).Skip(serviceRank).First() : null, Code = TouchpointCodes.New(), CreatedAt = start.AddYears(-2),
            };
            db.Touchpoints.Add(touchpoint);
            await db.SaveChangesAsync();
            var i = 0;
            foreach (var (overall, comment) in answers)
            {
                var at = start.AddDays(2).AddHours(fromHour + (i / sameTimeEvery));
                db.FeedbackAnswers.Add(new FeedbackAnswer
                {
                    TouchpointId = touchpoint.Id, OrgUnitId = unit.Id, ServiceId = touchpoint.ServiceId, Channel = touchpoint.Channel, Overall = overall, OverallScore = FeedbackAnswer.ToScore(overall),
                    Courtesy = overall, CourtesyScore = FeedbackAnswer.ToScore(overall), Comment = comment,
                    Language = comment is not null && comment.Any(c => c >= '가' && c <= '힣') ? "ko" : "en", AnsweredAt = at, ReceivedAt = at,
                });
                i++;
            }

            return await db.SaveChangesAsync();
        });
    }

    private async Task<StaffClient> SignInAsEmployeeAsync(int employeeId)
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.EmployeeId = employeeId;
            (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        }

        return await app.SignInAsync(email);
    }
}

public sealed class InsightsExploreSqliteTests(SqliteApp app) : InsightsExploreTests(app), IClassFixture<SqliteApp>;

public sealed class InsightsExplorePostgresTests(PostgresApp app) : InsightsExploreTests(app), IClassFixture<PostgresApp>;
