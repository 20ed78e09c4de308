using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.Modules.Insights.Rollups;

/// <summary>
/// Keeps the monthly cube (ADR-014, as amended): a queue row names an (office, local month); a batch recomputes every
/// cell of the named office-months from the answers, replacing what was there, so running a batch twice or after a
/// crash writes the same numbers. Batches are serialised by a row lock on the lease row (both providers).
/// </summary>
public sealed class InsightsRollups(ServeWellDbContext db, InsightsCalendar calendar, TimeProvider clock, ILogger<InsightsRollups> logger)
{
    public const string LeaseName = "insights-rollup";
    public const int BatchSize = 2000;

    /// <summary>Queues the office-month of one answer; call inside the transaction that stores or changes it.</summary>
    public void Enqueue(int orgUnitId, DateTime answeredAtUtc) =>
        db.Set<InsightsRollupQueueItem>().Add(new InsightsRollupQueueItem
        {
            Month = calendar.MonthOf(answeredAtUtc), OrgUnitId = orgUnitId, EnqueuedAt = clock.GetUtcNow().UtcDateTime,
        });

    /// <summary>Runs batches until the queue is empty; returns how many queue rows were handled.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (true)
        {
            var batch = await RunBatchAsync(cancellationToken);
            if (batch == 0)
            {
                return handled;
            }

            handled += batch;
        }
    }

    /// <summary>One batch: up to <see cref="BatchSize"/> queue rows, their office-months recomputed, the rows deleted, in one transaction.</summary>
    public async Task<int> RunBatchAsync(CancellationToken cancellationToken)
    {
        await EnsureLockRowAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(cancellationToken);
        var items = await db.Set<InsightsRollupQueueItem>().AsNoTracking()
            .OrderBy(q => q.Seq).Take(BatchSize)
            .Select(q => new { q.Seq, q.Month, q.OrgUnitId })
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            await tx.CommitAsync(cancellationToken);
            return 0;
        }

        foreach (var month in items.GroupBy(i => i.Month))
        {
            await RecomputeAsync(month.Key, month.Select(i => i.OrgUnitId).Distinct().ToList(), cancellationToken);
        }

        var seqs = items.Select(i => i.Seq).ToList();
        await db.Set<InsightsRollupQueueItem>().Where(q => seqs.Contains(q.Seq)).ExecuteDeleteAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return items.Count;
    }

    /// <summary>Recomputes every month from the first answer to the last (bulk-loaded answers, a time-zone change, a check).</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var answers = db.FeedbackAnswers.AsNoTracking();
        if (!await answers.AnyAsync(cancellationToken))
        {
            await db.Set<InsightsUnitServiceMonth>().ExecuteDeleteAsync(cancellationToken);
            await db.Set<InsightsUnitMonth>().ExecuteDeleteAsync(cancellationToken);
            await db.Set<InsightsSubtreeMonth>().ExecuteDeleteAsync(cancellationToken);
            return 0;
        }

        var first = calendar.MonthOf(await answers.MinAsync(a => a.AnsweredAt, cancellationToken));
        var last = calendar.MonthOf(await answers.MaxAsync(a => a.AnsweredAt, cancellationToken));
        await EnsureLockRowAsync(cancellationToken);
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync(cancellationToken);
            await db.Set<InsightsUnitServiceMonth>().Where(c => c.Month < first || c.Month > last).ExecuteDeleteAsync(cancellationToken);
            await db.Set<InsightsUnitMonth>().Where(c => c.Month < first || c.Month > last).ExecuteDeleteAsync(cancellationToken);
            await db.Set<InsightsSubtreeMonth>().Where(c => c.Month < first || c.Month > last).ExecuteDeleteAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        var months = 0;
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            // A transaction per month, so a rebuild of years of answers never holds the lock for long.
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockAsync(cancellationToken);
            await RecomputeAsync(month, null, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            months++;
        }

        logger.LogInformation("Insights rollups rebuilt for {Months} months", months);
        return months;
    }

    /// <summary>Whether answers exist but no rollups do: demo or imported answers that never passed through the intake.</summary>
    public async Task<bool> NeedsRebuildAsync(CancellationToken cancellationToken) =>
        (!await db.Set<InsightsUnitServiceMonth>().AnyAsync(cancellationToken) || !await db.Set<InsightsUnitMonth>().AnyAsync(cancellationToken))
        && await db.FeedbackAnswers.AnyAsync(cancellationToken);

    /// <summary>The org tree as the subtree rollups see it: every unit's path, in id order.</summary>
    public async Task<string> TreeShapeAsync(CancellationToken cancellationToken) =>
        string.Join(';', await db.OrgUnits.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Path).ToListAsync(cancellationToken));

    /// <summary>Recomputes <c>insights_subtree_months</c> for every month of the cube from the cube (after the org tree changed).</summary>
    public async Task<int> RefreshSubtreesAsync(CancellationToken cancellationToken)
    {
        var months = await db.Set<InsightsUnitServiceMonth>().AsNoTracking().Select(c => c.Month).Distinct().ToListAsync(cancellationToken);
        await EnsureLockRowAsync(cancellationToken);
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync(cancellationToken);
            await db.Set<InsightsSubtreeMonth>().Where(c => !months.Contains(c.Month)).ExecuteDeleteAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        foreach (var month in months.Order())
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockAsync(cancellationToken);
            await RecomputeSubtreesAsync(month, null, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        return months.Count;
    }

    private async Task RecomputeAsync(DateOnly month, IReadOnlyList<int>? units, CancellationToken cancellationToken)
    {
        var (from, to) = calendar.Bounds(month);
        var cells = db.Set<InsightsUnitServiceMonth>().Where(c => c.Month == month);
        var answers = db.FeedbackAnswers.AsNoTracking().Where(a => a.AnsweredAt >= from && a.AnsweredAt < to);
        if (units is not null)
        {
            cells = cells.Where(c => units.Contains(c.OrgUnitId));
            answers = answers.Where(a => units.Contains(a.OrgUnitId));
        }

        await cells.ExecuteDeleteAsync(cancellationToken);
        var groups = await answers
            .GroupBy(a => new { a.OrgUnitId, a.ServiceId, a.Channel })
            .Select(g => new
            {
                g.Key.OrgUnitId, g.Key.ServiceId, g.Key.Channel,
                S1 = g.Count(a => a.Overall == 1), S2 = g.Count(a => a.Overall == 2), S3 = g.Count(a => a.Overall == 3),
                S4 = g.Count(a => a.Overall == 4), S5 = g.Count(a => a.Overall == 5),
                D1 = g.Count(a => a.TimelinessScore != null), D1S = g.Sum(a => (long)(a.TimelinessScore ?? 0)),
                D2 = g.Count(a => a.KnowledgeScore != null), D2S = g.Sum(a => (long)(a.KnowledgeScore ?? 0)),
                D3 = g.Count(a => a.CourtesyScore != null), D3S = g.Sum(a => (long)(a.CourtesyScore ?? 0)),
                D4 = g.Count(a => a.FairnessScore != null), D4S = g.Sum(a => (long)(a.FairnessScore ?? 0)),
                D5 = g.Count(a => a.OutcomeScore != null), D5S = g.Sum(a => (long)(a.OutcomeScore ?? 0)),
                RY = g.Count(a => a.Resolved == Resolution.Yes), RA = g.Count(a => a.Resolved != null),
                C = g.Count(a => a.Comment != null),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var cubeCells = groups.Select(g => new InsightsUnitServiceMonth
        {
            Month = month, OrgUnitId = g.OrgUnitId, ServiceKey = g.ServiceId ?? 0, Channel = (int)g.Channel,
            Score1 = g.S1, Score2 = g.S2, Score3 = g.S3, Score4 = g.S4, Score5 = g.S5,
            Driver1Count = g.D1, Driver1Sum = g.D1S, Driver2Count = g.D2, Driver2Sum = g.D2S, Driver3Count = g.D3, Driver3Sum = g.D3S,
            Driver4Count = g.D4, Driver4Sum = g.D4S, Driver5Count = g.D5, Driver5Sum = g.D5S,
            ResolvedYes = g.RY, ResolvedAnswered = g.RA, Commented = g.C, RefreshedAt = now,
        }).ToList();
        db.Set<InsightsUnitServiceMonth>().AddRange(cubeCells);

        // The office-month totals of the same units (ADR-021), from the cells just computed.
        var unitMonths = db.Set<InsightsUnitMonth>().Where(c => c.Month == month);
        if (units is not null)
        {
            unitMonths = unitMonths.Where(c => units.Contains(c.OrgUnitId));
        }

        await unitMonths.ExecuteDeleteAsync(cancellationToken);
        db.Set<InsightsUnitMonth>().AddRange(cubeCells.GroupBy(c => c.OrgUnitId).Select(g => new InsightsUnitMonth
        {
            OrgUnitId = g.Key, Month = month, Score1 = g.Sum(c => c.Score1), Score2 = g.Sum(c => c.Score2), Score3 = g.Sum(c => c.Score3),
            Score4 = g.Sum(c => c.Score4), Score5 = g.Sum(c => c.Score5), RefreshedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // The subtree sums of the month, from the whole month's cube (the rebuild has it in hand; a batch reads it).
        await RecomputeSubtreesAsync(month, units is null ? cubeCells : null, cancellationToken);
    }

    /// <summary>
    /// Replaces the month's <c>insights_subtree_months</c> rows: each cube cell is added to every strict ancestor of its
    /// unit (the ids in the unit's path before its own), so a unit's row holds what was answered below it.
    /// </summary>
    private async Task RecomputeSubtreesAsync(DateOnly month, IReadOnlyList<InsightsUnitServiceMonth>? monthCells, CancellationToken cancellationToken)
    {
        monthCells ??= await db.Set<InsightsUnitServiceMonth>().AsNoTracking().Where(c => c.Month == month).ToListAsync(cancellationToken);
        var paths = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.Path }).ToDictionaryAsync(u => u.Id, u => u.Path, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var sums = new Dictionary<(int Unit, int Service, int Channel), InsightsSubtreeMonth>();
        foreach (var cell in monthCells)
        {
            if (!paths.TryGetValue(cell.OrgUnitId, out var path))
            {
                continue;
            }

            foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var ancestor = int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
                if (ancestor == cell.OrgUnitId)
                {
                    continue;
                }

                if (!sums.TryGetValue((ancestor, cell.ServiceKey, cell.Channel), out var s))
                {
                    s = new InsightsSubtreeMonth { UnitId = ancestor, Month = month, ServiceKey = cell.ServiceKey, Channel = cell.Channel, RefreshedAt = now };
                    sums.Add((ancestor, cell.ServiceKey, cell.Channel), s);
                }

                s.Score1 += cell.Score1;
                s.Score2 += cell.Score2;
                s.Score3 += cell.Score3;
                s.Score4 += cell.Score4;
                s.Score5 += cell.Score5;
                s.Driver1Count += cell.Driver1Count;
                s.Driver1Sum += cell.Driver1Sum;
                s.Driver2Count += cell.Driver2Count;
                s.Driver2Sum += cell.Driver2Sum;
                s.Driver3Count += cell.Driver3Count;
                s.Driver3Sum += cell.Driver3Sum;
                s.Driver4Count += cell.Driver4Count;
                s.Driver4Sum += cell.Driver4Sum;
                s.Driver5Count += cell.Driver5Count;
                s.Driver5Sum += cell.Driver5Sum;
                s.ResolvedYes += cell.ResolvedYes;
                s.ResolvedAnswered += cell.ResolvedAnswered;
                s.Commented += cell.Commented;
            }
        }

        await db.Set<InsightsSubtreeMonth>().Where(c => c.Month == month).ExecuteDeleteAsync(cancellationToken);
        db.Set<InsightsSubtreeMonth>().AddRange(sums.Values);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private Task EnsureLockRowAsync(CancellationToken cancellationToken)
    {
        var expired = DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc);
        return db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "leases" ("Name", "Holder", "ExpiresAt") VALUES ({LeaseName}, NULL, {expired}) ON CONFLICT ("Name") DO NOTHING""",
            cancellationToken);
    }

    /// <summary>
    /// A no-op update of the lease row: PostgreSQL holds its row lock, SQLite its write lock, until the transaction ends,
    /// so two batches (a node whose lease lapsed, a rebuild) never interleave and an older snapshot never lands last.
    /// </summary>
    private Task LockAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""UPDATE "leases" SET "Holder" = "Holder" WHERE "Name" = {LeaseName}""", cancellationToken);
}

/// <summary>
/// Queues the office-month of each new answer inside the intake's transaction (ADR-014 decision 3), as rows written in
/// the same round trip as the answers (ADR-025). One queue row per office-month per group commit (ADR-024).
/// </summary>
internal sealed class QueueRollupOnFeedback(InsightsCalendar calendar, TimeProvider clock) : IFeedbackBatchReceived
{
    private static readonly string[] Columns = ["Month", "OrgUnitId", "EnqueuedAt"];

    public void AddRows(IReadOnlyList<FeedbackReceived> answers, IntakeRows rows)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (orgUnitId, month) in answers.Select(a => (a.OrgUnitId, calendar.MonthOf(a.AnsweredAtUtc))).Distinct())
        {
            rows.Add("insights_rollup_queue", Columns, month, orgUnitId, now);
        }
    }
}

/// <summary>
/// Queues the office-month of an answer excluded or restored after intake (ADR-022), inside the revision's transaction,
/// so the next batch recomputes it from the answers as they now count.
/// </summary>
internal sealed class QueueRollupOnRevision(InsightsRollups rollups) : IFeedbackRevised
{
    public Task FeedbackRevisedAsync(FeedbackRevised revision, CancellationToken cancellationToken)
    {
        // Saved with the revision's own SaveChanges.
        rollups.Enqueue(revision.OrgUnitId, revision.AnsweredAtUtc);
        return Task.CompletedTask;
    }
}
