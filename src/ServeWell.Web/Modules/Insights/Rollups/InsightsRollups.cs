using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Insights.Rollups;

/// <summary>
/// Keeps the monthly cube (ADR-014, as amended by ADR-026). New answers reach it as delta rows: their counts, written in
/// the intake's transaction, added to the cube, the office totals and the subtree sums by a batch that deletes the same
/// rows in the same transaction, so each delta counts exactly once. An answer changed after intake queues a recompute
/// of its office-month, which recounts it from the answers and drops that office-month's pending deltas. A batch reads
/// the queue and the answers in one snapshot taken after it holds the rollups' lock (PostgreSQL: a session advisory
/// lock, then REPEATABLE READ; SQLite: its write lock), so a recount and the deltas it drops cover the same answers.
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

    /// <summary>
    /// One batch, in one transaction: up to <see cref="BatchSize"/> queue rows; the deltas among them added to the
    /// rollups, the office-months named by recompute rows recounted, and the rows deleted.
    /// </summary>
    public async Task<int> RunBatchAsync(CancellationToken cancellationToken)
    {
        await using var locked = await RollupLock.BeginAsync(db, cancellationToken);
        var items = await db.Set<InsightsRollupQueueItem>().AsNoTracking()
            .OrderBy(q => q.Seq).Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            await locked.CommitAsync(cancellationToken);
            return 0;
        }

        var recounts = items.Where(i => !i.Delta).Select(i => (i.Month, i.OrgUnitId)).ToHashSet();
        foreach (var month in items.Where(i => i.Delta && !recounts.Contains((i.Month, i.OrgUnitId))).GroupBy(i => i.Month))
        {
            await AddDeltasAsync(month.Key, [.. month], cancellationToken);
        }

        foreach (var month in recounts.GroupBy(r => r.Month))
        {
            await RecomputeAsync(month.Key, [.. month.Select(r => r.OrgUnitId).Distinct()], cancellationToken);
        }

        var seqs = items.Select(i => i.Seq).ToList();
        await db.Set<InsightsRollupQueueItem>().Where(q => seqs.Contains(q.Seq)).ExecuteDeleteAsync(cancellationToken);
        await locked.CommitAsync(cancellationToken);
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
        await using (var locked = await RollupLock.BeginAsync(db, cancellationToken))
        {
            await db.Set<InsightsUnitServiceMonth>().Where(c => c.Month < first || c.Month > last).ExecuteDeleteAsync(cancellationToken);
            await db.Set<InsightsUnitMonth>().Where(c => c.Month < first || c.Month > last).ExecuteDeleteAsync(cancellationToken);
            await db.Set<InsightsSubtreeMonth>().Where(c => c.Month < first || c.Month > last).ExecuteDeleteAsync(cancellationToken);
            await locked.CommitAsync(cancellationToken);
        }

        var months = 0;
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            // A transaction per month, so a rebuild of years of answers never holds the lock for long.
            await using var locked = await RollupLock.BeginAsync(db, cancellationToken);
            await RecomputeAsync(month, null, cancellationToken);
            await locked.CommitAsync(cancellationToken);
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
        await using (var locked = await RollupLock.BeginAsync(db, cancellationToken))
        {
            await db.Set<InsightsSubtreeMonth>().Where(c => !months.Contains(c.Month)).ExecuteDeleteAsync(cancellationToken);
            await locked.CommitAsync(cancellationToken);
        }

        foreach (var month in months.Order())
        {
            await using var locked = await RollupLock.BeginAsync(db, cancellationToken);
            await RecomputeSubtreesAsync(month, null, cancellationToken);
            await locked.CommitAsync(cancellationToken);
        }

        return months.Count;
    }

    private async Task RecomputeAsync(DateOnly month, IReadOnlyList<int>? units, CancellationToken cancellationToken)
    {
        var (from, to) = calendar.Bounds(month);
        var cells = db.Set<InsightsUnitServiceMonth>().Where(c => c.Month == month);
        var answers = db.FeedbackAnswers.AsNoTracking().Where(a => a.AnsweredAt >= from && a.AnsweredAt < to);
        var queued = db.Set<InsightsRollupQueueItem>().Where(q => q.Month == month);
        if (units is not null)
        {
            cells = cells.Where(c => units.Contains(c.OrgUnitId));
            answers = answers.Where(a => units.Contains(a.OrgUnitId));
            queued = queued.Where(q => units.Contains(q.OrgUnitId));
        }

        // The recount holds every answer of the snapshot, so the pending rows of the same office-months (deltas of
        // those answers, recount requests) are done with; rows committed after the snapshot are not seen, nor deleted.
        await queued.ExecuteDeleteAsync(cancellationToken);
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

            foreach (var ancestor in AncestorsOf(cell.OrgUnitId, path))
            {
                if (!sums.TryGetValue((ancestor, cell.ServiceKey, cell.Channel), out var s))
                {
                    s = new InsightsSubtreeMonth { UnitId = ancestor, Month = month, ServiceKey = cell.ServiceKey, Channel = cell.Channel, RefreshedAt = now };
                    sums.Add((ancestor, cell.ServiceKey, cell.Channel), s);
                }

                s.Add(cell);
            }
        }

        await db.Set<InsightsSubtreeMonth>().Where(c => c.Month == month).ExecuteDeleteAsync(cancellationToken);
        db.Set<InsightsSubtreeMonth>().AddRange(sums.Values);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Adds a month's delta rows to the cells, office totals and subtree sums they touch (a row of a unit no longer in the
    /// tree reaches only the cube and the totals, as in a recount).
    /// </summary>
    private async Task AddDeltasAsync(DateOnly month, IReadOnlyList<InsightsRollupQueueItem> deltas, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var units = deltas.Select(d => d.OrgUnitId).Distinct().ToList();
        var cells = await db.Set<InsightsUnitServiceMonth>().Where(c => c.Month == month && units.Contains(c.OrgUnitId))
            .ToDictionaryAsync(c => (c.OrgUnitId, c.ServiceKey, c.Channel), cancellationToken);
        var totals = await db.Set<InsightsUnitMonth>().Where(c => c.Month == month && units.Contains(c.OrgUnitId))
            .ToDictionaryAsync(c => c.OrgUnitId, cancellationToken);
        var ancestors = (await db.OrgUnits.AsNoTracking().Where(u => units.Contains(u.Id)).Select(u => new { u.Id, u.Path }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => AncestorsOf(u.Id, u.Path).ToList());
        var above = ancestors.Values.SelectMany(a => a).Distinct().ToList();
        var subtrees = await db.Set<InsightsSubtreeMonth>().Where(c => c.Month == month && above.Contains(c.UnitId))
            .ToDictionaryAsync(c => (c.UnitId, c.ServiceKey, c.Channel), cancellationToken);
        foreach (var delta in deltas)
        {
            var cell = Row(cells, (delta.OrgUnitId, delta.ServiceKey, delta.Channel),
                () => new InsightsUnitServiceMonth { Month = month, OrgUnitId = delta.OrgUnitId, ServiceKey = delta.ServiceKey, Channel = delta.Channel });
            cell.Add(delta);
            cell.RefreshedAt = now;
            var total = Row(totals, delta.OrgUnitId, () => new InsightsUnitMonth { OrgUnitId = delta.OrgUnitId, Month = month });
            total.Score1 += delta.Score1;
            total.Score2 += delta.Score2;
            total.Score3 += delta.Score3;
            total.Score4 += delta.Score4;
            total.Score5 += delta.Score5;
            total.RefreshedAt = now;
            foreach (var ancestor in ancestors.GetValueOrDefault(delta.OrgUnitId) ?? [])
            {
                var sum = Row(subtrees, (ancestor, delta.ServiceKey, delta.Channel),
                    () => new InsightsSubtreeMonth { UnitId = ancestor, Month = month, ServiceKey = delta.ServiceKey, Channel = delta.Channel });
                sum.Add(delta);
                sum.RefreshedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The row under <paramref name="key"/>, or a new one, tracked for insertion.</summary>
    private T Row<TKey, T>(Dictionary<TKey, T> rows, TKey key, Func<T> create)
        where TKey : notnull
        where T : class
    {
        if (!rows.TryGetValue(key, out var row))
        {
            row = create();
            rows.Add(key, row);
            db.Add(row);
        }

        return row;
    }

    /// <summary>The strict ancestors of a unit: the ids in its materialised path before its own.</summary>
    private static IEnumerable<int> AncestorsOf(int unitId, string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.Parse(part, System.Globalization.CultureInfo.InvariantCulture))
            .Where(id => id != unitId);
}
