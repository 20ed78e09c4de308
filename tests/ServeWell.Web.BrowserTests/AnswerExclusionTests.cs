using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// An administrator excludes an answer from the drill-down (a reason, a note, the confirmation dialog), finds it again
/// with "Show excluded answers", marked with reason, who and when, and restores it; axe on each page, at phone width.
/// </summary>
[Collection(Collections.People)]
public sealed class AnswerExclusionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Administrator_ExcludesAnAnswerFromTheDrillDown_ThenRestoresIt()
    {
        await using var session = await fixture.OpenAsync(Viewport.Phone);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Administrator);
        await page.GotoAsync("/Insights/Answers");
        await Expect(page.PageHeading()).ToHaveTextAsync("Answers behind the figures");
        var first = page.Locator("table.answers tbody tr").First;
        var id = await first.GetAttributeAsync("data-answer");
        id.ShouldNotBeNullOrEmpty();
        var row = page.Locator($"tr[data-answer='{id}']");

        // With JavaScript the confirmation opens as a dialog over the list (ADR-039), focus on its first field.
        await row.GetByRole(AriaRole.Link, new() { Name = "Exclude answer of", Exact = false }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Exclude an answer from the figures" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("Reason")).ToBeFocusedAsync();
        await session.CheckPageAsync("answer-exclusion");
        await AssertNoSidewaysScrollingAsync(page);
        await dialog.GetByLabel("Reason").SelectOptionAsync("spam");
        await dialog.GetByLabel("Note (optional)").FillAsync("The same text from one kiosk all afternoon.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Exclude this answer" }).ClickAsync();

        // Back on the drill-down: the answer no longer counts, so it is not listed.
        await Expect(page.PageHeading()).ToHaveTextAsync("Answers behind the figures");
        await Expect(row).ToHaveCountAsync(0);

        await page.GetByLabel("Show excluded answers").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(row.Locator("[data-excluded]")).ToContainTextAsync("Excluded: Spam, by ");
        await session.CheckPageAsync("answers-with-excluded");
        await AssertNoSidewaysScrollingAsync(page);

        await row.GetByRole(AriaRole.Button, new() { Name = "Restore answer of", Exact = false }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Answers behind the figures");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-excluded]")).ToHaveCountAsync(0);
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Exclude answer of", Exact = false })).ToBeVisibleAsync();
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], $"the page at {page.Url} scrolls sideways");
    }
}
