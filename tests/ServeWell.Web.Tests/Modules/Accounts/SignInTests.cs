using System.Net;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Accounts;

public abstract class SignInTests(AppHost app)
{
    private const string WrongPassword = "not-the-password-at-all";

    [Fact]
    public async Task SignIn_RightPassword_RedirectsHomeWithAuthCookie()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        using var client = app.Anonymous();

        using var response = await client.TrySignInAsync(email, Demo.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        client.AuthCookie.ShouldNotBeNull();
        using var profile = await client.GetAsync("/Accounts/Profile");
        profile.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksAccount()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        using var client = app.Anonymous();

        var messages = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await client.TrySignInAsync(email, WrongPassword);
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
            messages.Add((await Html.ParseAsync(failed)).Text(".error-summary"));
        }

        using var rightPassword = await client.TrySignInAsync(email, Demo.Password);

        // One message for every failure (it names the lockout), so it never tells which accounts exist (ADR-028).
        messages.ShouldAllBe(m => m.Contains("The email or password is not right.") && m.Contains("locked for 15 minutes"));
        rightPassword.StatusCode.ShouldNotBe(HttpStatusCode.Redirect, "a locked account must not sign in even with the right password");
        (await Html.ParseAsync(rightPassword)).Text(".error-summary").ShouldNotBeNullOrWhiteSpace();
        client.AuthCookie.ShouldBeNull();
    }

    [Fact]
    public async Task SignIn_UnknownEmail_ShowsSameMessageAsWrongPassword()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        using var client = app.Anonymous();

        using var unknown = await client.TrySignInAsync(TestData.Unique("nobody.") + "@test.example", WrongPassword);
        using var wrong = await client.TrySignInAsync(email, WrongPassword);

        var unknownMessage = (await Html.ParseAsync(unknown)).Text(".error-summary");
        unknownMessage.ShouldNotBeNullOrWhiteSpace();
        unknownMessage.ShouldBe((await Html.ParseAsync(wrong)).Text(".error-summary"));
    }
}

public sealed class SignInSqliteTests(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInPostgresTests(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
