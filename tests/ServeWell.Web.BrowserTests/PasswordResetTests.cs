using System.Text.RegularExpressions;
using MimeKit;
using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>Changes the demo employee's password, so it runs against its own app and database.</summary>
[Collection(Collections.PasswordChange)]
public sealed partial class PasswordResetTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ForgotPassword_LinkFromTheMail_SetsANewPasswordThatSignsIn()
    {
        const string newPassword = "a quiet morning at the counter";
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await page.GotoAsync("/Accounts/SignIn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Reset your password");
        await session.CheckPageAsync("forgot-password");

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(DemoAccounts.Employee);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("we have sent it a link");
        await session.CheckPageAsync("forgot-password-sent");

        // The mail is written before the page answers, so it is already in the folder.
        var link = await ResetLinkAsync(DemoAccounts.Employee);
        link.ShouldStartWith(fixture.Server.BaseAddress.ToString().TrimEnd('/') + "/Accounts/ResetPassword?");
        await page.GotoAsync(link);
        await Expect(page.PageHeading()).ToHaveTextAsync("Choose a new password");
        await session.CheckPageAsync("reset-password");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Repeat the new password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password has been changed.");
        await session.CheckPageAsync("reset-password-done");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await session.FillSignInAsync(DemoAccounts.Employee, DemoAccounts.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right.");
        await session.FillSignInAsync(DemoAccounts.Employee, newPassword);
        await Expect(page).ToHaveURLAsync(new Regex(@"/$"));
        await Expect(page.PageHeading()).ToContainTextAsync("Demo Employee");
        await session.CheckPageAsync("home");
    }

    /// <summary>The reset link in the newest mail to <paramref name="to"/>; the outbox worker writes it within seconds (ADR-031).</summary>
    private async Task<string> ResetLinkAsync(string to)
    {
        var files = new List<string>();
        for (var started = DateTime.UtcNow; DateTime.UtcNow - started < TimeSpan.FromSeconds(30); await Task.Delay(250))
        {
            files = Directory.GetFiles(fixture.Server.MailFolder, "*.eml").Order(StringComparer.Ordinal).ToList();
            foreach (var file in files.AsEnumerable().Reverse())
            {
                using var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                {
                    var match = Link().Match(message.TextBody ?? "");
                    match.Success.ShouldBeTrue($"the reset mail to {to} holds a link:\n{message.TextBody}");
                    return match.Value;
                }
            }
        }

        throw new ShouldAssertException($"No mail to {to} among {files.Count} in {fixture.Server.MailFolder}.");
    }

    [GeneratedRegex(@"https?://\S+/Accounts/ResetPassword\?\S+")]
    private static partial Regex Link();
}
