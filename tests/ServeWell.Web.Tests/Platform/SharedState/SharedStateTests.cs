using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.People.RosterImport;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.SharedState;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Feedback;

namespace ServeWell.Web.Tests.Platform.SharedState;

/// <summary>
/// Two app instances on one database and one real redis-server (ADR-055): limits count for both, a change on one
/// clears the other's lookups at once, and answers keep being taken while Redis is away.
/// </summary>
public abstract class SharedStateTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..8] + ":";
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task PerAddressLimit_CountsAnswersOnEveryNode_NotPerNode()
    {
        await using var app = await StartAsync(perAddressPerMinute: 3);
        var other = app.StartInstance(Settings(3));
        var touchpoint = await app.CreateTouchpointAsync();
        using var first = app.Citizen();
        using var second = Citizen(other);

        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { first, second, first, second })
        {
            using var response = await client.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 3, language = "en" }, FeedbackData.NewKey());
            statuses.Add(response.StatusCode);
        }

        // Per node, each would have taken two of its three; shared, the fourth is one too many.
        statuses.ShouldBe([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests]);
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(3);
    }

    [Fact]
    public async Task SameAnswerWithANewKeyOnAnotherNode_IsADuplicate()
    {
        await using var app = await StartAsync(duplicateWindow: "00:01:00");
        var other = app.StartInstance(Settings(duplicateWindow: "00:01:00"));
        var touchpoint = await app.CreateTouchpointAsync();
        using var first = app.Citizen();
        using var second = Citizen(other);
        var body = new { touchpoint = touchpoint.Code, overall = 1, comment = "twice", language = "en" };

        using var stored = await first.PostFeedbackAsync(body, FeedbackData.NewKey());
        using var again = await second.PostFeedbackAsync(body, FeedbackData.NewKey());

        stored.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldBe(await stored.Content.ReadAsStringAsync());
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task TouchpointRetiredOnOneNode_IsRefusedByTheOtherWithinASecond()
    {
        await using var app = await StartAsync();
        var other = app.StartInstance(Settings());
        var touchpoint = await app.CreateTouchpointAsync();
        using var second = Citizen(other);
        // The other node has the touchpoint in its lookup cache, which lives ten minutes in these settings.
        (await second.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 4, language = "en" }, FeedbackData.NewKey())).StatusCode.ShouldBe(HttpStatusCode.Created);

        await app.UseAsync<ManageTouchpoints, Touchpoint?>(m => m.RetireAsync(touchpoint.Id, CancellationToken.None));

        (await EventuallyAsync(async () =>
        {
            using var response = await second.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 4, language = "en" }, FeedbackData.NewKey());
            return response.StatusCode == HttpStatusCode.BadRequest;
        })).ShouldBeTrue();
    }

    [Fact]
    public async Task KioskRevokedOnOneNode_IsRefusedByTheOtherWithinASecond()
    {
        await using var app = await StartAsync();
        var other = app.StartInstance(Settings());
        var touchpoint = await app.CreateTouchpointAsync();
        var token = await app.RegisterKioskAsync(touchpoint);
        using var kiosk = Citizen(other);
        kiosk.DefaultRequestHeaders.Add(KioskBatchApi.TokenHeader, token);
        object Batch() => new { answers = new[] { new { key = FeedbackData.NewKey(), overall = 3, language = "en" } } };
        (await kiosk.PostAsJsonAsync("/api/v1/feedback/batch", Batch())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var device = await app.DbAsync(db => db.KioskDevices.SingleAsync(d => d.TokenHash == KioskTokens.Hash(token)));
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var page = await admin.GetPageAsync($"/Feedback/Kiosks?handler=Revoke&deviceId={device.Id}");
        using var revoked = await admin.SubmitAsync(page, "/Feedback/Kiosks", new Dictionary<string, string>(), "confirmed");
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await EventuallyAsync(async () =>
        {
            using var response = await kiosk.PostAsJsonAsync("/api/v1/feedback/batch", Batch());
            return response.StatusCode == HttpStatusCode.Unauthorized;
        })).ShouldBeTrue();
    }

    [Fact]
    public async Task SignInFailuresForAnAccount_CountOnEveryNode()
    {
        await using var app = await StartAsync(new() { ["Security:Throttle:SignInFailuresPerAccount"] = "2" });
        var other = app.StartInstance(Settings(extra: new() { ["Security:Throttle:SignInFailuresPerAccount"] = "2" }));
        var here = app.Services.GetRequiredService<IAttemptThrottle>();
        var there = other.Services.GetRequiredService<IAttemptThrottle>();
        var account = TestData.Unique("someone") + "@example.org";

        here.Count(ThrottledAttempt.SignInFailurePerAccount, account);
        there.Check(ThrottledAttempt.SignInFailurePerAccount, account).Allowed.ShouldBeTrue();
        there.Count(ThrottledAttempt.SignInFailurePerAccount, account.ToUpperInvariant());

        var check = here.Check(ThrottledAttempt.SignInFailurePerAccount, account);
        check.Allowed.ShouldBeFalse();
        check.RetryAfter.ShouldBeInRange(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task ImportProgressSetOnOneNode_IsReadOnTheOther()
    {
        await using var app = await StartAsync();
        var other = app.StartInstance(Settings());
        var job = Guid.NewGuid();

        app.Services.GetRequiredService<RosterImportProgress>().Set(job, new RosterProgress(RosterPhase.Writing, 40, 100));

        (await EventuallyAsync(async () => await other.Services.GetRequiredService<RosterImportProgress>().GetAsync(job) == new RosterProgress(RosterPhase.Writing, 40, 100)))
            .ShouldBeTrue();
    }

    [Fact]
    public async Task RedisGoneAway_AnswersAreStillTaken_AndSharingResumesWhenItReturns()
    {
        await using var app = await StartAsync(perAddressPerMinute: 2);
        var other = app.StartInstance(Settings(2));
        var touchpoint = await app.CreateTouchpointAsync();
        using var first = app.Citizen();
        using var second = Citizen(other);
        Task<HttpResponseMessage> Answer(HttpClient client) =>
            client.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 3, language = "en" }, FeedbackData.NewKey());

        await _redis.StopAsync();
        // Per node now: each takes its own two.
        foreach (var client in new[] { first, second, first, second })
        {
            using var response = await Answer(client);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await _redis.StartAgainAsync();
        (await EventuallyAsync(() => Task.FromResult(
            app.Services.GetRequiredService<SharedRedis>().Database is not null && other.Services.GetRequiredService<SharedRedis>().Database is not null),
            TimeSpan.FromSeconds(20))).ShouldBeTrue();
        // Shared again: a fresh window in the new Redis, two for the pair of nodes.
        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { first, second, first })
        {
            using var response = await Answer(client);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests]);
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(6);
    }

    private async Task<AppHost> StartAsync(Dictionary<string, string?>? extra = null, int perAddressPerMinute = 1000, string duplicateWindow = "00:00:00") =>
        await AppHost.StartIsolatedAsync(kind, Settings(perAddressPerMinute, duplicateWindow, extra));

    private Dictionary<string, string?> Settings(int perAddressPerMinute = 1000, string duplicateWindow = "00:00:00", Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = _redis.Configuration,
            ["Redis:KeyPrefix"] = _prefix,
            ["Feedback:RateLimits:PerAddressPerMinute"] = perAddressPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Feedback:DuplicateWindow"] = duplicateWindow,
            // Ten minutes: only the cluster signal, not the cache's lifetime, can make another node see a change in a test.
            ["Feedback:LookupCacheTtl"] = "00:10:00",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    private static HttpClient Citizen(ServeWellFactory instance) =>
        instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Whether <paramref name="condition"/> holds within <paramref name="within"/> (default one second), asked every 50 ms.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(1));
        do
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        return false;
    }
}

public sealed class SharedStateSqliteTests() : SharedStateTests(DatabaseKind.Sqlite);

public sealed class SharedStatePostgresTests() : SharedStateTests(DatabaseKind.Postgres);
