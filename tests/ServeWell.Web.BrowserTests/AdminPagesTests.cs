using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>The administrator's pages open from the main navigation and pass axe.</summary>
[Collection(Collections.Accounts)]
public sealed class AdminPagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("Accounts", "/Admin/Users", "Accounts")]
    [InlineData("API keys", "/Admin/ApiKeys", "API keys")]
    [InlineData("Audit log", "/Admin/Audit", "Audit log")]
    [InlineData("Outbox", "/Admin/Outbox", "Outbox")]
    [InlineData("City identity", "/Admin/City", "City identity")]
    public async Task AdminPage_AsAdministrator_OpensFromNavigationWithItsHeading(string link, string path, string heading)
    {
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Administrator);

        (await session.MainNavigationLinksAsync()).ShouldContain(link);
        await page.FollowMainNavigationAsync(link);

        // The click has waited for the navigation (and any redirect) to finish, so the address is final.
        new Uri(page.Url).AbsolutePath.ShouldBe(path, $"the administrator should land on {path}, not {page.Url}");
        await Expect(page.PageHeading()).ToHaveTextAsync(heading);
        await session.CheckPageAsync(path.Trim('/').Replace('/', '-'));
    }
}
