using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.BrowserTests;

[Collection(Collections.Accounts)]
public sealed class LanguageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task LanguageButton_Korean_SwitchesTheUiAndIsRemembered()
    {
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        var html = page.Locator("html");
        var heading = page.PageHeading();
        await page.GotoAsync("/Accounts/SignIn");
        await Expect(html).ToHaveAttributeAsync("lang", "en");

        await page.GetByRole(AriaRole.Button, new() { Name = "한국어", Exact = true }).ClickAsync();

        await Expect(html).ToHaveAttributeAsync("lang", "ko");
        await Expect(heading).ToHaveTextAsync(KoreanSignInHeading());
        await session.CheckPageAsync("sign-in-korean");

        // The next page load remembers the choice, and offers the way back in its own language.
        await page.GotoAsync("/Accounts/ForgotPassword");
        await Expect(html).ToHaveAttributeAsync("lang", "ko");
        var english = page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true });
        await Expect(english).ToHaveAttributeAsync("lang", "en");
        await session.CheckPageAsync("forgot-password-korean");

        await english.ClickAsync();
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await Expect(heading).ToHaveTextAsync("Reset your password");
    }

    /// <summary>
    /// "로그인" once the Korean texts are in SharedResource.ko.resx. Until then the app shows the English key, and
    /// so does this expectation: the test follows the app's own localizer rather than guessing.
    /// </summary>
    private string KoreanSignInHeading()
    {
        var localizer = fixture.Server.Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SharedResource));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("ko");
        try
        {
            var text = localizer["Sign in"];
            if (!text.ResourceNotFound)
            {
                text.Value.ShouldBe("로그인", "the Korean sign-in heading");
            }

            return text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
