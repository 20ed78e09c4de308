using System.Security.Claims;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.Training.Compliance;

namespace ServeWell.Web.Modules.Home;

/// <summary>
/// The key figures of the home pages as tiles, each read through its module's own query: satisfaction and responses
/// (Insights, withheld below the minimum group size), follow-ups closed on time (FollowUps), training completion (Training).
/// </summary>
public sealed class KeyFigures(SatisfactionSeries satisfaction, FollowUpTimeliness timeliness)
{
    public KpiPeriod Period => new(satisfaction.ThisMonth);

    public int Minimum => satisfaction.Minimum;

    /// <summary>The subtree's satisfied share and number of answers.</summary>
    public async Task<(KpiTile Satisfaction, KpiTile Responses)> SatisfactionAsync(OrgUnit unit, string insightsLink, CancellationToken cancellationToken)
    {
        var p = Period;
        var months = await satisfaction.MonthsAsync(unit, p.PreviousFrom < p.TrendFrom ? p.PreviousFrom : p.TrendFrom, p.To, cancellationToken);
        var now = months.Sum(p.From, p.To);
        var before = months.Sum(p.PreviousFrom, p.PreviousTo);
        var trend = months.Months.Where(m => m.Month >= p.TrendFrom).ToList();
        return (
            new KpiTile("satisfaction", "Citizen satisfaction", KpiKind.Percent, now.SatisfiedPercent, before.SatisfiedPercent,
                trend.Select(m => new KpiPoint(m.Month, m.Figure.SatisfiedPercent)).ToList(), insightsLink)
            {
                Note = now.SatisfiedPercent is null ? "Fewer answers than the minimum group size: no share is shown." : null,
            },
            new KpiTile("responses", "Citizen responses", KpiKind.Count, now.Answers, before.Answers,
                trend.Select(m => new KpiPoint(m.Month, m.Figure.Answers)).ToList(), insightsLink));
    }

    /// <summary>The share of follow-up deadlines met, among the cases the user may see.</summary>
    public async Task<KpiTile> OnTimeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var p = Period;
        var months = await timeliness.MonthsAsync(user, p.PreviousFrom < p.TrendFrom ? p.PreviousFrom : p.TrendFrom, p.To, cancellationToken);
        double? Share(DateOnly from, DateOnly to)
        {
            var due = months.Where(m => m.Month >= from && m.Month <= to).ToList();
            var count = due.Sum(m => m.Due);
            return count == 0 ? null : 100.0 * due.Sum(m => m.ClosedOnTime) / count;
        }

        return new KpiTile("on-time", "Follow-ups closed on time", KpiKind.Percent, Share(p.From, p.To), Share(p.PreviousFrom, p.PreviousTo),
            months.Where(m => m.Month >= p.TrendFrom).Select(m => new KpiPoint(m.Month, m.OnTimePercent)).ToList(), "/FollowUps?State=all")
        {
            Note = Share(p.From, p.To) is null ? "No follow-up deadline fell in this period." : null,
        };
    }

    /// <summary>The share of today's training audience that has completed its current cycle, now and at the end of each month.</summary>
    public KpiTile Completion(IReadOnlyCollection<ComplianceRow> rows, DateOnly today)
    {
        var p = Period;
        var trend = new List<KpiPoint>();
        for (var m = p.TrendFrom; m <= p.To; m = m.AddMonths(1))
        {
            var end = m.AddMonths(1).AddDays(-1);
            trend.Add(new KpiPoint(m, ComplianceCounts.CompletedPercentOn(rows, end < today ? end : today)));
        }

        return new KpiTile("completion", "Training completion", KpiKind.Percent, ComplianceCounts.CompletedPercentOn(rows, today),
            ComplianceCounts.CompletedPercentOn(rows, p.From.AddDays(-1)), trend, "/Training/Compliance")
        {
            Note = rows.Count == 0 ? "No one is enrolled in a training programme yet." : null,
        };
    }
}
