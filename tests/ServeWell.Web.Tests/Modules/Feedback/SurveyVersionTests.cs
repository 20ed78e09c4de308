using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>Versioned survey definitions (ADR-017): what a touchpoint asks, in whose words, and what each answer answered.</summary>
public abstract class SurveyVersionTests(FeedbackApp app)
{
    [Fact]
    public async Task Publish_MakesANewVersion_OldAnswersKeepTheirs_AndTheOldVersionNeverChanges()
    {
        var (survey, touchpoint) = await SurveyWithTouchpointAsync();
        using var api = app.ApiClient();
        using var citizen = app.Citizen();

        var v1 = await PublishAsync(api, survey.Id, new { });
        var first = await AnswerAsync(citizen, touchpoint, new { timeliness = 4 });
        var v2 = await PublishAsync(api, survey.Id, new { questions = new[] { "knowledge", "courtesy", "fairness", "outcome", "resolved", "comment" } });
        var second = await AnswerAsync(citizen, touchpoint, new { courtesy = 5 });

        v1.GetProperty("number").GetInt32().ShouldBe(1);
        v2.GetProperty("number").GetInt32().ShouldBe(2);
        first.GetProperty("surveyVersion").GetInt32().ShouldBe(v1.GetProperty("id").GetInt32());
        second.GetProperty("surveyVersion").GetInt32().ShouldBe(v2.GetProperty("id").GetInt32());
        var stored = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().Where(a => a.TouchpointId == touchpoint.Id).OrderBy(a => a.Id).Select(a => a.SurveyVersionId).ToListAsync());
        stored.ShouldBe([v1.GetProperty("id").GetInt32(), v2.GetProperty("id").GetInt32()]);
        var old = await app.DbAsync(db => db.SurveyVersions.AsNoTracking().SingleAsync(v => v.Id == v1.GetProperty("id").GetInt32()));
        old.Asks("timeliness").ShouldBeTrue();

