using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>The citizen's survey at /f/{code}, as a browser without JavaScript uses it.</summary>
public abstract class SurveyPageTests(FeedbackApp app)
{
    [Fact]
    public async Task Get_WholePageWithCssAndScript_WeighsUnder50KB()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = app.Citizen();

        using var response = await client.GetAsync("/f/" + touchpoint.Code);
        var html = await response.Content.ReadAsByteArrayAsync();
        var page = Html.Parse(System.Text.Encoding.UTF8.GetString(html));
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
            .Concat(page.QuerySelectorAll("img[src]").Select(s => s.GetAttribute("src")!)).ToList();
        long total = html.Length;
        foreach (var asset in assets)
        {
            using var a = await client.GetAsync(asset);
            a.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
            total += (await a.Content.ReadAsByteArrayAsync()).Length;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        assets.Count.ShouldBe(2);
        total.ShouldBeLessThan(50 * 1024, $"HTML {html.Length} bytes + {string.Join(", ", assets)}");
        page.QuerySelectorAll("fieldset legend").Length.ShouldBeGreaterThanOrEqualTo(8);
        page.QuerySelectorAll("input[name='Form.Overall'][type=radio]").Length.ShouldBe(5);
        page.QuerySelector("textarea#comment")!.GetAttribute("maxlength").ShouldBe("1200");
        page.QuerySelector("input[name='Form.Key']")!.GetAttribute("value")!.Length.ShouldBe(32);
        page.QuerySelectorAll("input[name='__RequestVerificationToken']").Length.ShouldBe(0);
    }

    [Fact]
    public async Task Get_KoreanBrowser_AnswersInKorean_AndTheSwitchTurnsToEnglish()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = app.Citizen();
        using var korean = new HttpRequestMessage(HttpMethod.Get, "/f/" + touchpoint.Code);
        korean.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("ko-KR"));

        var ko = await Html.ParseAsync(await client.SendAsync(korean));
        var en = await Html.ParseAsync(await client.GetAsync($"/f/{touchpoint.Code}?lang=en"));

        ko.DocumentElement.GetAttribute("lang").ShouldBe("ko");
        ko.Text("h1").ShouldBe("오늘 서비스는 어떠셨나요?");
        ko.QuerySelector("a.lang")!.GetAttribute("href").ShouldBe($"/f/{touchpoint.Code}?lang=en");
        en.DocumentElement.GetAttribute("lang").ShouldBe("en");
        en.Text("h1").ShouldBe("How did we do?");
    }

    [Fact]
    public async Task Post_TwiceWithTheSameForm_StoresOnce_AndThanks()
    {
        var touchpoint = await app.CreateTouchpointAsync(TouchpointKind.Website);
        using var citizen = app.Anonymous();
        var path = "/f/" + touchpoint.Code;
        var page = await citizen.GetPageAsync(path);
        var values = new Dictionary<string, string>
        {
            ["Form.Overall"] = "2", ["Form.Timeliness"] = "1", ["Form.Resolved"] = "no", ["Form.Comment"] = "Too slow. me@example.kr",
        };

        using var first = await citizen.SubmitAsync(page, path, values);
        using var second = await citizen.SubmitAsync(page, path, values);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Headers.Location!.ToString().ShouldBe(path + "/thanks");
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().Where(a => a.TouchpointId == touchpoint.Id).ToListAsync());
        stored.Count.ShouldBe(1);
        stored[0].Overall.ShouldBe(2);
        stored[0].TimelinessScore.ShouldBe(0);
        stored[0].Comment.ShouldBe("Too slow. [email removed]");
        stored[0].Channel.ShouldBe(FeedbackChannel.Website);
        (await citizen.GetPageAsync(path + "/thanks")).Text("h1").ShouldBe("Thank you");
    }

    [Fact]
    public async Task Post_HoneypotFilled_ThanksButStoresNothing()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var bot = app.Anonymous();
        var path = "/f/" + touchpoint.Code;
        var page = await bot.GetPageAsync(path);

        using var response = await bot.SubmitAsync(page, path, new Dictionary<string, string> { ["Form.Overall"] = "1", ["Form.Website"] = "http://spam.example" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Post_WithoutOverallOrConsent_ShowsTheProblems_AndStoresNothing()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var citizen = app.Anonymous();
        var path = "/f/" + touchpoint.Code;
        var page = await citizen.GetPageAsync(path);

        using var response = await citizen.SubmitAsync(page, path, new Dictionary<string, string>
        {
            ["Form.Courtesy"] = "5", ["Form.ContactMe"] = "true", ["Form.Email"] = "me@example.kr",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await Html.ParseAsync(response);
        var errors = again.Text(".errors");
        errors.ShouldContain("overall");
        errors.ShouldContain("tick the box");
        again.QuerySelector("#courtesy-5")!.HasAttribute("checked").ShouldBeTrue();
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Post_BadgeTouchpoint_CommendsTheBadgesEmployee()
    {
        var employee = await app.CreateEmployeeAsync(Demo.SupervisorCentre);
        var touchpoint = await app.CreateTouchpointAsync(TouchpointKind.EmployeeBadge, employeeNumber: employee.EmployeeNumber);
        using var citizen = app.Anonymous();
        var path = "/f/" + touchpoint.Code;
        var page = await citizen.GetPageAsync(path);
        page.Text("label[for=commend-badge]").ShouldContain(employee.Name);

        using var response = await citizen.SubmitAsync(page, path, new Dictionary<string, string> { ["Form.Overall"] = "5", ["Form.CommendBadge"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().SingleAsync(a => a.TouchpointId == touchpoint.Id));
        stored.CommendedEmployeeId.ShouldBe(employee.Id);
    }

    [Fact]
    public async Task Get_UnknownOrRetiredCode_FriendlyNotFound()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        await app.UseAsync<ManageTouchpoints, Touchpoint?>(m => m.RetireAsync(touchpoint.Id, CancellationToken.None));
        using var client = app.Citizen();

        foreach (var path in new[] { "/f/" + touchpoint.Code, "/f/zzzzzzzzzzzzzzzz", "/f/short" })
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            (await Html.ParseAsync(response)).Text("h1").ShouldBe("This survey is not available");
        }
    }
}

public sealed class SurveyPageSqliteTests(FeedbackSqliteApp app) : SurveyPageTests(app), IClassFixture<FeedbackSqliteApp>;

public sealed class SurveyPagePostgresTests(FeedbackPostgresApp app) : SurveyPageTests(app), IClassFixture<FeedbackPostgresApp>;
