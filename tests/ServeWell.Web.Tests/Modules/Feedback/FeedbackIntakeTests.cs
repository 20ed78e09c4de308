using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>POST /api/v1/feedback: stored once per key, replayed, refused with a reason, redacted before storage.</summary>
public abstract class FeedbackIntakeTests(FeedbackApp app)
{
    [Fact]
    public async Task Post_ValidAnswer_Answers201WithTheStoredAnswer()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = app.Citizen();
        var employee = await app.CreateEmployeeAsync(Demo.SupervisorCentre);

        using var response = await client.PostFeedbackAsync(new
        {
            touchpoint = touchpoint.Code, overall = 4, drivers = new { timeliness = 1, courtesy = 5 }, resolved = "partly",
            comment = "  Call me on 010-1234-5678 or mail kim@example.kr, my number 900101-1234567. Waited 20 minutes.  ",
            commendEmployee = employee.EmployeeNumber, language = "ko", answeredAt = "2026-11-22T09:15:00+09:00",
        }, FeedbackData.NewKey());

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("overall").GetInt32().ShouldBe(4);
        json.GetProperty("overallScore").GetInt32().ShouldBe(75);
        json.GetProperty("drivers").GetProperty("timeliness").GetInt32().ShouldBe(1);
        json.GetProperty("driverScores").GetProperty("timeliness").GetInt32().ShouldBe(0);
        json.GetProperty("driverScores").GetProperty("courtesy").GetInt32().ShouldBe(100);
        json.GetProperty("driverScores").GetProperty("knowledge").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("resolved").GetString().ShouldBe("partly");
        json.GetProperty("channel").GetString().ShouldBe("counter-qr");
        json.GetProperty("commendedEmployee").GetString().ShouldBe(employee.EmployeeNumber);
        json.GetProperty("answeredAt").GetDateTime().ShouldBe(new DateTime(2026, 11, 22, 0, 15, 0, DateTimeKind.Utc));
        var comment = json.GetProperty("comment").GetString()!;
        comment.ShouldBe("Call me on [phone removed] or mail [email removed], my number [ID number removed]. Waited 20 minutes.");

