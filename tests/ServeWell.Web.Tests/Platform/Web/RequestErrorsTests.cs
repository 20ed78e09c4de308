using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Web;

/// <summary>Malformed requests answer their own 4xx status, never a 500; every cookie is Secure over HTTPS; return addresses stay local (ADR-028).</summary>
public abstract class RequestErrorsTests(AppHost app)
{
    [Fact]
    public async Task PostToAPageWithoutThatHandler_Answers400Page()
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/People/Employees");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await admin.Http.PostAsync("/People/Employees", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).Text("h1").ShouldBe("Bad request");
    }

    [Theory]
    [InlineData("/FollowUps?page=abc")]
    [InlineData("/Training/Certificates?page=abc")]
    [InlineData("/People/Employees?page=abc")]
    [InlineData("/api/v1/employees?page=abc")]
    [InlineData("/api/v1/follow-ups?page=abc")]
    [InlineData("/api/v1/programmes/1/enrolments?page=abc")]
    [InlineData("/api/v1/certificates?page=abc")]
    public async Task PageNumberThatIsNotANumber_AnswersNot500(string path)
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        using var response = await admin.GetAsync(path);

        ((int)response.StatusCode).ShouldBeLessThan(500, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownApiRoute_SignedIn_Answers404ProblemDetails()
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        using var api = app.ApiClient();

        using var byCookie = await admin.GetAsync("/api/v1/no-such-thing");
        using var byKey = await api.GetAsync("/api/v1/no-such-thing");

        byCookie.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        byCookie.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        byKey.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownPage_SignedIn_Answers404Page()
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        using var response = await admin.GetAsync("/No/Such/Page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Html.ParseAsync(response)).Text("h1").ShouldBe("Page not found");

        // The language asked for in the address holds on the error page too (its re-execution drops the query).
        using var korean = await admin.GetAsync("/No/Such/Page?lang=ko");
        korean.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await Html.ParseAsync(korean);
        page.Text("h1").ShouldBe("페이지를 찾을 수 없습니다");
        page.DocumentElement.GetAttribute("lang").ShouldBe("ko");
    }

    [Fact]
    public async Task OversizedBody_InProduction_Answers413NotA500()
    {
        var (_, address) = app.StartSocketInstance(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["PublicUrl"] = "https://servewell.test.example",
        });
        using var client = new HttpClient { BaseAddress = address };

        using var response = await client.SendAsync(Oversized(accept: "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        // A client that does not take JSON gets the error page instead of ProblemDetails: it said 500.
        using var fromBrowser = await client.SendAsync(Oversized(accept: "text/html"));
        var page = await fromBrowser.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, text);
        text.ShouldNotContain("   at ");
        fromBrowser.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, page);
        page.ShouldNotContain("   at ");
    }

    /// <summary>Chunked, so the limit is hit while the endpoint reads (with a Content-Length over it, Kestrel refuses up front).</summary>
    private static HttpRequestMessage Oversized(string accept)
    {
        var body = new StreamContent(new UnseekableStream(new byte[30_000_000 + 4096]));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback") { Content = body };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    [Fact]
    public async Task OverHttps_EveryCookieTheAppSets_IsSecure()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        var cookies = new CookieContainer();
        using var client = app.Factory.CreateDefaultClient(new Uri("https://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        using var get = await client.GetAsync("/Accounts/SignIn");
        var page = await Html.ParseAsync(get);
        var fields = Html.FieldsOf(Html.FindForm(page, "Form.Email"));
        fields.RemoveAll(f => f.Key is "Form.Email" or "Form.Password");
        fields.Add(new("Form.Email", email));
        fields.Add(new("Form.Password", Demo.Password));
        var token = page.QuerySelector("form[action='/culture'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var culture = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["culture"] = "ko", ["returnUrl"] = "/",
        }));
        using var signIn = await client.PostAsync("/Accounts/SignIn", new FormUrlEncodedContent(fields));

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        culture.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var set = cookies.GetAllCookies().ToList();
        set.Select(c => c.Name).ShouldContain("servewell.auth");
        set.Select(c => c.Name).ShouldContain("servewell.csrf");
        set.Select(c => c.Name).ShouldContain(".AspNetCore.Culture");
        set.Where(c => !c.Secure).Select(c => c.Name).ShouldBeEmpty();
    }

    [Fact]
    public async Task ExclusionPage_ControlCharacterInReturnUrl_LinksBackInsideTheApp()
    {
        var answerId = await app.DbAsync(db => db.FeedbackAnswers.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        var page = await admin.GetPageAsync($"/Insights/Answers/{answerId}/Exclusion?returnUrl=%2F%09%2Fevil.example");

        page.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ShouldNotContain(h => h.Contains("evil", StringComparison.Ordinal));
        page.QuerySelectorAll("input[name=ReturnUrl]").Select(i => i.GetAttribute("value") ?? "").ShouldNotContain(v => v.Contains("evil", StringComparison.Ordinal));
    }
}

public sealed class RequestErrorsSqliteTests(SqliteApp app) : RequestErrorsTests(app), IClassFixture<SqliteApp>;

public sealed class RequestErrorsPostgresTests(PostgresApp app) : RequestErrorsTests(app), IClassFixture<PostgresApp>;

/// <summary>A body of unknown length, as a browser streaming an upload sends it.</summary>
internal sealed class UnseekableStream(byte[] content) : MemoryStream(content)
{
    public override bool CanSeek => false;
}
