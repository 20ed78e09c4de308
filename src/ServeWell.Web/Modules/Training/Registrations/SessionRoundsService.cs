using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Jobs;

namespace ServeWell.Web.Modules.Training.Registrations;

public sealed class SessionRoundsOptions
{
    /// <summary>How often invitations, reminders and no-shows are worked through, by one node at a time (<c>Training:SessionRoundsInterval</c>).</summary>
    public TimeSpan SessionRoundsInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Runs <see cref="SessionRounds"/> on the one node that claims the lease, once per interval.</summary>
internal sealed class SessionRoundsService(
    IServiceScopeFactory scopes, IOptions<SessionRoundsOptions> options, TimeProvider clock, ILogger<SessionRoundsService> logger)
    : LeasedPeriodicJob(scopes, clock, logger)
{
    public const string LeaseName = "training-session-rounds";

    protected override string Lease => LeaseName;

    protected override TimeSpan Interval => options.Value.SessionRoundsInterval;

    protected override TimeSpan Look => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, Interval.Ticks / 5));

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // Claims already made stand if a run fails (nothing is sent twice); the rest waits for the next round.
        var counts = await services.GetRequiredService<SessionRounds>().RunAsync(cancellationToken);
        logger.LogInformation("Session rounds: {Invitations} invitations, {Reminders} reminders, {NoShows} no-shows", counts.Invitations, counts.Reminders, counts.NoShows);
    }
}
