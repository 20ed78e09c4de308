namespace ServeWell.Web.Platform.Jobs;

/// <summary>
/// A background job that runs once per <see cref="Interval"/> across all web nodes: every node looks every
/// <see cref="Look"/>, and only the one that claims the <see cref="DatabaseLease"/> named <see cref="Lease"/> runs it. A failed run is logged and
/// the next look tries again once the lease has expired; a failure never stops the service.
/// </summary>
public abstract class LeasedPeriodicJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The lease's name: one per job.</summary>
    protected abstract string Lease { get; }

    /// <summary>How often the job runs (and how long the lease is held).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>How often each node looks whether the lease is free: often enough that a node taking over after another stopped is not late by much.</summary>
    protected abstract TimeSpan Look { get; }

    /// <summary>One run, in a scope of its own.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        var look = Look;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<DatabaseLease>().TryClaimAsync(Lease, _holder, interval, stoppingToken))
                {
                    var started = clock.GetTimestamp();
                    var succeeded = false;
                    try
                    {
                        await RunAsync(scope.ServiceProvider, stoppingToken);
                        succeeded = true;
                    }
                    finally
                    {
                        Web.ServeWellMetrics.JobRan(Lease, clock.GetElapsedTime(started), succeeded, clock.GetUtcNow());
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Job} failed", GetType().Name);
            }

            try
            {
                await Task.Delay(look, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
