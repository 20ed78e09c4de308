using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Jobs;

namespace ServeWell.Web.Modules.Training.Completions;

public sealed class CompletionSweepOptions
{
    /// <summary>How often one node opens due cycles and completes what the listeners missed (<c>Training:CompletionSweepInterval</c>).</summary>
    public TimeSpan CompletionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Attendance was recorded: the enrolment may now be complete.</summary>
internal sealed class CompleteOnAttendance(CompleteEnrolment complete) : IAttendanceRecorded
{
    public Task AttendanceRecordedAsync(AttendanceRecorded attendance, CancellationToken cancellationToken) =>
        complete.TryCompleteAsync(attendance.ProgrammeId, attendance.EmployeeId, attendance.SessionId, cancellationToken);
}

/// <summary>The work of one sweep: open the cycles that came due, then complete every enrolment that meets its rule.</summary>
public sealed class CompletionSweepRun(ProgrammeCycles cycles, CompleteEnrolment complete)
{
    public sealed record Counts(int CyclesOpened, int Completed);

    public async Task<Counts> RunAsync(CancellationToken cancellationToken)
    {
        var opened = await cycles.OpenDueCyclesAsync(cycles.Today, cancellationToken);
        var completed = await complete.SweepAsync(cancellationToken);
        return new Counts(opened, completed);
    }
}

/// <summary>
/// Catches up what the attendance listener missed (it failed, or the node stopped) and opens new cycles of recurring
/// programmes; once per interval, on the one node that claims the lease.
/// </summary>
internal sealed class CompletionSweep(IServiceScopeFactory scopes, IOptions<CompletionSweepOptions> options, TimeProvider clock, ILogger<CompletionSweep> logger)
    : BackgroundService
{
    public const string LeaseName = "training-completion-sweep";

    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CompletionSweepInterval;
        var look = TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 12, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromMinutes(10).Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<DatabaseLease>().TryClaimAsync(LeaseName, _holder, interval, stoppingToken))
                {
                    var counts = await scope.ServiceProvider.GetRequiredService<CompletionSweepRun>().RunAsync(stoppingToken);
                    if (counts.CyclesOpened + counts.Completed > 0)
                    {
                        logger.LogInformation("Completion sweep: {Cycles} cycles opened, {Completed} completions recorded", counts.CyclesOpened, counts.Completed);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Completion sweep failed");
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
