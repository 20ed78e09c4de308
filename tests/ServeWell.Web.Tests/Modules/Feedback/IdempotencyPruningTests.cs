using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>Idempotency records are pruned after the retention (ADR-018); answers stay, and a resend after pruning is refused as too old, never stored twice.</summary>
public abstract class IdempotencyPruningTests(AppHost app)
{
    [Fact]
    public async Task Prune_DeletesRecordsOlderThanTheRetention_KeepsYoungerOnesAndEveryAnswer()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        var (oldKey, oldAnswer) = await SubmitAsync(touchpoint.Code, DateTimeOffset.UtcNow.AddMinutes(-5));
        var (youngKey, youngAnswer) = await SubmitAsync(touchpoint.Code, DateTimeOffset.UtcNow.AddMinutes(-5));
        // As if the first had been received 98 days ago, the second 96 days ago (the retention is 97).
        await Backdate(oldKey, oldAnswer, TimeSpan.FromDays(98));
        await Backdate(youngKey, youngAnswer, TimeSpan.FromDays(96));

        var pruned = await app.UseAsync<PruneIdempotencyRecords, int>(p => p.PruneAsync(CancellationToken.None));

        pruned.ShouldBeGreaterThanOrEqualTo(1);
        (await app.DbAsync(db => db.FeedbackIdempotency.AnyAsync(r => r.Key == oldKey))).ShouldBeFalse();
        (await app.DbAsync(db => db.FeedbackIdempotency.AnyAsync(r => r.Key == youngKey))).ShouldBeTrue();
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.Id == oldAnswer || a.Id == youngAnswer))).ShouldBe(2);
        (await app.DbAsync(db => db.FeedbackIdempotency.AnyAsync(r => r.CreatedAt < DateTime.UtcNow.AddDays(-97)))).ShouldBeFalse();
    }

    [Fact]
    public async Task ResendAfterItsKeyWasPruned_IsRefusedAsTooOld_NotStoredTwice()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        var answeredAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        var (key, answer) = await SubmitAsync(touchpoint.Code, answeredAt);
        await Backdate(key, answer, TimeSpan.FromDays(98));
        await app.UseAsync<PruneIdempotencyRecords, int>(p => p.PruneAsync(CancellationToken.None));

        // The kiosk resends the answer it still holds, with its original time (now 98 days ago) and key.
        var again = await app.UseAsync<SubmitFeedback, FeedbackResult>(s => s.SubmitAsync(
            Request(touchpoint.Code, answeredAt.AddDays(-98)), key, FeedbackSource.Unknown, CancellationToken.None));

        again.Status.ShouldBe(400);
        again.Problems!.ShouldContainKey("answeredAt");
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(1);
    }

    [Fact]
    public void Retention_MustOutlastTheOldestAnswerTaken()
    {
        new FeedbackOptions().RetentionOutlastsMaxAge.ShouldBeTrue();
        new FeedbackOptions { IdempotencyRetention = TimeSpan.FromDays(7) }.RetentionOutlastsMaxAge.ShouldBeFalse();
        new FeedbackOptions { IdempotencyRetention = TimeSpan.FromDays(8), MaxAge = TimeSpan.FromDays(7) }.RetentionOutlastsMaxAge.ShouldBeTrue();
    }

    private static FeedbackRequest Request(string touchpoint, DateTimeOffset answeredAt) =>
        new(touchpoint, 4, null, null, "Pruning test.", null, null, "en", answeredAt);

    private async Task<(string Key, long AnswerId)> SubmitAsync(string touchpoint, DateTimeOffset answeredAt)
    {
        var key = FeedbackData.NewKey();
        var result = await app.UseAsync<SubmitFeedback, FeedbackResult>(s => s.SubmitAsync(Request(touchpoint, answeredAt), key, FeedbackSource.Unknown, CancellationToken.None));
        result.Status.ShouldBe(201);
        return (key, result.AnswerId!.Value);
    }

    private Task Backdate(string key, long answerId, TimeSpan by) => app.DbAsync(async db =>
    {
        var record = await db.FeedbackIdempotency.SingleAsync(r => r.Key == key);
        record.CreatedAt -= by;
        var answer = await db.FeedbackAnswers.SingleAsync(a => a.Id == answerId);
        answer.AnsweredAt -= by;
        answer.ReceivedAt -= by;
        await db.SaveChangesAsync();
        return 0;
    });
}

public sealed class IdempotencyPruningSqliteTests(SqliteApp app) : IdempotencyPruningTests(app), IClassFixture<SqliteApp>;

public sealed class IdempotencyPruningPostgresTests(PostgresApp app) : IdempotencyPruningTests(app), IClassFixture<PostgresApp>;
