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

/// <summary>
/// The work of one sweep: re-date completions recorded before ADR-029, complete every enrolment that meets its rule,
/// then open the cycles that came due. Completing first keeps a completion the listener missed in the cycle its events
/// belong to; opening first would reset the enrolment and lose it.
/// </summary>
public sealed class CompletionSweepRun(ProgrammeCycles cycles, CompleteEnrolment complete, CompletionDating dating)
{
    public sealed record Counts(int CyclesOpened, int Completed, int Redated = 0);

    public async Task<Counts> RunAsync(CancellationToken cancellationToken)
    {
        var redated = 0;
        for (int batch; (batch = await dating.RedateRecordedRowsAsync(cancellationToken)) > 0;)
        {
            redated += batch;
        }

        var completed = await complete.SweepAsync(cancellationToken);
        var opened = await cycles.OpenDueCyclesAsync(cycles.Today, cancellationToken);
        return new Counts(opened, completed, redated);
    }
}

/// <summary>
/// Catches up what the attendance listener missed (it failed, or the node stopped) and opens new cycles of recurring
/// programmes; once per interval, on the one node that claims the lease.
/// </summary>
internal sealed class CompletionSweep(IServiceScopeFactory scopes, IOptions<CompletionSweepOptions> options, TimeProvider clock, ILogger<CompletionSweep> logger)
    : LeasedPeriodicJob(scopes, clock, logger)
{
    public const string LeaseName = "training-completion-sweep";

    protected override string Lease => LeaseName;

    protected override TimeSpan Interval => options.Value.CompletionSweepInterval;

    protected override TimeSpan Look => TimeSpan.FromTicks(Math.Clamp(Interval.Ticks / 12, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromMinutes(10).Ticks));

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var counts = await services.GetRequiredService<CompletionSweepRun>().RunAsync(cancellationToken);
        if (counts.CyclesOpened + counts.Completed + counts.Redated > 0)
        {
            logger.LogInformation("Completion sweep: {Cycles} cycles opened, {Completed} completions recorded, {Redated} re-dated", counts.CyclesOpened, counts.Completed, counts.Redated);
        }
    }
}
