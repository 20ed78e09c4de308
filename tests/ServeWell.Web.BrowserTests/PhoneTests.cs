using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>On a phone (390 × 844) the pages reflow: no sideways scrolling, and the menu opens from its button.</summary>
[Collection(Collections.People)]
public sealed class PhoneTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EmployeeList_OnPhone_OpensFromMenuAndFitsTheScreen()
    {
        await using var session = await fixture.OpenAsync(Viewport.Phone);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.TrainingOfficer);
        await session.CheckPageAsync("home");
        await AssertNoSidewaysScrollingAsync(page);
        var nav = page.MainNavigation();
        await Expect(nav).ToBeHiddenAsync();

        (await session.MainNavigationLinksAsync()).ShouldContain("Employees");
        await session.CheckPageAsync("home-menu-open");
        await page.FollowMainNavigationAsync("Employees");

        await Expect(page.PageHeading()).ToHaveTextAsync("Employees");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Employees" })).ToBeVisibleAsync();
        await session.CheckPageAsync("employees");
        await AssertNoSidewaysScrollingAsync(page);
    }

    /// <summary>WCAG 1.4.10 Reflow: the page itself never scrolls sideways; only a wide table may, inside its own box.</summary>
    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, viewportWidth) = (widths[0], widths[1]);
        scrollWidth.ShouldBeLessThanOrEqualTo(viewportWidth, $"the page at {page.Url} scrolls sideways on a phone");
    }
}
