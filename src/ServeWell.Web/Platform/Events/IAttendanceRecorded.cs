namespace ServeWell.Web.Platform.Events;

/// <summary>An employee's attendance at a session was recorded or changed (any channel), and committed.</summary>
public sealed record AttendanceRecorded(int SessionId, int ProgrammeId, int EnrolmentId, int EmployeeId);

/// <summary>
/// Told after attendance is committed, so modules that decide what attendance means (completion, certificates)
/// can act without the attendance code knowing about them. A listener that fails is logged; its own periodic
/// sweep must catch up.
/// </summary>
public interface IAttendanceRecorded
{
    Task AttendanceRecordedAsync(AttendanceRecorded attendance, CancellationToken cancellationToken);
}

public static class AttendanceRecordedEvents
{
    public static async Task NotifyAttendanceRecordedAsync(
        this IServiceProvider services, AttendanceRecorded attendance, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var listener in services.GetServices<IAttendanceRecorded>())
        {
            try
            {
                await listener.AttendanceRecordedAsync(attendance, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Listener} failed after attendance at session {SessionId}", listener.GetType().Name, attendance.SessionId);
            }
        }
    }
}
