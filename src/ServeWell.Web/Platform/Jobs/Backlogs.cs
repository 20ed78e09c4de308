using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ServeWell.Web.Platform.Jobs;

/// <summary>How much work waits in a queue that a background job drains, and for how long the oldest item has waited.</summary>
public sealed record BacklogState(long Waiting, TimeSpan OldestAge);

/// <summary>
/// A queue drained in the background (the insights rollups, the mail outbox): read for the readiness check and the
/// metrics, so a node whose jobs fall behind says so (ADR-057). Registered scoped; each read is one small query.
/// </summary>
public interface IBacklog
{
    /// <summary>The queue's name in metrics and in the readiness report ("rollups", "outbox").</summary>
    string Name { get; }

    Task<BacklogState> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>Settings under Health.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>/health/ready fails when the oldest item of a background queue has waited longer than this.</summary>
    public TimeSpan MaxBacklogAge { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Part of /health/ready: unhealthy when a background queue has fallen more than <see cref="HealthOptions.MaxBacklogAge"/> behind.</summary>
internal sealed class BacklogHealthCheck(IEnumerable<IBacklog> backlogs, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limit = options.Value.MaxBacklogAge;
        var behind = new List<string>();
        var data = new Dictionary<string, object>();
        foreach (var backlog in backlogs)
        {
            var state = await backlog.ReadAsync(cancellationToken);
            data[backlog.Name + ".waiting"] = state.Waiting;
            data[backlog.Name + ".oldestSeconds"] = (long)state.OldestAge.TotalSeconds;
            if (state.OldestAge > limit)
            {
                behind.Add($"{backlog.Name} is {(long)state.OldestAge.TotalSeconds} s behind ({state.Waiting} waiting; the limit is {(long)limit.TotalSeconds} s)");
            }
        }

        return behind.Count == 0
            ? HealthCheckResult.Healthy("The background queues are keeping up.", data)
            : HealthCheckResult.Unhealthy(string.Join("; ", behind), data: data);
    }
}

/// <summary>
/// Reads every <see cref="IBacklog"/> every few seconds for the metrics (only where metrics are scraped), so a scrape
/// never waits on the database and a database outage costs the scrape nothing.
/// </summary>
internal sealed class BacklogSampler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BacklogSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    public static ConcurrentDictionary<string, BacklogState> Latest { get; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                foreach (var backlog in scope.ServiceProvider.GetServices<IBacklog>())
                {
                    Latest[backlog.Name] = await backlog.ReadAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is away: the gauges keep their last values and /health/ready says why.
                logger.LogDebug("Backlog sample failed: {Error}", ex.GetType().Name);
            }

            try
            {
                await Task.Delay(Every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
