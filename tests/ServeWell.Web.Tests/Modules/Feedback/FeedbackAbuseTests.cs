using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>Rate limits per address (429 with Retry-After) and the duplicate window, each on an app with its own settings.</summary>
public abstract class FeedbackAbuseTests(DatabaseKind kind)
{
    [Fact]
    public async Task ManyAnswersFromOneAddress_AreRefusedWith429AndRetryAfter()
    {
        await using var app = await AppHost.StartIsolatedAsync(kind, new Dictionary<string, string?>
        {
            ["Feedback:RateLimits:PerAddressPerMinute"] = "3", ["Feedback:DuplicateWindow"] = "00:00:00",
        });
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = app.Citizen();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 3, comment = $"n{i}", language = "en" }, FeedbackData.NewKey());
            statuses.Add(response.StatusCode);
            refused = response;
        }

        statuses.ShouldBe([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests]);
        int.Parse(refused!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await client.GetAsync("/f/" + touchpoint.Code)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(3);
    }

    [Fact]
    public async Task SameAnswerWithNewKeysWithinTheWindow_IsStoredOnce()
    {
        await using var app = await AppHost.StartIsolatedAsync(kind, new Dictionary<string, string?>
        {
            ["Feedback:RateLimits:PerAddressPerMinute"] = "1000", ["Feedback:DuplicateWindow"] = "00:01:00",
        });
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = app.Citizen();
        var body = new { touchpoint = touchpoint.Code, overall = 1, comment = "terrible", language = "en" };

        var key = FeedbackData.NewKey();
        using var first = await client.PostFeedbackAsync(body, key);
        using var second = await client.PostFeedbackAsync(body, FeedbackData.NewKey());
        using var resent = await client.PostFeedbackAsync(body, key);
        using var different = await client.PostFeedbackAsync(body with { overall = 2 }, FeedbackData.NewKey());

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        // The same key within the window is a replay of its record, not a duplicate: the original 201.
        resent.StatusCode.ShouldBe(HttpStatusCode.Created);
        resent.Headers.GetValues("Idempotent-Replayed").ShouldContain("true");
        (await resent.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        different.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(2);
    }
}

public sealed class FeedbackAbuseSqliteTests() : FeedbackAbuseTests(DatabaseKind.Sqlite);

public sealed class FeedbackAbusePostgresTests() : FeedbackAbuseTests(DatabaseKind.Postgres);
