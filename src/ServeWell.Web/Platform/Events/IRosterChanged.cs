namespace ServeWell.Web.Platform.Events;

/// <summary>
/// Told after a roster import has been applied, so modules that depend on who works where (training audiences)
/// can catch up without the People module knowing about them.
/// </summary>
public interface IRosterChanged
{
    Task RosterChangedAsync(CancellationToken cancellationToken);
}

public static class RosterChangedEvents
{
    /// <summary>
    /// Tells every <see cref="IRosterChanged"/> in turn. The import is already committed, so a listener that fails
    /// is logged and the others still run; the daily audience sync catches up what it missed.
    /// </summary>
    public static async Task NotifyRosterChangedAsync(this IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var listener in services.GetServices<IRosterChanged>())
        {
            try
            {
                await listener.RosterChangedAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Listener} failed after a roster import", listener.GetType().Name);
            }
        }
    }
}
