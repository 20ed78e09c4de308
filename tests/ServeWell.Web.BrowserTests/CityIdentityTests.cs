using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>The administrator gives the city its colour and logo (ADR-038); the header shows them at once, on a phone too.</summary>
[Collection(Collections.Accounts)]
public sealed class CityIdentityTests(BrowserFixture fixture)
{
    // A 40 × 40 green PNG, so the test needs no file on disk.
    private static readonly byte[] Logo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAACgAAAAoCAIAAAADnC86AAAAMElEQVR4nO3NQQkAAAgEsMtiChta2xKCn8H+S02/iFgsFovFYrFYLBaLxWKxWHxnAQl4foy2WuQEAAAAAElFTkSuQmCC");

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Save_ColourAndLogo_ShowsANoticeTheLogoAndTheColourInTheHeader(string viewport)
    {
        await using var session = await fixture.OpenAsync(Viewport.Named(viewport));
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Administrator);
        await page.GotoAsync("/Admin/City");
        await session.CheckPageAsync("city-identity");

        await page.GetByLabel("Green", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Logo", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Logo });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The city's identity is saved.");
        await Expect(page.Locator(".brand img.logo")).ToBeVisibleAsync();
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--krds-color-light-primary-50').trim()")).ShouldBe("#228738");
        await session.CheckPageAsync("city-identity-saved");

        // Back to the default colour and no logo, so the other tests of this app see the city as configured.
        await page.GetByLabel("KRDS blue", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Remove the logo", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator(".brand img.logo")).ToHaveCountAsync(0);
    }
}
