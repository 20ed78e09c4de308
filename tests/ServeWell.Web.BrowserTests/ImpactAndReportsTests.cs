using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>Leadership reads the training impact and the monthly reports page, in English and Korean, on a desktop and a phone; axe-clean.</summary>
[Collection(Collections.People)]
public sealed class ImpactAndReportsTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("desktop", "en")]
    [InlineData("phone", "ko")]
    public async Task ImpactAndReports_AsLeadership_ShowTheEstimateChartTablesAndDownloads(string viewport, string lang)
    {
        await using var session = await fixture.OpenAsync(Viewport.Named(viewport));
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Leader);
        await page.GotoAsync($"/Insights/Impact?lang={lang}");

        // The demo answers were bulk-seeded; the rollup worker rebuilds them on its first look after start-up.
        var trained = page.Locator("table.impact-offices tr[data-arm=Treated]");
        var started = DateTime.UtcNow;
        while (await trained.CountAsync() == 0 && DateTime.UtcNow - started < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }

        (await trained.CountAsync()).ShouldBe(3);
        await Expect(page.PageHeading()).ToHaveTextAsync(lang == "en" ? "Training impact" : "교육 효과");
        await Expect(page.Locator("[data-caution=evidence]")).ToBeVisibleAsync();
        await Expect(page.Locator("svg.impact-chart polyline.treated")).ToHaveCountAsync(1);
        (await page.Locator("[data-figure=estimate]").TextContentAsync())!.Trim().ShouldNotBe("–");
        await session.CheckPageAsync($"insights-impact-{lang}");

        await page.GotoAsync($"/Insights/Reports?lang={lang}");
        await Expect(page.PageHeading()).ToHaveTextAsync(lang == "en" ? "Monthly reports" : "월간 보고서");
        (await page.Locator(".report-months a[data-month]").CountAsync()).ShouldBeGreaterThan(3);
        await session.CheckPageAsync($"insights-reports-{lang}");

        // Printing keeps the figures and tables and drops the filters and navigation.
        await page.GotoAsync($"/Insights/Impact?lang={lang}");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("form.insights-filters")).ToBeHiddenAsync();
        await Expect(page.Locator("nav.subnav")).ToBeHiddenAsync();
        await Expect(page.Locator("table.impact-offices")).ToBeVisibleAsync();
        await Expect(page.Locator("svg.impact-chart")).ToBeVisibleAsync();
    }
}
