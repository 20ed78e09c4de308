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

    /// <summary>The value shown for a term in the main content's description lists ("Position" → "주무관").</summary>
    public static ILocator FactValue(this IPage page, string term) =>
        page.GetByRole(AriaRole.Main).Locator("dt", new() { HasTextRegex = new Regex($"^{Regex.Escape(term)}$") }).Locator("xpath=following-sibling::dd[1]");
}
