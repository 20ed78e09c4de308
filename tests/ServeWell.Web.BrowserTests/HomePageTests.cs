using System.Text.RegularExpressions;
using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// Every demo role lands on its home page (ADR-036) in Korean and in English, at 1280 and 390 px: axe finds nothing
/// serious, and a screenshot of each is kept as artifacts/screenshots/&lt;role&gt;-&lt;lang&gt;-&lt;width&gt;.png in the test
/// output folder. One browser context per screen size signs in as each role in turn; the language is chosen per
/// request (?lang=), so no demo account's own language is changed for the other tests.
/// </summary>
[Collection(Collections.Accounts)]
public sealed class HomePageTests(BrowserFixture fixture)
{
    private static readonly (string Role, string Email)[] Roles =
    [
        ("administrator", DemoAccounts.Administrator), ("training-officer", DemoAccounts.TrainingOfficer), ("instructor", DemoAccounts.Instructor),
        ("supervisor", DemoAccounts.Supervisor), ("leadership", DemoAccounts.Leader), ("employee", DemoAccounts.Employee),
    ];

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Home_AsEachDemoRole_InKoreanAndEnglish_IsAccessibleAndSaved(string screen)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await using var session = await fixture.OpenAsync(Viewport.Named(screen));
        var page = session.Page;
        foreach (var (role, email) in Roles)
        {
            await session.SignInAsync(email);
            foreach (var (lang, heading) in new[] { ("ko", "지금 할 일"), ("en", "What to do now") })
            {
                await page.GotoAsync($"/?lang={lang}");
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
                await Expect(page.PageHeading()).ToContainTextAsync(heading);
                await Expect(page.Locator("main section[data-section]").First).ToBeVisibleAsync();
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(ScreenshotFolder, $"{role}-{lang}-{session.Viewport.Width}.png"), FullPage = true,
                });
                await AxeCheck.AssertAccessibleAsync(page, $"the {role} home page in {lang} at {session.Viewport.Width} px");
            }

            await session.ForgetSignInAsync();
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/Accounts/SignIn"));
        }
    }

    /// <summary>
    /// The main page of each area (issue 13's proof), read by the role that works there, in Korean and in English at
    /// the screen size: each gets the checks every visited page gets (a screenshot, axe, nothing wider than the screen,
    /// chart text at least 11 px).
    /// </summary>
    private static readonly (string Area, string Email, string Path)[] AreaPages =
    [
        ("my-training", DemoAccounts.Employee, "/Training/My"),
        ("training-programmes", DemoAccounts.TrainingOfficer, "/Training/Programmes"),
        ("training-compliance", DemoAccounts.TrainingOfficer, "/Training/Compliance"),
        ("my-sessions", DemoAccounts.Instructor, "/Training/Sessions/Mine"),
        ("touchpoints", DemoAccounts.Administrator, "/Feedback/Touchpoints"),
        ("follow-ups", DemoAccounts.Supervisor, "/FollowUps"),
        ("insights", DemoAccounts.Leader, "/Insights"),
        ("employees", DemoAccounts.Administrator, "/People/Employees"),
        ("audit-log", DemoAccounts.Administrator, "/Admin/Audit"),
        ("practice", DemoAccounts.Employee, "/Practice"),
        ("staff-protection", DemoAccounts.Employee, "/Protection"),
        ("log-an-encounter", DemoAccounts.Employee, "/Protection/Log"),
        ("scenarios", DemoAccounts.TrainingOfficer, "/Practice/Scenarios"),
        ("award-rounds", DemoAccounts.TrainingOfficer, "/Recognition/Rounds"),
        ("practice-team", DemoAccounts.Supervisor, "/Practice/Team"),
        ("insights-practice", DemoAccounts.Leader, "/Insights/Practice"),
        ("insights-protection", DemoAccounts.Leader, "/Insights/Protection"),
        ("insights-awards", DemoAccounts.Leader, "/Insights/Awards"),
        ("protection-officers", DemoAccounts.Administrator, "/Protection/Officers"),
    ];

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task MainPageOfEachArea_InKoreanAndEnglish_IsAccessibleAndFits(string screen)
    {
        await using var session = await fixture.OpenAsync(Viewport.Named(screen));
        var page = session.Page;
        foreach (var group in AreaPages.GroupBy(a => a.Email))
        {
            await session.SignInAsync(group.Key);
            foreach (var (area, _, path) in group)
            {
                foreach (var lang in new[] { "ko", "en" })
                {
                    var response = await page.GotoAsync($"{path}?lang={lang}");
                    Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
                    await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
                    await Expect(page.PageHeading()).ToBeVisibleAsync();
                    await session.CheckPageAsync($"{area}-{lang}");
                }
            }

            await session.ForgetSignInAsync();
        }
    }
}
