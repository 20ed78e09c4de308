using System.Net.Http.Json;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>
/// The app for intake tests: every test client shares one address here, so the per-address limit is raised and the
/// duplicate window switched off; the tests of those two start their own app with their own settings.
/// </summary>
public abstract class FeedbackApp(DatabaseKind kind) : AppHost(kind)
{
    public static readonly IReadOnlyDictionary<string, string?> Relaxed = new Dictionary<string, string?>
    {
        ["Feedback:RateLimits:PerAddressPerMinute"] = "100000",
        ["Feedback:DuplicateWindow"] = "00:00:00",
    };

    protected override IReadOnlyDictionary<string, string?>? Settings => Relaxed;
}

public sealed class FeedbackSqliteApp() : FeedbackApp(DatabaseKind.Sqlite);

public sealed class FeedbackPostgresApp() : FeedbackApp(DatabaseKind.Postgres);

public static class FeedbackData
{
    /// <summary>A new touchpoint of its own, made through the app's use case.</summary>
    public static async Task<Touchpoint> CreateTouchpointAsync(
        this AppHost app, TouchpointKind kind = TouchpointKind.Counter, string unitCode = Demo.SupervisorCentre, string? employeeNumber = null)
    {
        var form = new TouchpointForm { Kind = kind, Label = new LocalTextForm { En = TestData.Unique("Counter ") }, OrgUnitCode = unitCode, EmployeeNumber = employeeNumber };
        var (touchpoint, problems) = await app.UseAsync<ManageTouchpoints, (Touchpoint?, IReadOnlyList<ManageTouchpoints.Problem>)>(
            m => m.SaveAsync(null, form, CancellationToken.None));
        return touchpoint ?? throw new InvalidOperationException(string.Join("; ", problems.Select(p => p.Message)));
    }

    public static HttpClient Citizen(this AppHost app) =>
        app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static Task<HttpResponseMessage> PostFeedbackAsync(this HttpClient client, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    /// <summary>Registers a kiosk device for the touchpoint as an administrator does, and returns its token (shown once).</summary>
    public static async Task<string> RegisterKioskAsync(this AppHost app, Touchpoint touchpoint)
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        const string path = "/Feedback/Kiosks";
        var page = await admin.GetPageAsync(path);
        using var response = await admin.SubmitAsync(page, path + "?handler=Register", new Dictionary<string, string>
        {
            ["Form.Name"] = TestData.Unique("Tablet "), ["Form.TouchpointId"] = touchpoint.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "Form.Name");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await Html.ParseAsync(response)).Text("#new-token");
        token.ShouldStartWith(KioskTokens.Prefix);
        (await app.DbAsync(db => db.KioskDevices.AnyAsync(d => d.TokenHash == KioskTokens.Hash(token)))).ShouldBeTrue();
        (await admin.GetPageAsync(path)).Body!.InnerHtml.ShouldNotContain(token);
        return token;
    }

    /// <summary>A client that speaks as the kiosk device holding <paramref name="token"/>.</summary>
    public static HttpClient Kiosk(this AppHost app, string token)
    {
        var client = app.Citizen();
        client.DefaultRequestHeaders.Add(KioskBatchApi.TokenHeader, token);
        return client;
    }

    public static string NewKey() => Guid.NewGuid().ToString("N");
}
