using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.FollowUps.Cases;

/// <summary>One month of deadlines: the cases whose deadline fell in it (and has passed), and how many were closed by then.</summary>
public sealed record TimelinessMonth(DateOnly Month, int Due, int ClosedOnTime)
{
    /// <summary>0..100; null when no deadline fell in the month.</summary>
    public double? OnTimePercent => Due == 0 ? null : 100.0 * ClosedOnTime / Due;
}

/// <summary>
/// Whether cases in the user's scope were closed (resolved, or closed as unreachable after trying) by their deadline, per
/// local month of the deadline. A case still open before its deadline is not counted yet; one open after it counts as late.
/// </summary>
public sealed class FollowUpTimeliness(ServeWellDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<TimelinessMonth>> MonthsAsync(ClaimsPrincipal user, DateOnly fromMonth, DateOnly toMonth, CancellationToken cancellationToken)
    {
        var scope = await FollowUpScope.ForAsync(user, db, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var end = toMonth.AddMonths(1);
        var cases = await scope.Apply(db.Set<FollowUpCase>().AsNoTracking())
            .Where(c => c.DueOn >= fromMonth && c.DueOn < end && c.DueAtUtc <= now)
            .Select(c => new { c.DueOn, OnTime = c.State != FollowUpState.New && c.State != FollowUpState.Contacted && c.ClosedAtUtc <= c.DueAtUtc })
            .ToListAsync(cancellationToken);
        var months = new List<TimelinessMonth>();
        for (var m = fromMonth; m <= toMonth; m = m.AddMonths(1))
        {
            var month = m;
            var due = cases.Where(c => c.DueOn.Year == month.Year && c.DueOn.Month == month.Month).ToList();
            months.Add(new TimelinessMonth(month, due.Count, due.Count(c => c.OnTime)));
        }

        return months;
    }
}
