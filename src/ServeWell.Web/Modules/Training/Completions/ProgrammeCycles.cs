using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Completions;

/// <summary>
/// The cycles of a programme (ADR-010). Cycle 1 starts when the programme was created and is due by its due date.
/// A programme with <see cref="Programme.RecurrenceMonths"/> opens cycle n+1 that many months after cycle n started,
/// due that many months after cycle n was due: the programme's due date moves on, and attended, no-show and excused
/// enrolments go back to invited, while the completions of earlier cycles stay.
/// </summary>
public sealed class ProgrammeCycles(ServeWellDbContext db, CityClock city, TimeProvider clock)
{
    public const string NewCycleReason = "NewCycle";

    /// <summary>The city's today: cycles open and fall due on the city's calendar.</summary>
    public DateOnly Today => city.Today;

    /// <summary>The current cycle of the programme; cycle 1 is written on first use.</summary>
    public async Task<ProgrammeCycle> CurrentAsync(Programme programme, CancellationToken cancellationToken)
    {
        var current = await LatestAsync(programme.Id, cancellationToken);
        if (current is not null)
        {
            return current;
        }

        var first = new ProgrammeCycle
        {
            ProgrammeId = programme.Id, Number = 1, StartsOn = city.DateOf(new DateTimeOffset(DateTime.SpecifyKind(programme.CreatedAt, DateTimeKind.Utc))), DueOn = programme.DueDate,
            OpenedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ProgrammeCycles.Add(first);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return first;
        }
        catch (DbUpdateException)
        {
            // Another request wrote cycle 1 at the same moment: the unique index kept one, and it is as good as ours.
            db.Entry(first).State = EntityState.Detached;
            return await LatestAsync(programme.Id, cancellationToken) ?? throw new InvalidOperationException("Cycle 1 could not be written.");
        }
    }

    public Task<ProgrammeCycle?> LatestAsync(int programmeId, CancellationToken cancellationToken) =>
        db.ProgrammeCycles.AsNoTracking().Where(c => c.ProgrammeId == programmeId).OrderByDescending(c => c.Number).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Opens every cycle that has come due by <paramref name="today"/> for every recurring programme. Run by one node at a
    /// time (the completion sweep holds a lease); answers how many cycles were opened.
    /// </summary>
    public async Task<int> OpenDueCyclesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var recurring = await db.Programmes.AsNoTracking().Where(p => p.RecurrenceMonths != null && p.RecurrenceMonths > 0).Select(p => p.Id).ToListAsync(cancellationToken);
        var opened = 0;
        foreach (var id in recurring)
        {
            opened += await OpenDueCyclesAsync(id, today, cancellationToken);
        }

        return opened;
    }

    public async Task<int> OpenDueCyclesAsync(int programmeId, DateOnly today, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        if (programme?.RecurrenceMonths is not ({ } months and > 0))
        {
            return 0;
        }

        var current = await CurrentAsync(programme, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var opened = new List<ProgrammeCycle>();
        // The programme's due date is the current cycle's (a training officer may have moved it); the next is due after it.
        var due = programme.DueDate;
        while (current.StartsOn.AddMonths(months) <= today)
        {
            due = due?.AddMonths(months);
            current = new ProgrammeCycle
            {
                ProgrammeId = programme.Id, Number = current.Number + 1, StartsOn = current.StartsOn.AddMonths(months), DueOn = due, OpenedAtUtc = now,
            };
            opened.Add(current);
        }

        if (opened.Count == 0)
        {
            return 0;
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        db.ProgrammeCycles.AddRange(opened);
        programme.DueDate = current.DueOn;
        programme.UpdatedAt = now;
        var reset = await db.Enrolments
            .Where(e => e.ProgrammeId == programme.Id && (e.State == EnrolmentState.Attended || e.State == EnrolmentState.NoShow || e.State == EnrolmentState.Excused))
            .Select(e => new { e.Id, e.State }).ToListAsync(cancellationToken);
        foreach (var e in reset)
        {
            db.EnrolmentChanges.Add(new EnrolmentChange { EnrolmentId = e.Id, FromState = e.State, ToState = EnrolmentState.Invited, Reason = NewCycleReason, At = now, By = EnrolmentReasons.ByRule });
        }

        await db.SaveChangesAsync(cancellationToken);
        var ids = reset.Select(e => e.Id).ToList();
        foreach (var chunk in ids.Chunk(5000))
        {
            await db.Enrolments.Where(e => chunk.Contains(e.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(e => e.State, EnrolmentState.Invited).SetProperty(e => e.StateReason, NewCycleReason).SetProperty(e => e.StateSince, now),
                cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return opened.Count;
    }
}
