using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

        using var failed = await client.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 1, comment = Fail, language = "en" }, key);

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(0);
        (await app.DbAsync(db => db.FeedbackIdempotency.CountAsync(r => r.Key == key))).ShouldBe(0);
        var told = RecordingListener.Received.Where(r => r.TouchpointId == touchpoint.Id).Select(r => r.AnswerId.ToString()).ToList();
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "test-listener" && told.Contains(a.EntityKey)))).ShouldBe(0);

        using var retried = await client.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 1, comment = "fine now", language = "en" }, key);
        retried.StatusCode.ShouldBe(HttpStatusCode.Created);
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
            if (feedback.Comment == Fail)
            {
                throw new InvalidOperationException("The listener failed on purpose.");
            }
        }
    }
}

public sealed class FeedbackListenerSqliteTests(FeedbackSqliteApp app) : FeedbackListenerTests(app), IClassFixture<FeedbackSqliteApp>;

public sealed class FeedbackListenerPostgresTests(FeedbackPostgresApp app) : FeedbackListenerTests(app), IClassFixture<FeedbackPostgresApp>;
