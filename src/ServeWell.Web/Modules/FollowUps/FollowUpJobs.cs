using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.FollowUps.Contacts;
using ServeWell.Web.Modules.FollowUps.Notices;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Jobs;

namespace ServeWell.Web.Modules.FollowUps;

/// <summary>The periodic work of follow-ups, each callable on its own (tests, "run now") and by the background loop.</summary>
public sealed class FollowUpHousekeeping(ServeWellDbContext db, Supervisors supervisors, BusinessCalendar calendar, IOptions<FollowUpOptions> options, TimeProvider clock)
{
    /// <summary>Deletes the contact details of cases closed longer ago than the retention period; returns how many.</summary>
    public async Task<int> PurgeContactsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - options.Value.ContactRetention;
        var cases = await db.Set<FollowUpCase>()
            .Where(c => c.ClosedAtUtc != null && c.ClosedAtUtc <= before && db.Set<FollowUpContact>().Any(x => x.CaseId == c.Id))
            .ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = 0;
        foreach (var c in cases)
        {
            // Per case, so that a run overlapping another (a lease that ran out mid-run) records each deletion once.
            if (await db.Set<FollowUpContact>().Where(x => x.CaseId == c.Id).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                continue;
            }

            deleted++;
            c.ContactPurgedAtUtc = now;
            c.Version++;
            db.Add(new FollowUpEvent { CaseId = c.Id, AtUtc = now, Kind = FollowUpEventKind.ContactPurged, ActorName = FollowUpActor.System.Name });
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>
    /// Queues a reminder to the assignee of every overdue open case not yet reminded today (city time), and the first
    /// time a case is overdue escalates it to the supervisors of the next level up the org tree; returns how many cases.
    /// </summary>
    public async Task<int> RemindOverdueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = calendar.Today(now);
        var overdue = await db.Set<FollowUpCase>().Include(c => c.OrgUnit)
            .Where(c => (c.State == FollowUpState.New || c.State == FollowUpState.Contacted) && c.DueAtUtc <= now && c.AssignedUserId != null
                        && (c.LastRemindedOn == null || c.LastRemindedOn < today))
            .ToListAsync(cancellationToken);
        var ids = overdue.Select(c => c.Id).ToList();
        var escalated = (await db.Set<FollowUpEvent>().Where(e => ids.Contains(e.CaseId) && e.Kind == FollowUpEventKind.Escalated)
            .Select(e => e.CaseId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var c in overdue)
        {
            c.LastRemindedOn = today;
            db.Add(new FollowUpNotice { CaseId = c.Id, Kind = FollowUpNoticeKind.Overdue, RecipientUserId = c.AssignedUserId, CreatedAtUtc = now });
            db.Add(new FollowUpEvent { CaseId = c.Id, AtUtc = now, Kind = FollowUpEventKind.Reminded, ActorName = FollowUpActor.System.Name });
            if (!escalated.Contains(c.Id) && await NextLevelUpAsync(c, cancellationToken) is { Count: > 0 } above)
            {
                foreach (var s in above)
                {
                    db.Add(new FollowUpNotice { CaseId = c.Id, Kind = FollowUpNoticeKind.Escalated, RecipientUserId = s.UserId, CreatedAtUtc = now });
                }

                db.Add(new FollowUpEvent { CaseId = c.Id, AtUtc = now, Kind = FollowUpEventKind.Escalated, ActorName = FollowUpActor.System.Name, Detail = string.Join(", ", above.Select(s => s.DisplayName)) });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return overdue.Count;
    }

    /// <summary>The supervisors of the nearest level above the assignee's own scope that covers the case.</summary>
    private async Task<IReadOnlyList<Supervisors.Supervisor>> NextLevelUpAsync(FollowUpCase c, CancellationToken cancellationToken)
    {
        var covering = await supervisors.CoveringAsync(c.OrgUnit!.Path, cancellationToken);
        var assignee = covering.FirstOrDefault(s => s.UserId == c.AssignedUserId);
        var above = covering.Where(s => assignee is not null && s.ScopeDepth < assignee.ScopeDepth).ToList();
        return above.Count == 0 ? [] : above.Where(s => s.ScopeDepth == above.Max(a => a.ScopeDepth)).ToList();
    }
}

/// <summary>
/// Every node loops; the contact purge and the overdue reminders each run once per interval across all nodes (whoever
/// claims the lease), and each node sends follow-up mail (each notice is claimed on its own).
/// </summary>
internal sealed class FollowUpBackground(
    IServiceScopeFactory scopes, IOptions<FollowUpOptions> options, TimeProvider clock, ILogger<FollowUpBackground> logger) : BackgroundService
{
    public const string PurgeLease = "follow-up-contact-purge";
    public const string ReminderLease = "follow-up-overdue-reminders";
    public const string OwnersLease = "follow-up-case-owners";

    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var look = new[] { o.MailInterval, Look(o.PurgeInterval), Look(o.ReminderInterval) }.Min();
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunAsync("key ring", s =>
            {
                s.GetRequiredService<ContactVault>().WarmUp();
                return Task.CompletedTask;
            }, stoppingToken);
            await RunAsync("contact purge", s => LeasedAsync(s, PurgeLease, o.PurgeInterval, async () =>
            {
                var n = await s.GetRequiredService<FollowUpHousekeeping>().PurgeContactsAsync(stoppingToken);
                logger.LogInformation("Follow-up contact purge: {Count} deleted", n);
            }, stoppingToken), stoppingToken);
            await RunAsync("overdue reminders", s => LeasedAsync(s, ReminderLease, o.ReminderInterval, async () =>
            {
                var n = await s.GetRequiredService<FollowUpHousekeeping>().RemindOverdueAsync(stoppingToken);
                logger.LogInformation("Follow-up overdue reminders: {Count} queued", n);
            }, stoppingToken), stoppingToken);

            // A supervisor given a scope takes over its cases without an owner within a mail interval (ADR-029).
            await RunAsync("case owners", s => LeasedAsync(s, OwnersLease, o.MailInterval,
                () => s.GetRequiredService<Owners.CaseOwners>().AdoptAsync(stoppingToken), stoppingToken), stoppingToken);
            await RunAsync("mail", s => s.GetRequiredService<FollowUpMailer>().SendPendingAsync(stoppingToken), stoppingToken);

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

    // A node taking over after another stopped is late by at most a small part of the interval.
    private static TimeSpan Look(TimeSpan interval) =>
        TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 24, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromHours(1).Ticks));

    /// <summary>Runs <paramref name="work"/> if this node claims the lease, and counts the run in the job metrics as <see cref="LeasedPeriodicJob"/> does.</summary>
    private async Task LeasedAsync(IServiceProvider services, string lease, TimeSpan interval, Func<Task> work, CancellationToken stoppingToken)
    {
        if (!await services.GetRequiredService<DatabaseLease>().TryClaimAsync(lease, _holder, interval, stoppingToken))
        {
            return;
        }

        var started = clock.GetTimestamp();
        var succeeded = false;
        try
        {
            await work();
            succeeded = true;
        }
        finally
        {
            Platform.Web.ServeWellMetrics.JobRan(lease, clock.GetElapsedTime(started), succeeded, clock.GetUtcNow());
        }
    }

    private async Task RunAsync(string what, Func<IServiceProvider, Task> work, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await work(scope.ServiceProvider);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The next look tries again; a failed run must not stop the service.
            logger.LogError(ex, "Follow-up {Work} failed", what);
        }
    }
}
