using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>The administrator's pages open from the main navigation and pass axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("Accounts", "/Admin/Users", "Accounts")]
    [InlineData("API keys", "/Admin/ApiKeys", "API keys")]
    [InlineData("Audit log", "/Admin/Audit", "Audit log")]
    [InlineData("Outbox", "/Admin/Outbox", "Outbox")]
    public async Task AdminPage_AsAdministrator_OpensFromNavigationWithItsHeading(string link, string path, string heading)
    {
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Administrator);

        (await session.MainNavigationLinksAsync()).ShouldContain(link);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();

        // The click has waited for the navigation (and any redirect) to finish, so the address is final.
        new Uri(page.Url).AbsolutePath.ShouldBe(path, $"the administrator should land on {path}, not {page.Url}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await session.CheckPageAsync(path.Trim('/').Replace('/', '-'));
    }
}
