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

    public string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "servewell-screenshots");

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        Server.Start();
        Browser = await LaunchChromiumAsync();
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

    /// <summary>A fresh browser context (no cookies) with one page, at the given screen size.</summary>
    public async Task<BrowserSession> OpenAsync(Viewport viewport, [CallerMemberName] string test = "")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            Locale = "en-GB",
            TimezoneId = "Asia/Seoul",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, viewport, test, this);
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

/// <summary>The tests that share one app and one browser. They run one after another, each in its own context.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>Tests that change a demo account's password get their own app and database, so others still sign in with the demo password.</summary>
[CollectionDefinition(Name)]
public sealed class PasswordChangingBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser, own database";
}
