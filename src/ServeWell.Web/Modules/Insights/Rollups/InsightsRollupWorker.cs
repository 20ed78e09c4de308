using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Insights.Rollups;

/// <summary>
/// On every node; the one holding the <c>insights-rollup</c> lease drains the queue every few seconds, so the rollups
/// are seconds behind the answers (at most the look plus the lease, 35 s, when a node dies). On its first look it
/// rebuilds when answers exist but no rollups do (the demo seed and imports bypass the intake).
/// </summary>
internal sealed class InsightsRollupWorker(
    IServiceScopeFactory scopes, IOptions<InsightsOptions> options, TimeProvider clock, ILogger<InsightsRollupWorker> logger) : BackgroundService
{
    private static readonly TimeSpan LeaseFor = TimeSpan.FromSeconds(30);

    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The org tree the subtree rollups were last computed for by this node (null: not yet, so the first look does it).</summary>
    private string? _treeShape;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkedRebuild = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var lease = scope.ServiceProvider.GetRequiredService<DatabaseLease>();
                if (await lease.TryHoldAsync(InsightsRollups.LeaseName + "-worker", _holder, LeaseFor, stoppingToken))
                {
                    var started = clock.GetTimestamp();
                    var rollups = scope.ServiceProvider.GetRequiredService<InsightsRollups>();
                    var shape = await rollups.TreeShapeAsync(stoppingToken);
                    var rebuilt = false;
                    if (!checkedRebuild && await rollups.NeedsRebuildAsync(stoppingToken))
                    {
                        await rollups.RebuildAsync(stoppingToken);
                        rebuilt = true;
                    }

                    checkedRebuild = true;
                    // New answers first, so a tree refresh never holds them back. Only a full batch means more are waiting now:
                    // under a steady intake a partial one ends the look, so the next batch takes five seconds of deltas at
                    // once (and a recount of an office-month, ADR-026, runs once per look, not for every few answers).
                    while (await rollups.RunBatchAsync(stoppingToken) >= InsightsRollups.BatchSize)
                    {
                        await lease.TryHoldAsync(InsightsRollups.LeaseName + "-worker", _holder, LeaseFor, stoppingToken);
                    }

                    if (!rebuilt && shape != _treeShape)
                    {
                        // A unit moved (or this node just took over): subtree sums follow the tree as it is now (ADR-021).
                        await rollups.RefreshSubtreesAsync(stoppingToken);
                    }

                    _treeShape = shape;
                    ServeWellMetrics.JobRan(InsightsRollups.LeaseName, clock.GetElapsedTime(started), true, clock.GetUtcNow());
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Recomputing is idempotent: the queue rows stay and the next look tries again.
                logger.LogError(ex, "Insights rollup batch failed");
            }

            try
            {
                await Task.Delay(options.Value.RollupLook, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>The rollup queue as a backlog: answers counted at intake and not yet in the rollups, and how long the oldest has waited.</summary>
internal sealed class RollupBacklog(ServeWell.Web.Platform.Data.ServeWellDbContext db, TimeProvider clock) : IBacklog
{
    public string Name => "rollups";

    public async Task<BacklogState> ReadAsync(CancellationToken cancellationToken)
    {
        var queue = db.Set<InsightsRollupQueueItem>().AsNoTracking();
        var waiting = await queue.LongCountAsync(cancellationToken);
        var oldest = waiting == 0 ? (DateTime?)null : await queue.MinAsync(q => (DateTime?)q.EnqueuedAt, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new BacklogState(waiting, oldest is { } o && o < now ? now - o : TimeSpan.Zero);
    }
}
