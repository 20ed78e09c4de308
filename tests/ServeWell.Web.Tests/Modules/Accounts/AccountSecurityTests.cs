using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Accounts;

/// <summary>Sign-out that ends the session, sign-in that tells no one which accounts exist, return addresses that stay local (ADR-028).</summary>
public abstract class AccountSecurityTests(AppHost app)
{
    private const string WrongPassword = "not-the-password-at-all";

    [Fact]
    public async Task SignOut_CopiedCookie_NoLongerSignsIn()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        using var browser = await app.SignInAsync(email);
        var stolen = browser.AuthCookie!.Value;
        var page = await browser.GetPageAsync("/Accounts/SignOut");

        using var signedOut = await browser.SubmitAsync(page, "/Accounts/SignOut", new Dictionary<string, string>());
        using var replay = app.Anonymous();
        replay.Cookies.Add(StaffClient.BaseAddress, new Cookie("servewell.auth", stolen));
        using var profile = await replay.GetAsync("/Accounts/Profile");

        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        profile.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the cookie of a signed-out session must not open a page");
        profile.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/Accounts/SignIn");
    }

    [Fact]
    public async Task SignOut_OtherSessionOfTheSameAccount_StaysSignedIn()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        using var phone = await app.SignInAsync(email);
        using var desk = await app.SignInAsync(email);
        var page = await phone.GetPageAsync("/Accounts/SignOut");

        using var _ = await phone.SubmitAsync(page, "/Accounts/SignOut", new Dictionary<string, string>());
        using var profile = await desk.GetAsync("/Accounts/Profile");

        profile.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_LockedAccountAndUnknownAddress_AnswerAlike()
    {
        // Locked as another node would have locked it, so this node's own throttle has counted nothing.
        var email = await app.CreateAccountAsync(Roles.Employee);
        await app.UseAsync<UserManager<StaffUser>, IdentityResult>(async users =>
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddMinutes(15)));
        using var client = app.Anonymous();

        using var locked = await client.TrySignInAsync(email, Demo.Password);
        using var unknown = await client.TrySignInAsync(TestData.Unique("nobody.") + "@test.example", Demo.Password);

        var lockedMessage = (await Html.ParseAsync(locked)).Text(".error-summary");
        lockedMessage.ShouldNotBeNullOrWhiteSpace();
        lockedMessage.ShouldBe((await Html.ParseAsync(unknown)).Text(".error-summary"));
        locked.StatusCode.ShouldBe(unknown.StatusCode);
        client.AuthCookie.ShouldBeNull();
    }

    [Fact]
    public async Task SignIn_UnknownAddress_TakesAsLongAsAWrongPassword()
    {
        // Identity hashes the password only for an existing account; without the stand-in hash an unknown address
        // answered about ten times faster. Medians of a few tries, and a generous margin, for a noisy machine.
        using var client = app.Anonymous();
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var email = await app.CreateAccountAsync(Roles.Employee);
            known.Add(await TimeSignInAsync(client, email));
            unknown.Add(await TimeSignInAsync(client, TestData.Unique("nobody.") + "@test.example"));
        }

        Median(unknown).ShouldBeGreaterThan(Median(known) * 0.4, $"unknown: {string.Join(", ", unknown)} ms; known: {string.Join(", ", known)} ms");
    }

    [Fact]
    public async Task SignIn_ControlCharacterInReturnUrl_GoesHome()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        using var client = app.Anonymous();
        const string path = "/Accounts/SignIn?ReturnUrl=%2F%09%2Fevil.example";
        var page = await client.GetPageAsync(path);

        using var response = await client.SubmitAsync(page, path, new Dictionary<string, string> { ["Form.Email"] = email, ["Form.Password"] = Demo.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Culture_ControlCharacterInReturnUrl_GoesHome()
    {
        using var client = app.Anonymous();
        var page = await client.GetPageAsync("/Accounts/SignIn");

        var token = page.QuerySelector("form[action='/culture'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await client.Http.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["culture"] = "en", ["returnUrl"] = "/\t/evil.example",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    private static async Task<double> TimeSignInAsync(StaffClient client, string email)
    {
        const string path = "/Accounts/SignIn";
        var page = await client.GetPageAsync(path);
        var watch = Stopwatch.StartNew();
        using var response = await client.SubmitAsync(page, path, new Dictionary<string, string> { ["Form.Email"] = email, ["Form.Password"] = WrongPassword });
        watch.Stop();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

public sealed class AccountSecuritySqliteTests(SqliteApp app) : AccountSecurityTests(app), IClassFixture<SqliteApp>;

public sealed class AccountSecurityPostgresTests(PostgresApp app) : AccountSecurityTests(app), IClassFixture<PostgresApp>;