        var id = json.GetProperty("id").GetInt64();
        // Every column as the intake's own SQL wrote it (ADR-025), read back through EF's mapping.
        var stored = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().SingleAsync(a => a.Id == id));
        stored.Comment.ShouldBe(comment);
        stored.TouchpointId.ShouldBe(touchpoint.Id);
        stored.OrgUnitId.ShouldBe(touchpoint.OrgUnitId);
        stored.ServiceId.ShouldBe(touchpoint.ServiceId);
        stored.Channel.ShouldBe(touchpoint.Channel);
        stored.SurveyVersionId.ShouldBe(json.GetProperty("surveyVersion").GetInt32());
        (stored.Overall, stored.OverallScore).ShouldBe((4, 75));
        (stored.Timeliness, stored.TimelinessScore, stored.Courtesy, stored.CourtesyScore).ShouldBe((1, 0, 5, 100));
        (stored.Knowledge, stored.KnowledgeScore, stored.Fairness, stored.FairnessScore, stored.Outcome, stored.OutcomeScore).ShouldBe((null, null, null, null, null, null));
        stored.Resolved.ShouldBe(Resolution.Partly);
        stored.CommendedEmployeeId.ShouldBe(employee.Id);
        stored.ContactRequested.ShouldBeFalse();
        stored.Language.ShouldBe("ko");
        stored.AnsweredAt.ShouldBe(new DateTime(2026, 11, 22, 0, 15, 0));
        stored.ReceivedAt.ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        stored.ExcludedAt.ShouldBeNull();
        // Dates compare in the database as EF writes them (on SQLite, text): a range query finds the answer.
        var from = new DateTime(2026, 11, 22, 0, 15, 0, DateTimeKind.Utc);
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.Id == id && a.AnsweredAt >= from && a.AnsweredAt < from.AddSeconds(1)))).ShouldBe(1);
        var record = await app.DbAsync(db => db.FeedbackIdempotency.AsNoTracking().SingleAsync(r => r.AnswerId == id));
        (record.Status, record.Response).ShouldBe((201, body));
    }

    [Theory]
    [InlineData("전화 010-1234-5678 주세요", "en", "전화 [전화번호 삭제] 주세요")]
    [InlineData("010-1234-5678", "ko", "[전화번호 삭제]")]
    [InlineData("010-1234-5678", "en", "[phone removed]")]
    [InlineData("카드 ４１１１－１１１１－１１１１－１１１１, 집은 세종대로 110, 차는 12가 3456", "en", "카드 [카드번호 삭제], 집은 [주소 삭제], 차는 [차량번호 삭제]")]
    [InlineData("Officer Park was kind; refund to account 110-123-456789 please", "ko", "Officer Park was kind; refund to account [account number removed] please")]
    [InlineData("김민수 주무관님 감사합니다. 제 번호 ０１０ １２３４ ５６７８", "en", "김민수 주무관님 감사합니다. 제 번호 [전화번호 삭제]")]
    public async Task Post_CommentWithPersonalData_MarkerIsInTheCommentsLanguage(string typed, string language, string expected)
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = app.Citizen();

        using var response = await client.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 2, comment = typed, language }, FeedbackData.NewKey());

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
        (await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().Where(a => a.Id == id).Select(a => a.Comment).SingleAsync())).ShouldBe(expected);
    }

    [Fact]
    public async Task Post_SameKeyAndBodyAgain_AnswersTheOriginalAndStoresNothingNew()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = app.Citizen();
        var key = FeedbackData.NewKey();
        var body = new { touchpoint = touchpoint.Code, overall = 2, comment = "slow", language = "en" };

        using var first = await client.PostFeedbackAsync(body, key);
        using var second = await client.PostFeedbackAsync(body, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        second.Headers.GetValues("Idempotent-Replayed").ShouldContain("true");
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_SameKeyWithAnotherBody_Answers422()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = app.Citizen();
        var key = FeedbackData.NewKey();

        using var first = await client.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 5, language = "en" }, key);
        using var second = await client.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 1, language = "en" }, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        second.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_ConcurrentRequestsWithOneKey_StoreOnce()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        var key = FeedbackData.NewKey();
        var body = new { touchpoint = touchpoint.Code, overall = 3, language = "ko" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = app.Citizen();
            using var response = await client.PostFeedbackAsync(body, key);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        responses.Select(r => r.Item2).Distinct().Count().ShouldBe(1);
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_InvalidFields_Answers400NamingEachField()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = app.Citizen();

        using var response = await client.PostFeedbackAsync(new
        {
            touchpoint = touchpoint.Code, overall = 7, drivers = new { courtesy = "x", speed = 3 }, resolved = "maybe",
            comment = new string('a', 1201), commendEmployee = "NOBODY-123", language = "fr",
            answeredAt = DateTimeOffset.UtcNow.AddHours(2).ToString("O"), contact = new { email = "not-an-email", consent = true },
        }, FeedbackData.NewKey());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "overall", "drivers.courtesy", "drivers.speed", "resolved", "language" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"{field} missing in {errors}");
        }

        // Shape problems come first; the rest of the rules are checked once the shape is right.
        using var second = await client.PostFeedbackAsync(new
        {
            touchpoint = touchpoint.Code, overall = 3, comment = new string('a', 1201), commendEmployee = "NOBODY-123", language = "en",
            answeredAt = DateTimeOffset.UtcNow.AddHours(2).ToString("O"), contact = new { email = "not-an-email", consent = true },
        }, FeedbackData.NewKey());
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var more = (await second.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "comment", "commendEmployee", "answeredAt", "contact.email" })
        {
            more.TryGetProperty(field, out _).ShouldBeTrue($"{field} missing in {more}");
        }

        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Post_WithoutKeyOrOverallOrKnownTouchpoint_Answers400()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = app.Citizen();

        using var noKey = await client.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 3, language = "en" }, null);
        using var noOverall = await client.PostFeedbackAsync(new { touchpoint = touchpoint.Code, language = "en" }, FeedbackData.NewKey());
        using var unknown = await client.PostFeedbackAsync(new { touchpoint = "0000000000000000", overall = 3, language = "en" }, FeedbackData.NewKey());
        using var consentless = await client.PostFeedbackAsync(
            new { touchpoint = touchpoint.Code, overall = 1, language = "en", contact = new { email = "a@b.kr", consent = false } }, FeedbackData.NewKey());

        (await noKey.ReadJsonAsync()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _).ShouldBeTrue();
        (await noOverall.ReadJsonAsync()).GetProperty("errors").TryGetProperty("overall", out _).ShouldBeTrue();
        (await unknown.ReadJsonAsync()).GetProperty("errors").TryGetProperty("touchpoint", out _).ShouldBeTrue();
        (await consentless.ReadJsonAsync()).GetProperty("errors").TryGetProperty("contact.consent", out _).ShouldBeTrue();
        new[] { noKey, noOverall, unknown, consentless }.ShouldAllBe(r => r.StatusCode == HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_KioskTouchpointAndNoTime_StoresKioskChannelAndNow()
    {
        var touchpoint = await app.CreateTouchpointAsync(ServeWell.Web.Modules.Feedback.Touchpoints.TouchpointKind.Kiosk);
        using var client = app.Citizen();
        var before = DateTime.UtcNow.AddSeconds(-5);

        using var response = await client.PostFeedbackAsync(new { touchpoint = touchpoint.Code.ToUpperInvariant(), overall = 5, language = "en" }, FeedbackData.NewKey());

        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        json.GetProperty("channel").GetString().ShouldBe("kiosk");
        json.GetProperty("answeredAt").GetDateTime().ShouldBeGreaterThan(before);
    }
}

public sealed class FeedbackIntakeSqliteTests(FeedbackSqliteApp app) : FeedbackIntakeTests(app), IClassFixture<FeedbackSqliteApp>;

public sealed class FeedbackIntakePostgresTests(FeedbackPostgresApp app) : FeedbackIntakeTests(app), IClassFixture<FeedbackPostgresApp>;
