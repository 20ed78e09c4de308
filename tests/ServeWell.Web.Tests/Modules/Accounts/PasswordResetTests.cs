using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Accounts;

/// <summary>The reset mail goes to the fixture's mail folder as an .eml file; the test follows its link like a person would.</summary>
public abstract partial class PasswordResetTests(AppHost app)
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task ForgotPassword_KnownEmail_MailsLinkThatResetsThePassword()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        using var client = app.Anonymous();

        var confirmation = await RequestResetAsync(client, email);
        var link = await ResetLinkForAsync(email);
        var resetPage = await client.GetPageAsync(link);
        using var reset = await client.SubmitAsync(resetPage, link, new Dictionary<string, string>
        {
            ["Form.Password"] = NewPassword, ["Form.Confirm"] = NewPassword,
        });
        var done = await Html.ParseAsync(reset);

        confirmation.ShouldContain("If an account uses that address");
        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        done.Text("p[role=status]").ShouldContain("Your password has been changed");
        using var other = app.Anonymous();
        using var oldPassword = await other.TrySignInAsync(email, Demo.Password);
        oldPassword.StatusCode.ShouldBe(HttpStatusCode.OK, "the old password must no longer sign in");
        using var newPassword = await other.TrySignInAsync(email, NewPassword);
        newPassword.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the new password signs in");
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_ShowsSameConfirmationAndSendsNothing()
    {
        var known = await app.CreateAccountAsync(Roles.Employee);
        using var client = app.Anonymous();
        var knownConfirmation = await RequestResetAsync(client, known);
        var mailsBefore = (await app.MailFilesAsync()).Length;

        var unknownConfirmation = await RequestResetAsync(client, TestData.Unique("nobody.") + "@test.example");

        unknownConfirmation.ShouldNotBeNullOrWhiteSpace();
        unknownConfirmation.ShouldBe(knownConfirmation);
        (await app.MailFilesAsync()).Length.ShouldBe(mailsBefore);
    }

    [Fact]
    public async Task ResetPassword_TamperedCode_IsRefused()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        using var client = app.Anonymous();
        await RequestResetAsync(client, email);
        var link = await ResetLinkForAsync(email);
        var tampered = link[..^4] + "AAAA";
        var page = await client.GetPageAsync(tampered);

        using var reset = await client.SubmitAsync(page, tampered, new Dictionary<string, string>
        {
            ["Form.Password"] = NewPassword, ["Form.Confirm"] = NewPassword,
        });

        (await Html.ParseAsync(reset)).Text(".error-summary").ShouldContain("This link is not valid any more");
        using var other = app.Anonymous();
        using var oldPassword = await other.TrySignInAsync(email, Demo.Password);
        oldPassword.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the old password still signs in");
    }

    [Fact]
    public async Task ForgotPassword_ForgedHostHeader_LinkStillPointsToThePublicUrl()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        var instance = app.StartInstance(new Dictionary<string, string?> { ["PublicUrl"] = "https://servewell.example.go.kr/" });
        using var client = app.Anonymous(instance);
        client.Http.DefaultRequestHeaders.Host = "attacker.example";

        await RequestResetAsync(client, email);

        var link = await FullResetLinkForAsync(email);
        link.ShouldStartWith("https://servewell.example.go.kr/Accounts/ResetPassword?");
        link.ShouldNotContain("attacker");
    }

    private static async Task<string> RequestResetAsync(StaffClient client, string email)
    {
        const string path = "/Accounts/ForgotPassword";
        var page = await client.GetPageAsync(path);
        using var response = await client.SubmitAsync(page, path, new Dictionary<string, string> { ["Email"] = email });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await Html.ParseAsync(response)).Text("p[role=status]");
    }

    /// <summary>The path and query of the reset link in the one mail sent to <paramref name="email"/>.</summary>
    private async Task<string> ResetLinkForAsync(string email) => new Uri(await FullResetLinkForAsync(email)).PathAndQuery;

    private async Task<string> FullResetLinkForAsync(string email)
    {
        var mails = new List<MimeMessage>();
        foreach (var file in await app.MailFilesAsync())
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == email))
            {
                mails.Add(message);
            }
        }

        var mail = mails.ShouldHaveSingleItem($"one reset mail to {email} in {app.MailFolder}");
        var link = ResetLink().Match(mail.TextBody ?? "");
        link.Success.ShouldBeTrue(mail.TextBody);
        return link.Value;
    }

    [GeneratedRegex(@"https?://\S+/Accounts/ResetPassword\?\S+")]
    private static partial Regex ResetLink();
}

public sealed class PasswordResetSqliteTests(SqliteApp app) : PasswordResetTests(app), IClassFixture<SqliteApp>;

public sealed class PasswordResetPostgresTests(PostgresApp app) : PasswordResetTests(app), IClassFixture<PostgresApp>;
