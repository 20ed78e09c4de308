using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>
/// IFeedbackReceived listeners run inside the intake's transaction with its DbContext: what they write commits with
/// the answer, and a listener that throws leaves nothing behind — no answer, no key, nothing of its own.
/// </summary>
public abstract class FeedbackListenerTests(FeedbackApp app) : IDisposable
{
    private const string Fail = "LISTENER-MUST-FAIL";

    private readonly WebApplicationFactory<Program> _withListener = app.Factory.WithWebHostBuilder(b =>
        b.ConfigureTestServices(s => s.AddScoped<IFeedbackReceived, RecordingListener>()));

    [Fact]
    public async Task NewAnswer_TellsListenersInsideTheTransaction_WithRedactedCommentAndConsentedContact()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = Client();
        var marker = TestData.Unique("c");

        using var response = await client.PostFeedbackAsync(new
        {
            touchpoint = touchpoint.Code, overall = 1, comment = $"{marker} call 010-9999-8888", language = "ko",
            contact = new { email = "citizen@example.kr", phone = "010-2222-3333", consent = true },
        }, FeedbackData.NewKey());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var told = RecordingListener.Received.Single(r => r.Comment!.StartsWith(marker, StringComparison.Ordinal));
        told.Comment.ShouldBe($"{marker} call [phone removed]");
        told.Contact.ShouldBe(new FeedbackContact("citizen@example.kr", "010-2222-3333"));
        told.OrgUnitId.ShouldBe(touchpoint.OrgUnitId);
        told.TouchpointId.ShouldBe(touchpoint.Id);
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "test-listener" && a.EntityKey == told.AnswerId.ToString()))).ShouldBe(1);
        var stored = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().SingleAsync(a => a.Id == told.AnswerId));
        stored.ContactRequested.ShouldBeTrue();
    }

    [Fact]
    public async Task Replay_DoesNotTellListenersAgain()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = Client();
        var marker = TestData.Unique("r");
        var key = FeedbackData.NewKey();
        var body = new { touchpoint = touchpoint.Code, overall = 2, comment = marker, language = "en" };

        (await client.PostFeedbackAsync(body, key)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostFeedbackAsync(body, key)).StatusCode.ShouldBe(HttpStatusCode.Created);

        RecordingListener.Received.Count(r => r.Comment == marker).ShouldBe(1);
    }

    [Fact]
    public async Task ListenerThrows_NothingIsStoredAndTheKeyStaysFree()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var client = Client();
        var key = FeedbackData.NewKey();

        // The comment is unique: both databases' tests share the recording, and their ids may coincide.
        var failing = Fail + TestData.Unique(" ");
        using var failed = await client.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 1, comment = failing, language = "en" }, key);

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(0);
        (await app.DbAsync(db => db.FeedbackIdempotency.CountAsync(r => r.Key == key))).ShouldBe(0);
        var told = RecordingListener.Received.Where(r => r.Comment == failing).Select(r => r.AnswerId.ToString()).ToList();
        told.ShouldNotBeEmpty();
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "test-listener" && told.Contains(a.EntityKey)))).ShouldBe(0);

        using var retried = await client.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 1, comment = "fine now", language = "en" }, key);
        retried.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ListenerThrows_ForOneAnswerOfAKioskBatch_TheOthersAreStoredAndOnlyThatOneIsToBeSentAgain()
    {
        var touchpoint = await app.CreateTouchpointAsync(ServeWell.Web.Modules.Feedback.Touchpoints.TouchpointKind.Kiosk);
        var token = KioskTokens.Prefix + Guid.NewGuid().ToString("N");
        await app.DbAsync(db =>
        {
            db.KioskDevices.Add(new KioskDevice { Name = TestData.Unique("Tablet "), TouchpointId = touchpoint.Id, TokenHash = KioskTokens.Hash(token), TokenHint = "test" });
            return db.SaveChangesAsync();
        });
        using var kiosk = Client();
        kiosk.DefaultRequestHeaders.Add(KioskBatchApi.TokenHeader, token);
        var keys = Enumerable.Range(0, 5).Select(_ => FeedbackData.NewKey()).ToList();
        var answers = keys.Select((key, i) => new { key, overall = 4, comment = i == 2 ? Fail + TestData.Unique(" ") : "fine " + i, language = "en" }).ToArray();

        using var response = await kiosk.PostAsJsonAsync("/api/v1/feedback/batch", new { answers });

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var statuses = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetInt32()).ToList();
        statuses.ShouldBe([201, 201, 500, 201, 201]);
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(4);
        (await app.DbAsync(db => db.FeedbackIdempotency.CountAsync(r => keys.Contains(r.Key)))).ShouldBe(4);
        (await app.DbAsync(db => db.FeedbackIdempotency.AnyAsync(r => r.Key == keys[2]))).ShouldBeFalse();
    }

    public void Dispose()
    {
        _withListener.Dispose();
        GC.SuppressFinalize(this);
    }

    private HttpClient Client() => _withListener.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private sealed class RecordingListener(ServeWellDbContext db) : IFeedbackReceived
    {
        public static readonly ConcurrentBag<FeedbackReceived> Received = [];

        public async Task FeedbackReceivedAsync(FeedbackReceived feedback, CancellationToken cancellationToken)
        {
            Received.Add(feedback);
            // Proves the listener shares the intake's context and transaction: the answer is visible, and this write
            // commits or rolls back with it.
            (await db.FeedbackAnswers.AnyAsync(a => a.Id == feedback.AnswerId, cancellationToken)).ShouldBeTrue();
            db.Audit("test-listener", "FeedbackAnswer", feedback.AnswerId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null);
            await db.SaveChangesAsync(cancellationToken);
            if (feedback.Comment?.StartsWith(Fail, StringComparison.Ordinal) == true)
            {
                throw new InvalidOperationException("The listener failed on purpose.");
            }
        }
    }
}

public sealed class FeedbackListenerSqliteTests(FeedbackSqliteApp app) : FeedbackListenerTests(app), IClassFixture<FeedbackSqliteApp>;

public sealed class FeedbackListenerPostgresTests(FeedbackPostgresApp app) : FeedbackListenerTests(app), IClassFixture<FeedbackPostgresApp>;
