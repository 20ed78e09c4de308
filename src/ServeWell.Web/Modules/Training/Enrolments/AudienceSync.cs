using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Jobs;

namespace ServeWell.Web.Modules.Training.Enrolments;

public sealed class AudienceSyncOptions
{
    /// <summary>How often every programme is synced with its audience, across all nodes together (<c>Training:AudienceSyncInterval</c>).</summary>
    public TimeSpan AudienceSyncInterval { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>After a roster import is applied, every programme's enrolments follow the new roster.</summary>
internal sealed class SyncAudiencesOnRosterChange(SyncProgrammeAudience sync) : IRosterChanged
{
    public Task RosterChangedAsync(CancellationToken cancellationToken) => sync.SyncAllAsync(EnrolmentReasons.ByRule, cancellationToken);
}

/// <summary>
/// Once per interval, one node (the one that claims the lease) syncs every programme: people move, leave and pass
/// service-year thresholds without any import or edit telling us.
/// </summary>
internal sealed class DailyAudienceSync(
    IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<AudienceSyncOptions> options, TimeProvider clock, ILogger<DailyAudienceSync> logger) : BackgroundService
{
    public const string LeaseName = "training-audience-sync";

    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.AudienceSyncInterval;
        // Look often enough that a node taking over after another stopped is not late by more than a small part of the interval.
        var look = TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 24, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromHours(1).Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<DatabaseLease>().TryClaimAsync(LeaseName, _holder, interval, stoppingToken))
                {
                    var counts = await scope.ServiceProvider.GetRequiredService<SyncProgrammeAudience>().SyncAllAsync(EnrolmentReasons.ByRule, stoppingToken);
                    logger.LogInformation("Audience sync: {Invited} invited, {Withdrawn} withdrawn, {Reinvited} invited again", counts.Invited, counts.Withdrawn, counts.Reinvited);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next look tries again once the lease has expired; a failed run must not stop the service.
                logger.LogError(ex, "Audience sync failed");
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
