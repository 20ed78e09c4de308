using System.Text.RegularExpressions;
using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

[Collection(Collections.Accounts)]
public sealed class SignInTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task SignIn_WrongThenRightPassword_ShowsAlertThenWelcomesByName(string screen)
    {
        await using var session = await fixture.OpenAsync(Viewport.Named(screen));
        var page = session.Page;

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Accounts/SignIn"));
        await Expect(page.PageHeading()).ToHaveTextAsync("Sign in");
        await session.CheckPageAsync("sign-in");

        // The first Tab reaches the skip link, and following it puts the keyboard in the main content.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skip).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();

        await session.FillSignInAsync(DemoAccounts.Instructor, "not-the-password-at-all");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right.");
        await session.CheckPageAsync("sign-in-error");

        await session.FillSignInAsync(DemoAccounts.Instructor, DemoAccounts.Password);
        await Expect(page).ToHaveURLAsync(new Regex(@":\d+/(#main)?$")); // the skip link's #main survives the redirect
        await Expect(page.PageHeading()).ToContainTextAsync("Demo Instructor");
        await session.CheckPageAsync("home");
    }
}
