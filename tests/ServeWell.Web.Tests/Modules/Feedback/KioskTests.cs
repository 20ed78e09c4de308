using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>Kiosk devices: registered with a token shown once, answering in batches item by item, revocable.</summary>
public abstract class KioskTests(FeedbackApp app)
{
    [Fact]
    public async Task Batch_ItemsAnswerOneByOne_AndAResendStoresNothingNew()
    {
        var (touchpoint, token) = await RegisterAsync();
        using var kiosk = Kiosk(token);
        var answeredAt = DateTimeOffset.UtcNow.AddDays(-3).AddMinutes(-17);
        var batch = new
        {
            answers = new object[]
            {
                new { key = "k-" + Guid.NewGuid().ToString("N"), overall = 5, drivers = new { courtesy = 5 }, language = "ko", answeredAt = answeredAt.ToString("O") },
                new { key = "k-" + Guid.NewGuid().ToString("N"), overall = 9, language = "en" },
                new { key = "k-" + Guid.NewGuid().ToString("N"), overall = 2, resolved = "no", language = "en", answeredAt = answeredAt.AddHours(1).ToString("O") },
                new { overall = 3, language = "en" },
            },
        };

        var first = await SendAsync(kiosk, batch);
        var again = await SendAsync(kiosk, batch);

        first.Select(r => r.Status).ShouldBe([201, 400, 201, 400]);
        again.Select(r => r.Status).ShouldBe([200, 400, 200, 400]);
        first[1].Errors!.ShouldContainKey("overall");
        first[3].Errors!.ShouldContainKey("Idempotency-Key");
        again[0].Answer!.Value.GetProperty("id").GetInt64().ShouldBe(first[0].Answer!.Value.GetProperty("id").GetInt64());
        var stored = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().Where(a => a.TouchpointId == touchpoint.Id).OrderBy(a => a.Id).ToListAsync());
        stored.Count.ShouldBe(2);
        stored[0].AnsweredAt.ShouldBe(answeredAt.UtcDateTime, TimeSpan.FromMilliseconds(1));
        stored[0].Channel.ShouldBe(FeedbackChannel.Kiosk);
        (await app.DbAsync(db => db.KioskDevices.SingleAsync(d => d.TouchpointId == touchpoint.Id))).LastSyncAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Batch_MixingContentAndUnhappyAnswers_StoresAllInOneGo_AndOpensCasesOnlyWhereCalledFor()
    {
        var (touchpoint, token) = await RegisterAsync();
        using var kiosk = Kiosk(token);
        var keys = Enumerable.Range(0, 6).Select(_ => "k-" + Guid.NewGuid().ToString("N")).ToArray();
        var batch = new
        {
            answers = new object[]
            {
                new { key = keys[0], overall = 5, language = "en" },
                new { key = keys[1], overall = 1, comment = "Nobody helped.", language = "ko" },
                new { key = keys[2], overall = 4, language = "en", contact = new { email = "citizen@example.kr", consent = true } },
                new { key = keys[3], overall = 4, language = "en" },
                new { key = keys[4], overall = 2, language = "en" },
                new { key = keys[5], overall = 5, language = "ko" },
            },
        };

        var results = await SendAsync(kiosk, batch);

        results.Select(r => r.Status).ShouldBe([201, 201, 201, 201, 201, 201]);
        var ids = results.Select(r => r.Answer!.Value.GetProperty("id").GetInt64()).ToArray();
        ids.Distinct().Count().ShouldBe(6);
        var stored = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().Where(a => a.TouchpointId == touchpoint.Id).OrderBy(a => a.Id).ToListAsync());
        stored.Select(a => a.Id).ShouldBe(ids.Order());
        stored.Single(a => a.Id == ids[2]).ContactRequested.ShouldBeTrue();
        var cases = await app.DbAsync(db => db.Set<FollowUpCase>().AsNoTracking().Where(c => ids.Contains(c.AnswerId)).Select(c => c.AnswerId).ToListAsync());
        cases.Order().ShouldBe([ids[1], ids[2], ids[4]]);
        (await app.DbAsync(db => db.FeedbackIdempotency.CountAsync(r => keys.Contains(r.Key)))).ShouldBe(6);
    }

    /// <summary>
    /// A kiosk that lost the acknowledgement resends its answers with new ones behind them, in one group commit: on
    /// PostgreSQL the group presumed new meets stored keys, is rolled back whole and written again the careful way
    /// (ADR-027). The resent answers replay, the new ones are stored, cased and rolled up once.
    /// </summary>
    [Fact]
    public async Task Batch_ResentWithNewAnswersBehind_ReplaysTheOld_StoresCasesAndCountsTheNewOnce()
    {
        var (touchpoint, token) = await RegisterAsync();
        using var kiosk = Kiosk(token);
        var keys = Enumerable.Range(0, 4).Select(_ => "k-" + Guid.NewGuid().ToString("N")).ToArray();
        object Item(int i) => new { key = keys[i], overall = i == 3 ? 1 : 4, language = "en", comment = i == 3 ? "Nobody came." : null };

        var first = await SendAsync(kiosk, new { answers = new[] { Item(0), Item(1) } });
        var resent = await SendAsync(kiosk, new { answers = new[] { Item(0), Item(1), Item(2), Item(3) } });

        first.Select(r => r.Status).ShouldBe([201, 201]);
        resent.Select(r => r.Status).ShouldBe([200, 200, 201, 201]);
        resent[0].Answer!.Value.GetProperty("id").GetInt64().ShouldBe(first[0].Answer!.Value.GetProperty("id").GetInt64());
        var ids = resent.Select(r => r.Answer!.Value.GetProperty("id").GetInt64()).ToArray();
        var stored = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().Where(a => a.TouchpointId == touchpoint.Id).Select(a => a.Id).ToListAsync());
        stored.Order().ShouldBe(ids.Order());
        (await app.DbAsync(db => db.FeedbackIdempotency.CountAsync(r => keys.Contains(r.Key)))).ShouldBe(4);
        (await app.DbAsync(db => db.Set<FollowUpCase>().AsNoTracking().Where(c => ids.Contains(c.AnswerId)).Select(c => c.AnswerId).ToListAsync()))
            .ShouldBe([ids[3]]);

        await app.UseAsync<InsightsRollups, int>(r => r.DrainAsync(CancellationToken.None));
        var counted = await app.DbAsync(db => db.InsightsUnitServiceMonths.AsNoTracking()
            .Where(c => c.OrgUnitId == touchpoint.OrgUnitId && c.ServiceKey == (touchpoint.ServiceId ?? 0) && c.Channel == (int)FeedbackChannel.Kiosk)
            .SumAsync(c => c.Score1 + c.Score2 + c.Score3 + c.Score4 + c.Score5));
        var answered = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking()
            .CountAsync(a => a.OrgUnitId == touchpoint.OrgUnitId && a.ServiceId == touchpoint.ServiceId && a.Channel == FeedbackChannel.Kiosk));
        counted.ShouldBe(answered);
    }

    [Fact]
    public async Task Batch_ForAnotherTouchpoint_IsRefusedForThatItem()
    {
        var (_, token) = await RegisterAsync();
        var other = await app.CreateTouchpointAsync();
        using var kiosk = Kiosk(token);

        var results = await SendAsync(kiosk, new { answers = new[] { new { key = "k-" + Guid.NewGuid().ToString("N"), touchpoint = other.Code, overall = 4, language = "en" } } });

        results.Single().Status.ShouldBe(400);
        results.Single().Errors!.ShouldContainKey("touchpoint");
    }

    [Fact]
    public async Task Batch_RevokedUnknownOrMissingToken_Answers401_AndOver500Items400()
    {
        var (_, token) = await RegisterAsync();
        using var kiosk = Kiosk(token);
        var tooMany = new { answers = Enumerable.Range(0, 501).Select(i => new { key = $"k-{i}", overall = 3, language = "en" }).ToArray() };
        using var big = await kiosk.PostAsJsonAsync("/api/v1/feedback/batch", tooMany);
        big.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var device = await app.DbAsync(db => db.KioskDevices.SingleAsync(d => d.TokenHash == KioskTokens.Hash(token)));
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        // Revoking asks first (ADR-047): the confirmation's form does it.
        var page = await admin.GetPageAsync($"/Feedback/Kiosks?handler=Revoke&deviceId={device.Id}");
        using var revoked = await admin.SubmitAsync(page, "/Feedback/Kiosks", new Dictionary<string, string>(), "confirmed");
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var body = new { answers = new[] { new { key = "k-" + Guid.NewGuid().ToString("N"), overall = 3, language = "en" } } };
        (await kiosk.PostAsJsonAsync("/api/v1/feedback/batch", body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var anonymous = app.Citizen();
        (await anonymous.PostAsJsonAsync("/api/v1/feedback/batch", body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var wrong = Kiosk("kiosk_not-a-real-token");
        (await wrong.PostAsJsonAsync("/api/v1/feedback/batch", body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task KioskPage_OpensWithoutSignIn()
    {
        using var client = app.Citizen();
        using var response = await client.GetAsync("/kiosk");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("script[src^='/js/kiosk.js']").ShouldNotBeNull();
        page.QuerySelectorAll("#kiosk-ask button.face[data-score]").Length.ShouldBe(5);
    }

    /// <summary>Registers a kiosk through the administrators' page and reads the token it shows once.</summary>
    private async Task<(Touchpoint Touchpoint, string Token)> RegisterAsync()
    {
        var touchpoint = await app.CreateTouchpointAsync(TouchpointKind.Kiosk);
        return (touchpoint, await app.RegisterKioskAsync(touchpoint));
    }

    private HttpClient Kiosk(string token) => app.Kiosk(token);

    /// <summary>One item of the batch response as a kiosk reads it.</summary>
    public sealed record ItemResult(string? Key, int Status, JsonElement? Answer, Dictionary<string, string[]>? Errors, string? Detail);

    internal static async Task<List<ItemResult>> SendAsync(HttpClient kiosk, object batch)
    {
        using var response = await kiosk.PostAsJsonAsync("/api/v1/feedback/batch", batch);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<JsonElement>(body, Json.Web).GetProperty("results").Deserialize<List<ItemResult>>(Json.Web)!;
    }
}

public sealed class KioskSqliteTests(FeedbackSqliteApp app) : KioskTests(app), IClassFixture<FeedbackSqliteApp>;

public sealed class KioskPostgresTests(FeedbackPostgresApp app) : KioskTests(app), IClassFixture<FeedbackPostgresApp>;
