using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Platform.Privacy;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Privacy;

/// <summary>POST /api/v1/privacy/scrub with the roster's names from People, and the side-by-side partial, on both databases.</summary>
public abstract class PrivacyApiTests(AppHost app)
{
    [Fact]
    public async Task Scrub_AsAnEmployee_AnswersTheScrubbedTextAndFindings_WithTheRostersNames()
    {
        var employee = await app.CreateEmployeeAsync(Demo.SupervisorCentre);
        using var staff = await app.SignInAsRoleAsync(Roles.Employee);

        using var response = await staff.Http.PostAsJsonAsync("/api/v1/privacy/scrub", new
        {
            text = $"{employee.Name} helped; Mr. Kim called from 010-1234-5678 and {employee.Name} called back.",
        });

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("text").GetString().ShouldBe("Employee A helped; Citizen A called from [phone removed] and Employee A called back.");
        json.GetProperty("language").GetString().ShouldBe("en");
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        findings.Select(f => f.GetProperty("category").GetString()).ShouldBe(["employee-name", "citizen-name", "phone", "employee-name"]);
        findings[0].GetProperty("original").GetString().ShouldBe(employee.Name);
        findings[0].GetProperty("start").GetInt32().ShouldBe(0);
        findings[2].GetProperty("replacement").GetString().ShouldBe("[phone removed]");
    }

    [Fact]
    public async Task Scrub_WithoutNames_KeepsThem_AndBadInputIs400NamingTheField()
    {
        using var staff = await app.SignInAsRoleAsync(Roles.Supervisor);

        using var kept = await staff.Http.PostAsJsonAsync("/api/v1/privacy/scrub", new { text = "홍길동 씨 010-1234-5678", names = false });
        using var tooLong = await staff.Http.PostAsJsonAsync("/api/v1/privacy/scrub", new { text = new string('a', Scrubber.MaxLength + 1) });
        using var language = await staff.Http.PostAsJsonAsync("/api/v1/privacy/scrub", new { text = "x", language = "fr" });

        (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString().ShouldBe("홍길동 씨 [전화번호 삭제]");
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text")[0].GetString()
            .ShouldBe($"The text has {Scrubber.MaxLength + 1} characters; the scrubber takes at most {Scrubber.MaxLength}.");
        language.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await language.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("language", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Scrub_Anonymous_Is401_AndTheEndpointIsInTheOpenApiDocument()
    {
        using var anonymous = app.Anonymous();

        using var response = await anonymous.Http.PostAsJsonAsync("/api/v1/privacy/scrub", new { text = "010-1234-5678" });
        var document = await anonymous.Http.GetStringAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        JsonDocument.Parse(document).RootElement.GetProperty("paths").TryGetProperty("/api/v1/privacy/scrub", out var path).ShouldBeTrue();
        path.TryGetProperty("post", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Scrub_BeyondTheMinutesPreviews_Is429()
    {
        using var api = app.ApiClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= PrivacyApi.PreviewsPerMinute; i++)
        {
            using var response = await api.PostAsJsonAsync("/api/v1/privacy/scrub", new { text = "010-1234-5678" });
            statuses.Add(response.StatusCode);
        }

        statuses.Take(PrivacyApi.PreviewsPerMinute).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task SideBySidePartial_ShowsTheOriginalMarkedBesideTheScrubbedText_InTheReadersLanguage()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var engine = scope.ServiceProvider.GetRequiredService<ICompositeViewEngine>();
        var view = engine.GetView(null, "/Platform/Layout/_ScrubbedSideBySide.cshtml", isMainPage: false).EnsureSuccessful(null).View!;
        var viewData = new ViewDataDictionary<ScrubResult>(new EmptyModelMetadataProvider(), new ModelStateDictionary())
        {
            Model = Scrubber.Scrub("홍길동 씨가 010-1234-5678로 전화했어요"),
        };
        await using var writer = new StringWriter();
        var context = new ViewContext(
            new ActionContext(http, new RouteData(), new ActionDescriptor()), view, viewData,
            new TempDataDictionary(http, scope.ServiceProvider.GetRequiredService<ITempDataProvider>()), writer, new HtmlHelperOptions());

        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("ko");
        try
        {
            await view.RenderAsync(context);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        var page = Html.Parse(writer.ToString());
        var columns = page.QuerySelectorAll(".scrub-text");
        columns.Length.ShouldBe(2);
        columns[0].QuerySelectorAll("mark").Select(m => m.TextContent).ShouldBe(["홍길동 (민원인 이름)", "010-1234-5678 (전화번호)"]);
        columns[1].TextContent.ShouldBe("민원인 A 씨가 [전화번호 삭제]로 전화했어요");
        page.QuerySelectorAll(".scrub-findings tbody tr").Length.ShouldBe(2);
    }
}

public sealed class PrivacyApiSqliteTests(SqliteApp app) : PrivacyApiTests(app), IClassFixture<SqliteApp>;

public sealed class PrivacyApiPostgresTests(PostgresApp app) : PrivacyApiTests(app), IClassFixture<PostgresApp>;
