using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>Leadership clicks a figure on the overview and lands on the answers behind it; trends and comments pass axe, on a desktop and a phone.</summary>
[Collection(Collections.People)]
public sealed class InsightsExploreTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Leadership_ClicksAFigure_LandsOnTheAnswersBehindIt_TrendsAndCommentsPassAxe(string viewport)
    {
        await using var session = await fixture.OpenAsync(Viewport.Named(viewport));
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Leader);
        await page.GotoAsync("/Insights");

        // The demo answers were bulk-seeded; the rollup worker rebuilds them on its first look after start-up.
        var answers = page.Locator("[data-figure=dissatisfied] a");
        var started = DateTime.UtcNow;
        while (await page.Locator("[data-figure=answers]").TextContentAsync() is { } text && text.Trim() == "0" && DateTime.UtcNow - started < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }

        await answers.ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Answers behind the figures");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Score band" })).ToHaveValueAsync("dissatisfied");
        var rows = page.Locator("table.answers tbody tr");
        // The browser app seeds 300 answers, so the dissatisfied ones of the last twelve months fit on one page.
        (await rows.CountAsync()).ShouldBeInRange(1, 50);
        var overall = await page.Locator("table.answers tbody tr td.num").AllTextContentsAsync();
        overall.ShouldAllBe(o => o.Trim() == "1" || o.Trim() == "2");
        await session.CheckPageAsync("insights-answers");
        await AssertNoSidewaysScrollingAsync(page);

        // All answers of the period: more than a page, so the next page is linked.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Score band" }).SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        (await rows.CountAsync()).ShouldBe(50);
        await page.GetByRole(AriaRole.Link, new() { Name = "Older answers" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Newest answers" })).ToBeVisibleAsync();
        (await rows.CountAsync()).ShouldBeInRange(1, 50);

        await page.GetByRole(AriaRole.Link, new() { Name = "Trends", Exact = true }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Trends");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Trends" })).ToBeVisibleAsync();
        await Expect(page.GetByText("two-proportion z-test", new() { Exact = false }).First).ToBeVisibleAsync();
        (await page.Locator("svg.line-chart polyline.current").CountAsync()).ShouldBe(1);
        await session.CheckPageAsync("insights-trends");
        await AssertNoSidewaysScrollingAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "What unhappy citizens write", Exact = true }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("What unhappy citizens write");
        // 300 demo answers hold few unhappy comments: the terms table, or the plain statement that no word recurs.
        await Expect(page.Locator("table.comment-terms, p:has-text('No word recurs')").First).ToBeVisibleAsync();
        await session.CheckPageAsync("insights-comments");
        await AssertNoSidewaysScrollingAsync(page);
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], $"the page at {page.Url} scrolls sideways");
    }
}
