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

        messages.Take(4).ShouldAllBe(m => m.Contains("The email or password is not right."));
        messages[4].ShouldContain("This account is locked after too many failed attempts");
        rightPassword.StatusCode.ShouldBe(HttpStatusCode.OK, "a locked account must not sign in even with the right password");
        (await Html.ParseAsync(rightPassword)).Text(".error-summary").ShouldContain("locked");
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
