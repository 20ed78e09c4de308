using System.Text.RegularExpressions;

namespace ServeWell.Web.BrowserTests.Infrastructure;

/// <summary>The parts of a ServeWell page a person looks for, found the way assistive technology finds them.</summary>
public static class PageParts
{
    /// <summary>The page's one level-1 heading.</summary>
    public static ILocator PageHeading(this IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The navigation landmark named "Main".</summary>
    public static ILocator MainNavigation(this IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    /// <summary>A link of the main navigation, by its exact text.</summary>
    public static ILocator MainNavigationLink(this IPage page, string text) =>
        page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = text, Exact = true });

    /// <summary>
    /// Follows a link of the main navigation as a person does (ADR-034): on a phone opens the menu, opens the link's
    /// area when it sits in one, then clicks the link.
    /// </summary>
    public static async Task FollowMainNavigationAsync(this IPage page, string text)
    {
        var nav = page.MainNavigation();
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (!await nav.IsVisibleAsync())
        {
            await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        }

        var link = page.MainNavigationLink(text);
        if (!await link.IsVisibleAsync())
        {
            await nav.Locator("details").Filter(new() { Has = link }).Locator("summary").ClickAsync();
        }

        await link.ClickAsync();
    }

    /// <summary>The value shown for a term in the main content's description lists ("Position" → "주무관").</summary>
    public static ILocator FactValue(this IPage page, string term) =>
        page.GetByRole(AriaRole.Main).Locator("dt", new() { HasTextRegex = new Regex($"^{Regex.Escape(term)}$") }).Locator("xpath=following-sibling::dd[1]");
}
