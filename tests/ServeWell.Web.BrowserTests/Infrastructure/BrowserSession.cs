using System.Text.RegularExpressions;

namespace ServeWell.Web.BrowserTests.Infrastructure;

/// <summary>One test's browser: a context with its own cookies and a page, plus the checks every visited page gets.</summary>
public sealed partial class BrowserSession(IBrowserContext context, IPage page, Viewport viewport, bool javaScript, string test, BrowserFixture fixture) : IAsyncDisposable
{
    private int _shots;

    public IPage Page { get; } = page;

    public Viewport Viewport { get; } = viewport;

    /// <summary>What every page a test visits gets: a screenshot for people to look at, axe, and the width check (nothing cut off).</summary>
    public async Task CheckPageAsync(string what)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var file = $"{test}-{Viewport.Name}-{++_shots:00}-{Unsafe().Replace(what, "-")}.png";
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, file), FullPage = true });
        var label = $"{what} at {Viewport.Name} size";
        if (javaScript)
        {
            await CheckLoadedPageAsync(Page, label);
            return;
        }

        // axe and the layout checks are scripts, and a page without JavaScript never runs them (the wait for axe's
        // script tag hung the whole run). They run on a twin: the same HTML, its scripts taken out, so the twin
        // shows exactly what the script-less browser shows, in a context that may run the checks.
        var html = ScriptElement().Replace(await Page.ContentAsync(), "");
        var url = Page.Url;
        await using var twin = await fixture.NewContextAsync(Viewport);
        var twinPage = await twin.NewPageAsync();
        await twinPage.RouteAsync(u => u == url, route => route.FulfillAsync(new() { Body = html, ContentType = "text/html; charset=utf-8" }));
        await twinPage.GotoAsync(url);
        await twinPage.WaitForLoadStateAsync(LoadState.Load);
        await CheckLoadedPageAsync(twinPage, label + " without JavaScript");
    }

    private static async Task CheckLoadedPageAsync(IPage page, string label)
    {
        await AxeCheck.AssertAccessibleAsync(page, label);
        await PageLayout.AssertFitsAsync(page, label);
        await PageLayout.AssertChartTextReadableAsync(page, label);
    }

    /// <summary>Signs in through the sign-in page, as a person would, and waits for the home page.</summary>
    public async Task SignInAsync(string email, string password = DemoAccounts.Password)
    {
        await Page.GotoAsync("/Accounts/SignIn");

        // The empty sign-in page is the same for every test; it is checked the first time each screen size meets it.
        if (fixture.FirstVisit("sign-in", Viewport))
        {
            await CheckPageAsync("sign-in");
        }

        await FillSignInAsync(email, password);
        await Expect(Page).ToHaveURLAsync(new Regex(@"/$"));
        await Expect(Page.PageHeading()).ToContainTextAsync("What to do now");
    }

    /// <summary>Forgets the sign-in (the context's cookies), so the same browser context can sign in as someone else.</summary>
    public Task ForgetSignInAsync() => context.ClearCookiesAsync();

    /// <summary>Fills the sign-in form already on screen and presses "Sign in".</summary>
    public async Task FillSignInAsync(string email, string password)
    {
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>The links of the main navigation (those in closed areas too), opening the menu first on a phone.</summary>
    public async Task<IReadOnlyList<string>> MainNavigationLinksAsync()
    {
        var nav = Page.MainNavigation();
        // Until the stylesheet has loaded, the desktop navigation sits hidden in the closed phone menu; deciding then
        // clicks a "Menu" that the stylesheet hides a moment later (a flaky failure on a loaded runner).
        await Page.WaitForLoadStateAsync(LoadState.Load);
        if (!await nav.IsVisibleAsync())
        {
            await Page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        }

        await Expect(nav).ToBeVisibleAsync();

        // Links inside a closed area of the menu are not rendered, so they have no inner text: read their text content.
        var texts = await nav.Locator("a[href]").AllTextContentsAsync();
        return [.. texts.Select(t => t.Trim())];
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex Unsafe();

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();
}
