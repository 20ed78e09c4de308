using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ServeWell.Web.BrowserTests.Infrastructure;

/// <summary>
/// One running app and one headless Chromium, shared by the tests of a collection. Each test opens its own
/// browser context (its own cookies), so tests never see each other's sign-ins.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The system Chromium (apt package); Playwright's own download does not work on these machines.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("SERVEWELL_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private readonly ConcurrentDictionary<string, bool> _visited = new(StringComparer.Ordinal);

    private IPlaywright? _playwright;

    public ServeWellServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>SCREENSHOT_DIR, or a folder per test run under the temp folder so old pictures never mix with new ones.</summary>
    public string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Path.GetTempPath(), "servewell-screenshots", RunStarted.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));

    private static readonly DateTime RunStarted = DateTime.Now;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        // Chromium first: when it is missing, every test fails at once with the reason, before the app is started.
        Browser = await LaunchChromiumAsync();
        Server.Start();
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A fresh browser context (no cookies) with one page, at the given screen size; optionally with JavaScript off.</summary>
    public async Task<BrowserSession> OpenAsync(Viewport viewport, bool javaScript = true, [CallerMemberName] string test = "")
    {
        var context = await NewContextAsync(viewport, javaScript);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, viewport, javaScript, test, this);
    }

    /// <summary>A browser context at the given screen size, in Seoul's time, with the default timeout every test relies on.</summary>
    public async Task<IBrowserContext> NewContextAsync(Viewport viewport, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            Locale = "en-GB",
            TimezoneId = "Asia/Seoul",
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>True the first time a page that never changes is met at a screen size, so it is checked once, not in every test.</summary>
    public bool FirstVisit(string page, Viewport viewport) => _visited.TryAdd($"{page}@{viewport.Name}", true);

    private async Task<IBrowser> LaunchChromiumAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ChromiumPath}, and it is not there. Install it with `apt-get install -y chromium` " +
                "(never `playwright install`), or point SERVEWELL_CHROMIUM at a Chromium binary.");
        }

        try
        {
            _playwright = await Playwright.CreateAsync();
            return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                // Without the background-networking switches Chromium keeps calling home, and the closed network here refuses it.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }
        catch (Exception ex) when (ex is PlaywrightException or InvalidOperationException or IOException)
        {
            throw new InvalidOperationException($"Chromium at {ChromiumPath} could not be launched for the browser tests: {ex.Message}", ex);
        }
    }
}

/// <summary>
/// Test collections. Each gets its own app, database and Chromium; tests in one collection run one after another,
/// the collections run side by side (the machine has cores to spare while a page loads or axe runs).
/// </summary>
public static class Collections
{
    public const string People = "Browser: people";
    public const string Accounts = "Browser: accounts";

    /// <summary>For tests that change a demo account's password, so that everyone else still signs in with the demo password.</summary>
    public const string PasswordChange = "Browser: password change";

    public const string Feedback = "Browser: feedback";
}

[CollectionDefinition(Collections.People)]
public sealed class PeopleCollection : ICollectionFixture<BrowserFixture>;

[CollectionDefinition(Collections.Accounts)]
public sealed class AccountsCollection : ICollectionFixture<BrowserFixture>;

[CollectionDefinition(Collections.PasswordChange)]
public sealed class PasswordChangeCollection : ICollectionFixture<BrowserFixture>;

[CollectionDefinition(Collections.Feedback)]
public sealed class FeedbackCollection : ICollectionFixture<BrowserFixture>;
