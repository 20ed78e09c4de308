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
    IServiceScopeFactory scopes, IOptions<SessionRoundsOptions> options, TimeProvider clock, ILogger<SessionRoundsService> logger) : BackgroundService
{
    public const string LeaseName = "training-session-rounds";

    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SessionRoundsInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<DatabaseLease>().TryClaimAsync(LeaseName, _holder, interval, stoppingToken))
                {
                    var counts = await scope.ServiceProvider.GetRequiredService<SessionRounds>().RunAsync(stoppingToken);
                    logger.LogInformation("Session rounds: {Invitations} invitations, {Reminders} reminders, {NoShows} no-shows", counts.Invitations, counts.Reminders, counts.NoShows);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The claims already made stand (nothing is sent twice); the rest waits for the next round.
                logger.LogError(ex, "Session rounds failed");
            }

            try
            {
                await Task.Delay(TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, interval.Ticks / 5)), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
