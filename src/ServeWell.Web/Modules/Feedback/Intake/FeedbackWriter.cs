using System.Text.Json;
using System.Threading.Channels;
using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;

using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>
/// Group commit for the intake (ADR-024). Requests hand their validated answers to a queue; a few writer loops each take
/// whatever is waiting (up to <see cref="FeedbackOptions.GroupCommitMaxAnswers"/>), look up all their Idempotency-Keys
/// in one query (a key already stored answers its original result; on PostgreSQL only after a group presumed new met
/// one, ADR-027), and store the new ones in ONE transaction —
/// the answers, what every <see cref="IFeedbackReceived"/> listener adds, and each Idempotency-Key's record — then
/// commit once and only then complete each request. No answer is acknowledged before the commit that made it durable,
/// and no timer holds a request back: a lone answer is written at once, and answers that arrive while a commit is in
/// flight share the next one. If a shared transaction fails (a key taken meanwhile, a listener throwing), each of its
/// answers is written again on its own, so one answer's problem is never another's.
/// </summary>
public sealed class FeedbackWriter(IServiceScopeFactory scopes, IOptions<FeedbackOptions> options, ILogger<FeedbackWriter> logger) : IAsyncDisposable
{
    /// <summary>Answer ids reserved ahead (PostgreSQL), taken in blocks so a group presumed new needs no round trip for them.</summary>
    private const int IdBlock = 1024;

    /// <summary>After a group presumed new met a stored key, this many groups look their keys up first (resends come in runs).</summary>
    private const int CarefulAfterConflict = 64;

    private readonly Channel<PendingAnswer> queue = Channel.CreateUnbounded<PendingAnswer>();
    private readonly ConcurrentQueue<long> spareIds = new();
    private int careful;
    private readonly Lock gate = new();
    private Task[]? loops;

    /// <summary>Queues the answers and waits until each is committed (or refused); results in the same order.</summary>
    public async Task<FeedbackResult[]> WriteAsync(IReadOnlyList<PendingAnswer> answers)
    {
        ServeWellMetrics.IntakeGroupSize.Record(answers.Count);
        Enqueue(answers);
        var results = await Task.WhenAll(answers.Select(a => a.Done.Task));
        ServeWellMetrics.IntakeAnswers.Add(results.Count(r => r.Stored));
        return results;
    }