        var listed = await api.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{survey.Id}", Json.Web);
        listed.GetProperty("versions").EnumerateArray().Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("answers").GetInt32())).ShouldBe([(2, 1), (1, 1)]);
        listed.GetProperty("touchpoints").EnumerateArray().Select(t => t.GetString()).ShouldBe([touchpoint.Code]);
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/surveys", Json.Web)).EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldContain(survey.Name);

        var audit = await app.DbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(e => e.Action == "publish" && e.EntityKey == survey.Name));
        audit.ShouldBe(2);

        var change = () => app.DbAsync(async db =>
        {
            var version = await db.SurveyVersions.FirstAsync(v => v.Id == old.Id);
            db.Entry(version).Property(v => v.Texts).CurrentValue = "{\"overall.en\":\"Changed\"}";
            return await db.SaveChangesAsync();
        });
        await change.ShouldThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task Publish_WithNothingChanged_Answers409_AndBadInput400NamingTheField()
    {
        var (survey, _) = await SurveyWithTouchpointAsync();
        using var api = app.ApiClient();
        await PublishAsync(api, survey.Id, new { });

        using var same = await api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/versions", new { });
        using var bad = await api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/versions", new { questions = new[] { "mood" }, texts = new Dictionary<string, string> { ["overall.ko"] = new('가', 301) } });
        using var missing = await api.PostAsJsonAsync("/api/v1/surveys/999999/versions", new { });

        same.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Json.Web)).GetProperty("errors");
        errors.TryGetProperty("questions", out _).ShouldBeTrue();
        errors.TryGetProperty("texts.overall.ko", out _).ShouldBeTrue();
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publish_SixAtTheSameMoment_MakesOneVersion_TheOthersGet409NotAnError()
    {
        var (survey, _) = await SurveyWithTouchpointAsync();
        using var api = app.ApiClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/versions", new { })));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        (await app.DbAsync(db => db.SurveyVersions.CountAsync(v => v.SurveyDefinitionId == survey.Id))).ShouldBe(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Touchpoint_WithoutASurvey_AsksTheStandardSurvey()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var citizen = app.Citizen();
        var standard = await app.DbAsync(async db => (await AskedSurvey.CurrentVersionAsync(db, SurveyDefinition.DefaultId, CancellationToken.None))!.Id);

        var survey = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/touchpoints/{touchpoint.Code}/survey", Json.Web);
        var answer = await AnswerAsync(citizen, touchpoint, new { timeliness = 3, knowledge = 3, courtesy = 3, fairness = 3, outcome = 3 }, resolved: "yes", comment: "Fine");
        var page = await Html.ParseAsync(await citizen.GetAsync("/f/" + touchpoint.Code));

        touchpoint.SurveyDefinitionId.ShouldBeNull();
        survey.GetProperty("surveyVersion").GetInt32().ShouldBe(standard);
        survey.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString())
            .ShouldBe(["overall", "timeliness", "knowledge", "courtesy", "fairness", "outcome", "resolved", "comment"]);
        survey.GetProperty("questions")[0].GetProperty("text").GetProperty("ko").GetString().ShouldBe("오늘 받으신 서비스에 전반적으로 얼마나 만족하십니까?");
        answer.GetProperty("surveyVersion").GetInt32().ShouldBe(standard);
        page.QuerySelector("input[name='Form.Version']")!.GetAttribute("value").ShouldBe(standard.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelectorAll("fieldset.q").Length.ShouldBe(9);
    }

    [Fact]
    public async Task QuestionTurnedOff_IsNotShown_AndTheIntakeRefusesIt()
    {
        var (survey, touchpoint) = await SurveyWithTouchpointAsync();
        using var api = app.ApiClient();
        await PublishAsync(api, survey.Id, new { questions = new[] { "knowledge", "courtesy", "fairness", "outcome" } });
        using var citizen = app.Citizen();

        var page = await Html.ParseAsync(await citizen.GetAsync("/f/" + touchpoint.Code));
        using var refused = await citizen.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 4, drivers = new { timeliness = 2 }, resolved = "no", comment = "Slow", language = "en" }, FeedbackData.NewKey());
        var accepted = await AnswerAsync(citizen, touchpoint, new { courtesy = 4 });

        page.QuerySelector("#overall").ShouldNotBeNull();
        page.QuerySelector("#courtesy").ShouldNotBeNull();
        page.QuerySelector("#timeliness").ShouldBeNull();
        page.QuerySelector("#resolved").ShouldBeNull();
        page.QuerySelector("textarea#comment").ShouldBeNull();
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Json.Web)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(["comment", "drivers.timeliness", "resolved"]);
        errors.GetProperty("drivers.timeliness")[0].GetString()!.ShouldContain("does not ask");
        accepted.GetProperty("overall").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task CustomKoreanText_ShowsInKorean_AndEnglishReadersKeepTheStandardText()
    {
        var (survey, touchpoint) = await SurveyWithTouchpointAsync();
        using var api = app.ApiClient();
        await PublishAsync(api, survey.Id, new { texts = new Dictionary<string, string> { ["overall.ko"] = "민원실 서비스에 만족하셨나요?", ["thanks.ko"] = "소중한 의견 감사합니다." } });
        using var citizen = app.Citizen();

        var ko = await Html.ParseAsync(await citizen.GetAsync($"/f/{touchpoint.Code}?lang=ko"));
        var en = await Html.ParseAsync(await citizen.GetAsync($"/f/{touchpoint.Code}?lang=en"));
        var thanks = await Html.ParseAsync(await citizen.GetAsync($"/f/{touchpoint.Code}/thanks?lang=ko"));

        ko.Text("#overall legend").ShouldStartWith("민원실 서비스에 만족하셨나요?");
        en.Text("#overall legend").ShouldStartWith("Overall, how satisfied are you with the service you received today?");
        thanks.Text("main p").ShouldBe("소중한 의견 감사합니다.");
    }

    [Fact]
    public async Task KioskBatch_KeepsAnswersQueuedOnAnOlderVersion_AndRefusesQuestionsTheirVersionDoesNotAsk()
    {
        var (survey, _) = await SurveyWithTouchpointAsync();
        using var api = app.ApiClient();
        var touchpoint = await app.CreateTouchpointAsync(TouchpointKind.Kiosk);
        await app.DbAsync(async db =>
        {
            (await db.Touchpoints.SingleAsync(t => t.Id == touchpoint.Id)).SurveyDefinitionId = survey.Id;
            return await db.SaveChangesAsync();
        });
        var token = KioskTokens.New();
        await app.DbAsync(async db =>
        {
            db.KioskDevices.Add(new KioskDevice { Name = TestData.Unique("Tablet "), TouchpointId = touchpoint.Id, TokenHash = KioskTokens.Hash(token), TokenHint = token[..10] });
            return await db.SaveChangesAsync();
        });
        var v1 = (await PublishAsync(api, survey.Id, new { })).GetProperty("id").GetInt32();
        var v2 = (await PublishAsync(api, survey.Id, new { questions = new[] { "courtesy" } })).GetProperty("id").GetInt32();
        using var kiosk = app.Citizen();
        kiosk.DefaultRequestHeaders.Add(KioskBatchApi.TokenHeader, token);

        var shown = await kiosk.GetFromJsonAsync<JsonElement>("/api/v1/kiosk/survey", Json.Web);
        using var response = await kiosk.PostAsJsonAsync("/api/v1/feedback/batch", new
        {
            answers = new object[]
            {
                new { key = "k-" + Guid.NewGuid().ToString("N"), surveyVersion = v1, overall = 3, drivers = new { timeliness = 2 }, language = "en" },
                new { key = "k-" + Guid.NewGuid().ToString("N"), surveyVersion = v2, overall = 3, drivers = new { timeliness = 2 }, language = "en" },
                new { key = "k-" + Guid.NewGuid().ToString("N"), surveyVersion = v2, overall = 5, drivers = new { courtesy = 5 }, language = "ko" },
                new { key = "k-" + Guid.NewGuid().ToString("N"), overall = 4, drivers = new { fairness = 4 }, language = "en" },
            },
        });
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>(Json.Web)).GetProperty("results").EnumerateArray().ToList();

        shown.GetProperty("surveyVersion").GetInt32().ShouldBe(v2);
        shown.GetProperty("touchpoint").GetString().ShouldBe(touchpoint.Code);
        shown.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()).ShouldBe(["overall", "courtesy"]);
        results.Select(r => r.GetProperty("status").GetInt32()).ShouldBe([201, 400, 201, 201]);
        results[1].GetProperty("errors").TryGetProperty("drivers.timeliness", out _).ShouldBeTrue();
        results[0].GetProperty("answer").GetProperty("surveyVersion").GetInt32().ShouldBe(v1);
        results[2].GetProperty("answer").GetProperty("surveyVersion").GetInt32().ShouldBe(v2);
        // Queued before versions existed: the kiosk showed the original standard survey.
        results[3].GetProperty("answer").GetProperty("surveyVersion").GetInt32().ShouldBe(SurveyVersion.OriginalId);
    }

    [Fact]
    public async Task SurveyPages_AdministratorAssignsASurvey_OnTheTouchpointPage()
    {
        var (survey, _) = await SurveyWithTouchpointAsync();
        using var api = app.ApiClient();
        await PublishAsync(api, survey.Id, new { });
        var touchpoint = await app.CreateTouchpointAsync();
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var path = $"/Feedback/Touchpoints/Edit/{touchpoint.Id}";

        var edit = await admin.GetPageAsync(path);
        using var saved = await admin.SubmitAsync(edit, path, new Dictionary<string, string> { ["Form.SurveyDefinitionId"] = survey.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Form.Label.Ko");
        var list = await admin.GetPageAsync("/Feedback/Surveys");
        var preview = await admin.GetPageAsync($"/Feedback/Surveys/Preview/{survey.Id}?lang=ko");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.DbAsync(db => db.Touchpoints.AsNoTracking().SingleAsync(t => t.Id == touchpoint.Id))).SurveyDefinitionId.ShouldBe(survey.Id);
        list.Body!.TextContent.ShouldContain(survey.Name);
        // The touchpoints that ask it are named by label and office, linked to their page; the public code is not a name.
        var askedAt = list.QuerySelector($"#survey-{survey.Id}")!.ParentElement!.QuerySelector($"details.asked-at a[href='{path}']");
        askedAt.ShouldNotBeNull();
        askedAt.TextContent.ShouldBe(touchpoint.Label.En);
        list.Body!.TextContent.ShouldNotContain(touchpoint.Code);
        // The seeded standard survey, never renamed, reads in the reader's language.
        var korean = await admin.GetPageAsync("/Feedback/Surveys?lang=ko");
        korean.QuerySelector($"#survey-{SurveyDefinition.DefaultId}")!.TextContent.ShouldContain("기본 설문");
        korean.QuerySelector($"#survey-{SurveyDefinition.DefaultId}")!.TextContent.ShouldNotContain(SurveyDefinition.DefaultName);
        // When a version was published is told on the city's clock, with its zone named, not in the server's UTC.
        var published = await app.DbAsync(db => db.SurveyVersions.Where(v => v.SurveyDefinitionId == survey.Id).MaxAsync(v => v.PublishedAt));
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(published, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"));
        list.Body!.TextContent.ShouldContain($"{local:yyyy-MM-dd HH:mm} (Asia/Seoul)");
        preview.DocumentElement.GetAttribute("lang").ShouldBe("ko");
        preview.QuerySelectorAll("input[name='Form.Overall']").Length.ShouldBe(5);
    }

    [Fact]
    public async Task OpenApi_DescribesTheSurveyEndpoints()
    {
        using var api = app.ApiClient();

        var paths = (await api.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Json.Web)).GetProperty("paths");

        foreach (var path in new[] { "/api/v1/surveys", "/api/v1/surveys/{id}", "/api/v1/surveys/{id}/versions", "/api/v1/touchpoints/{code}/survey", "/api/v1/kiosk/survey" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }

        paths.GetProperty("/api/v1/surveys/{id}/versions").GetProperty("post").TryGetProperty("requestBody", out _).ShouldBeTrue();
    }

    private async Task<(SurveyDefinition Survey, Touchpoint Touchpoint)> SurveyWithTouchpointAsync()
    {
        var (survey, problems) = await app.UseAsync<ManageSurveys, (SurveyDefinition?, IReadOnlyList<ManageSurveys.Problem>)>(
            m => m.SaveDraftAsync(null, new SurveyDraftForm { Name = TestData.Unique("Survey "), Questions = [.. SurveyQuestions.Optional] }, CancellationToken.None));
        survey.ShouldNotBeNull(string.Join("; ", problems.Select(p => p.Message)));
        var touchpoint = await app.CreateTouchpointAsync();
        await app.DbAsync(async db =>
        {
            (await db.Touchpoints.SingleAsync(t => t.Id == touchpoint.Id)).SurveyDefinitionId = survey.Id;
            return await db.SaveChangesAsync();
        });
        return (survey, touchpoint);
    }

    private static async Task<JsonElement> PublishAsync(HttpClient api, int id, object body)
    {
        using var response = await api.PostAsJsonAsync($"/api/v1/surveys/{id}/versions", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonSerializer.Deserialize<JsonElement>(text, Json.Web);
    }

    private static async Task<JsonElement> AnswerAsync(HttpClient citizen, Touchpoint touchpoint, object drivers, string? resolved = null, string? comment = null)
    {
        using var response = await citizen.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 4, drivers, resolved, comment, language = "en" }, FeedbackData.NewKey());
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonSerializer.Deserialize<JsonElement>(text, Json.Web);
    }
}

public sealed class SurveyVersionSqliteTests(FeedbackSqliteApp app) : SurveyVersionTests(app), IClassFixture<FeedbackSqliteApp>;

public sealed class SurveyVersionPostgresTests(FeedbackPostgresApp app) : SurveyVersionTests(app), IClassFixture<FeedbackPostgresApp>;
