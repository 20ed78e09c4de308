using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace ServeWell.Web.Tests.Fixtures;

/// <summary>
/// A browser-like client of one app instance: keeps cookies, does not follow redirects (tests assert
/// them), signs in through the real sign-in page and submits forms with their antiforgery token.
/// </summary>
public sealed class StaffClient : IDisposable
{
    public static readonly Uri BaseAddress = new("http://localhost");

    public StaffClient(ServeWellFactory app)
    {
        Http = app.CreateDefaultClient(BaseAddress, new CookieContainerHandler(Cookies));
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; } = new();

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public async Task<IHtmlDocument> GetPageAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        return Html.Parse(html);
    }

    /// <summary>
    /// Submits the form of <paramref name="page"/> that contains a field named <paramref name="fieldName"/>
    /// (or the first post form), with every field as the page filled it and <paramref name="values"/> on top.
    /// </summary>
    public Task<HttpResponseMessage> SubmitAsync(
        IHtmlDocument page, string pagePath, IReadOnlyDictionary<string, string> values, string? fieldName = null)
    {
        var form = Html.FindForm(page, fieldName ?? values.Keys.FirstOrDefault());
        var fields = Html.FieldsOf(form);
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var action = form.GetAttribute("action");
        return Http.PostAsync(string.IsNullOrEmpty(action) ? pagePath : action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in through GET and POST /Accounts/SignIn; the auth cookie stays in <see cref="Cookies"/>.</summary>
    public async Task SignInAsync(string email, string password)
    {
        using var response = await TrySignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            throw new InvalidOperationException(
                $"Sign-in as {email} answered {(int)response.StatusCode}: {page.QuerySelector(".error-summary")?.TextContent.Trim()}");
        }

        await SendAntiforgeryHeaderAsync();
    }

    /// <summary>
    /// Like the app's own scripts: takes the antiforgery token of a page and sends it in X-CSRF-TOKEN, which
    /// cookie-authenticated API writes require (ADR-028).
    /// </summary>
    public async Task SendAntiforgeryHeaderAsync()
    {
        var page = await GetPageAsync("/Accounts/SignOut");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The sign-out page has no antiforgery token.");
        Http.DefaultRequestHeaders.Remove(AntiforgeryHeader);
        Http.DefaultRequestHeaders.Add(AntiforgeryHeader, token);
    }

    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>Posts the sign-in form and returns the raw answer (302 on success, the page again on failure).</summary>
    public async Task<HttpResponseMessage> TrySignInAsync(string email, string password)
    {
        const string path = "/Accounts/SignIn";
        var page = await GetPageAsync(path);
        return await SubmitAsync(page, path, new Dictionary<string, string> { ["Form.Email"] = email, ["Form.Password"] = password });
    }

    public Cookie? AuthCookie => Cookies.GetCookies(BaseAddress)["servewell.auth"];

    public void Dispose() => Http.Dispose();
}