    /// <summary>Queues the answers; each one's <see cref="PendingAnswer.Done"/> completes after its commit, or fails alone.</summary>
    public void Enqueue(IReadOnlyList<PendingAnswer> answers)
    {
        EnsureStarted();
        foreach (var answer in answers)
        {
            if (!queue.Writer.TryWrite(answer))
            {
                answer.Done.TrySetException(new InvalidOperationException("The intake is shutting down; nothing was stored. Send the answer again."));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (loops is { } running)
        {
            // Whatever was queued is still written: those requests are waiting for their acknowledgement.
            await Task.WhenAll(running);
        }
    }

    private void EnsureStarted()
    {
        if (loops is not null)
        {
            return;
        }

        lock (gate)
        {
            if (loops is not null)
            {
                return;
            }

            using var scope = scopes.CreateScope();
            // SQLite has one writer at a time: a second loop would only wait for the first.
            var writers = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>().Database.IsSqlite() ? 1 : Math.Max(1, options.Value.GroupCommitWriters);
            loops = [.. Enumerable.Range(0, writers).Select(_ => Task.Run(RunAsync))];
        }
    }

    private async Task RunAsync()
    {
        var max = Math.Max(1, options.Value.GroupCommitMaxAnswers);
        var batch = new List<PendingAnswer>(max);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < max && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await WriteBatchAsync(batch);
            }
            catch (Exception ex)
            {
                // A loop never dies (a dead loop would leave every later answer waiting for ever): whatever was not
                // answered is refused, and its client sends it again with the same Idempotency-Key.
                logger.LogError(ex, "The intake writer failed a group of {Count} answers", batch.Count);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }
            }

            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingAnswer> batch)
    {
        try
        {
            var presumeNew = Volatile.Read(ref careful) <= 0;
            if (!presumeNew)
            {
                Interlocked.Decrement(ref careful);
            }

            var (results, again) = await CommitAsync(batch, presumeNew);
            foreach (var (pending, result) in results)
            {
                pending.Done.TrySetResult(result);
            }

            foreach (var pending in again)
            {
                // A second request with a key this batch just stored: the next batch finds the key's record and replays it.
                if (!queue.Writer.TryWrite(pending))
                {
                    pending.Done.TrySetResult(await ReplayAsync(pending) ?? throw new InvalidOperationException("The idempotency record vanished."));
                }
            }
        }
        catch (Exception ex) when (DatabaseUnavailable.Is(ex))
        {
            // The database is away (ADR-057): writing each on its own would fail the same way. Each request answers 503
            // with Retry-After; a commit that did reach the database is found by the resend's Idempotency-Key.
            logger.LogWarning("A group of {Count} answers was not written: the database is unavailable ({Error})", batch.Count, ex.GetBaseException().GetType().Name);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            logger.LogInformation(ex, "A group commit of {Count} answers failed; writing each on its own", batch.Count);
            foreach (var one in batch)
            {
                await WriteBatchAsync([one]);
            }
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            // Another node or loop stored the same key between this batch's check and its insert.
            var one = batch[0];
            FeedbackResult? replay;
            try
            {
                replay = await ReplayAsync(one);
            }
            catch (Exception lookup)
            {
                one.Done.TrySetException(DatabaseUnavailable.Is(lookup) ? lookup : ex);
                return;
            }

            if (replay is not null)
            {
                one.Done.TrySetResult(replay);
            }
            else
            {
                logger.LogError(ex, "Feedback for touchpoint {TouchpointId} was not stored; the database refused it", one.Touchpoint.Id);
                one.Done.TrySetException(ex);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Feedback for touchpoint {TouchpointId} was not stored; a listener or the database failed", batch[0].Touchpoint.Id);
            batch[0].Done.TrySetException(ex);
        }
    }

    /// <summary>
    /// Looks up every key of the batch at once: a key already stored answers its original result (or 422); the first
    /// answer with each new key is written; a later one with the same key goes round again. Then one transaction for all
    /// the new answers (ADR-025): on PostgreSQL, when no <see cref="IFeedbackReceived"/> listener handles any of them,
    /// two round trips in all — the keys read with the ids reserved, then every insert as one batch that commits by
    /// itself. Nothing is completed here: the caller completes the results after this returned, i.e. committed.
    /// <paramref name="presumeNew"/> (PostgreSQL; ADR-027): skip the lookup and take ids reserved ahead, so the common
    /// group is one round trip; a stored key then fails the insert, which rolls the group back, and the group is
    /// written again the careful way.
    /// </summary>
    private async Task<(List<(PendingAnswer Pending, FeedbackResult Result)> Results, List<PendingAnswer> Again)> CommitAsync(
        List<PendingAnswer> batch, bool presumeNew)
    {
        var none = CancellationToken.None;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        await db.Database.OpenConnectionAsync(none);
        var connection = db.Database.GetDbConnection();
        var sql = IntakeSql.For(connection);

        // Read before the transaction: on SQLite the transaction takes the write lock, which the reads need not hold.
        var keys = batch.Select(p => p.Key).Distinct().ToList();
        presumeNew &= sql.MayPresumeNewKeys;
        var (stored, ids) = presumeNew
            ? ([], await TakeIdsAsync(connection, sql, keys.Count))
            : await sql.ReadAsync(connection, keys, keys.Count, none);
        var results = new List<(PendingAnswer, FeedbackResult)>(batch.Count);
        var again = new List<PendingAnswer>();
        var writing = new List<PendingAnswer>(batch.Count);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pending in batch)
        {
            if (stored.TryGetValue(pending.Key, out var record))
            {
                results.Add((pending, SubmitFeedback.ReplayOf(record, pending.Hash)));
            }
            else if (!taken.Add(pending.Key))
            {
                again.Add(pending);
            }
            else
            {
                writing.Add(pending);
            }
        }

        if (writing.Count == 0)
        {
            return (results, again);
        }

        var listeners = scope.ServiceProvider.GetServices<IFeedbackReceived>().ToList();
        // Whether a listener handles an answer does not depend on its id, which is reserved below.
        var told = listeners.SelectMany(l => writing.Where(p => l.Handles(p.Received)).Select(p => (Listener: l, Pending: p))).ToList();
        IDbContextTransaction? tx = null;
        try
        {
            if (told.Count > 0 || !sql.BatchIsTransaction)
            {
                // One transaction for the batch; EF's savepoint around each SaveChanges would cost two round trips for nothing.
                db.Database.AutoSavepointsEnabled = false;
                tx = await db.Database.BeginTransactionAsync(none);
            }

            ids ??= await sql.ReserveIdsAsync(connection, tx!.GetDbTransaction(), writing.Count, none);
            var rows = new List<IntakeRow>(writing.Count);
            for (var i = 0; i < writing.Count; i++)
            {
                var pending = writing[i];
                pending.Assign(ids[i]);
                var json = JsonSerializer.Serialize(FeedbackAnswerDto.From(pending.Answer, pending.Touchpoint, pending.CommendedNumber), FeedbackJson.Default.FeedbackAnswerDto);
                rows.Add(new IntakeRow(pending.Answer, new FeedbackIdempotencyRecord
                {
                    Key = pending.Key, RequestHash = pending.Hash, Status = StatusCodes.Status201Created, Response = json, AnswerId = ids[i], CreatedAt = pending.Answer.ReceivedAt,
                }));
                results.Add((pending, new FeedbackResult(StatusCodes.Status201Created, json, AnswerId: ids[i])));
            }

            var more = new IntakeRows();
            var received = writing.Select(p => p.Received).ToList();
            foreach (var listener in scope.ServiceProvider.GetServices<IFeedbackBatchReceived>())
            {
                listener.AddRows(received, more);
            }

            await sql.InsertAsync(connection, tx?.GetDbTransaction(), rows, more, none);
            foreach (var (listener, pending) in told)
            {
                await listener.FeedbackReceivedAsync(pending.Received, none);
            }

            if (tx is not null)
            {
                await db.SaveChangesAsync(none);
                await tx.CommitAsync(none);
            }
        }
        catch (Exception ex) when (presumeNew && sql.IsKeyTaken(ex))
        {
            // A resend: nothing of the group was stored. Write it again, keys read first, and stay careful for a while.
            Volatile.Write(ref careful, CarefulAfterConflict);
            if (tx is not null)
            {
                await tx.DisposeAsync();
                tx = null;
            }

            return await CommitAsync(batch, presumeNew: false);
        }
        finally
        {
            if (tx is not null)
            {
                await tx.DisposeAsync();
            }
        }

        return (results, again);
    }

    /// <summary><paramref name="count"/> answer ids from those reserved ahead, reserving another block when they run short.</summary>
    private async Task<long[]> TakeIdsAsync(DbConnection connection, IntakeSql sql, int count)
    {
        var ids = new long[count];
        var taken = 0;
        while (taken < count && spareIds.TryDequeue(out var id))
        {
            ids[taken++] = id;
        }

        if (taken < count)
        {
            var block = await sql.ReserveIdsAsync(connection, null, Math.Max(count - taken, IdBlock), CancellationToken.None);
            block.AsSpan(0, count - taken).CopyTo(ids.AsSpan(taken));
            foreach (var spare in block.AsSpan(count - taken))
            {
                spareIds.Enqueue(spare);
            }
        }

        return ids;
    }

    private async Task<FeedbackResult?> ReplayAsync(PendingAnswer pending)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var record = await db.FeedbackIdempotency.AsNoTracking().FirstOrDefaultAsync(r => r.Key == pending.Key);
        return record is null ? null : SubmitFeedback.ReplayOf(record, pending.Hash);
    }
}
