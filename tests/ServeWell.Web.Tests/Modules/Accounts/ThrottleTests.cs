using System.Net;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Accounts;

/// <summary>
/// Sign-in failures and reset requests are limited per client address and per e-mail address, and only a trusted
/// proxy may say which address a client has (ADR-028). On a real socket, so the client address is real: the
/// socket's peer is 127.0.0.1, a trusted proxy by default, and each test names its own client in X-Forwarded-For.
/// </summary>
public abstract class ThrottleTests(AppHost app)
{
    private const string WrongPassword = "not-the-password-at-all";

    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["Security:Throttle:SignInFailuresPerAccount"] = "3",
        ["Security:Throttle:SignInFailuresPerAddress"] = "4",
        ["Security:Throttle:ResetRequestsPerAccount"] = "2",
        ["Security:Throttle:ResetRequestsPerAddress"] = "3",
    };

    private readonly Lazy<Uri> _server = new(() => app.StartSocketInstance(Limits).Address);

    [Fact]
    public async Task SignIn_TooManyFailuresForOneAccount_RefusedFromAnyAddressEvenWithTheRightPassword()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        for (var i = 0; i < 3; i++)
        {
            using var failed = await SignInAsync(NewAddress(), email, WrongPassword);
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await SignInAsync(NewAddress(), email, Demo.Password);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await Html.ParseAsync(refused)).Text(".error-summary").ShouldContain("Too many failed sign-ins. Wait");
    }

    [Fact]
    public async Task SignIn_UnknownAddressesTooOften_ThrottledLikeRealOnes()
    {
        var unknown = TestData.Unique("nobody.") + "@test.example";
        for (var i = 0; i < 3; i++)
        {
            using var failed = await SignInAsync(NewAddress(), unknown, WrongPassword);
        }

        using var refused = await SignInAsync(NewAddress(), unknown, WrongPassword);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task SignIn_TooManyFailuresFromOneAddress_RefusedForEveryAccount()
    {
        var client = NewAddress();
        for (var i = 0; i < 4; i++)
        {
            using var failed = await SignInAsync(client, TestData.Unique("nobody.") + "@test.example", WrongPassword);
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await SignInAsync(client, await app.CreateAccountAsync(Roles.Employee), Demo.Password);
        using var elsewhere = await SignInAsync(NewAddress(), await app.CreateAccountAsync(Roles.Employee), Demo.Password);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Redirect, "another address is not affected");
    }

    [Fact]
    public async Task ForgotPassword_TooManyForOneEmail_RefusedWithAMessage()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await ForgotAsync(NewAddress(), email);
            answers.Add(response.StatusCode);
            if (i == 2)
            {
                var page = await Html.ParseAsync(response);
                page.Text("#email-error").ShouldContain("Too many requests for a reset link. Wait");
                page.QuerySelector("[role=status]").ShouldBeNull("no link is sent, so the page must not say one was");
            }
        }

        answers.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task ForgotPassword_TooManyFromOneAddress_Refused()
    {
        var client = NewAddress();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await ForgotAsync(client, TestData.Unique("nobody.") + "@test.example");
            answers.Add(response.StatusCode);
        }

        answers.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUntrustedPeer_IsIgnored()
    {
        // Here only 10.9.9.9 is a proxy, so the test's own connection from 127.0.0.1 cannot pick its address:
        // every failure counts against 127.0.0.1 however X-Forwarded-For changes.
        var settings = new Dictionary<string, string?>(Limits) { ["ForwardedHeaders:TrustedProxies:0"] = "10.9.9.9" };
        var (_, direct) = app.StartSocketInstance(settings);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await SignInAsync(NewAddress(), TestData.Unique("nobody.") + "@test.example", WrongPassword, direct);
            answers.Add(response.StatusCode);
        }

        answers[^1].ShouldBe(HttpStatusCode.TooManyRequests, string.Join(", ", answers));
    }

    /// <summary>A client address of its own for each call, so no test counts against another.</summary>
    private static string NewAddress()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        return $"10.{bytes[0]}.{bytes[1]}.{bytes[2]}";
    }

    private async Task<HttpResponseMessage> SignInAsync(string clientAddress, string email, string password, Uri? server = null)
    {
        using var client = Client(clientAddress, server);
        return await PostFormAsync(client, "/Accounts/SignIn", new Dictionary<string, string> { ["Form.Email"] = email, ["Form.Password"] = password });
    }

    private async Task<HttpResponseMessage> ForgotAsync(string clientAddress, string email)
    {
        using var client = Client(clientAddress);
        return await PostFormAsync(client, "/Accounts/ForgotPassword", new Dictionary<string, string> { ["Email"] = email });
    }

    private HttpClient Client(string clientAddress, Uri? server)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }, disposeHandler: true)
        {
            BaseAddress = server ?? _server.Value,
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    private HttpClient Client(string clientAddress) => Client(clientAddress, null);

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> values)
    {
        using var get = await client.GetAsync(path);
        var form = Html.FindForm(await Html.ParseAsync(get), values.Keys.First());
        var fields = Html.FieldsOf(form);
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}

public sealed class ThrottleSqliteTests(SqliteApp app) : ThrottleTests(app), IClassFixture<SqliteApp>;

public sealed class ThrottlePostgresTests(PostgresApp app) : ThrottleTests(app), IClassFixture<PostgresApp>;
