using System.Text.RegularExpressions;
using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

[Collection(BrowserCollection.Name)]
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
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Accounts/SignIn"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await session.CheckPageAsync("sign-in");

        await session.FillSignInAsync(DemoAccounts.Instructor, "not-the-password-at-all");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right.");
        await session.CheckPageAsync("sign-in-error");

        await session.FillSignInAsync(DemoAccounts.Instructor, DemoAccounts.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Demo Instructor");
        await session.CheckPageAsync("home");
    }
}
