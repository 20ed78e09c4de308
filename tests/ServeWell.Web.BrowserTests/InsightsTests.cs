using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>Leadership opens Insights from the menu on a desktop and a phone: figures from the rollups, charts with tables, axe-clean.</summary>
[Collection(Collections.People)]
public sealed class InsightsTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Overview_AsLeadership_ShowsFiguresChartsAndTables(string viewport)
    {
        await using var session = await fixture.OpenAsync(Viewport.Named(viewport));
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Leader);
        (await session.MainNavigationLinksAsync()).ShouldContain("Insights");
        await page.GotoAsync("/Insights");

        // The demo answers were bulk-seeded; the rollup worker rebuilds them on its first look after start-up.
        var answers = page.Locator("[data-figure=answers]");
        var started = DateTime.UtcNow;
        while ((await answers.TextContentAsync())?.Trim() == "0" && DateTime.UtcNow - started < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }

        (await answers.TextContentAsync())!.Trim().ShouldNotBe("0");
        await Expect(page.PageHeading()).ToHaveTextAsync("Insights");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "By office" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "By service" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "By channel" })).ToBeVisibleAsync();
        (await page.Locator("svg.stack-bar").CountAsync()).ShouldBeGreaterThan(5);
        await session.CheckPageAsync("insights-overview");
        await AssertNoSidewaysScrollingAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Most problematic services", Exact = true }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Most problematic services");
        await Expect(page.GetByText("Wilson lower bound", new() { Exact = false }).First).ToBeVisibleAsync();
        (await page.Locator("table.problem-services tbody tr").CountAsync()).ShouldBeGreaterThan(3);
        await session.CheckPageAsync("insights-problem-services");
        await AssertNoSidewaysScrollingAsync(page);
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], $"the page at {page.Url} scrolls sideways");
    }
}
