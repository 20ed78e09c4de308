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
    IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<AudienceSyncOptions> options, TimeProvider clock, ILogger<DailyAudienceSync> logger)
    : LeasedPeriodicJob(scopes, clock, logger)
{
    public const string LeaseName = "training-audience-sync";

    protected override string Lease => LeaseName;

    protected override TimeSpan Interval => options.Value.AudienceSyncInterval;

    protected override TimeSpan Look => TimeSpan.FromTicks(Math.Clamp(Interval.Ticks / 24, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromHours(1).Ticks));

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var counts = await services.GetRequiredService<SyncProgrammeAudience>().SyncAllAsync(EnrolmentReasons.ByRule, cancellationToken);
        logger.LogInformation("Audience sync: {Invited} invited, {Withdrawn} withdrawn, {Reinvited} invited again", counts.Invited, counts.Withdrawn, counts.Reinvited);
    }
}
