using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.Insights.Statistics;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.City;

namespace ServeWell.Web.Modules.Insights.Overview;

/// <summary>
/// A period of answers as a headline shows it: how many, and the satisfied share (0..100) — null when fewer than
/// <c>City:MinimumGroupSize</c> answers make it up, so a figure never rests on a handful of citizens.
/// </summary>
public sealed record SatisfactionFigure(long Answers, double? SatisfiedPercent);

/// <summary>A subtree's satisfaction month by month, with the sum of any run of months, each withheld below the minimum.</summary>
public sealed record SatisfactionMonths(IReadOnlyList<(DateOnly Month, SatisfactionFigure Figure)> Months, IReadOnlyDictionary<DateOnly, ScoreHistogram> Scores, int Minimum)
{
    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/> (first days) summed, then judged against the minimum.</summary>
    public SatisfactionFigure Sum(DateOnly from, DateOnly to) =>
        SatisfactionSeries.Figure(ScoreHistogram.Sum(Scores.Where(s => s.Key >= from && s.Key <= to).Select(s => s.Value)), Minimum);
}

/// <summary>
/// Monthly satisfaction of an org subtree for the home pages' tiles and trends, read from the rollups
/// (<see cref="InsightsOverview.SubtreeMonthsAsync"/>), never from the answers.
/// </summary>
public sealed class SatisfactionSeries(InsightsOverview overview, InsightsCalendar calendar, TimeProvider clock, IOptions<CityOptions> city)
{
    public int Minimum => Math.Max(1, city.Value.MinimumGroupSize);

    /// <summary>The first day of the city's current month.</summary>
    public DateOnly ThisMonth => calendar.MonthOf(clock.GetUtcNow().UtcDateTime);

    public async Task<SatisfactionMonths> MonthsAsync(OrgUnit unit, DateOnly fromMonth, DateOnly toMonth, CancellationToken cancellationToken)
    {
        var scores = await overview.SubtreeMonthsAsync(unit.Id, fromMonth, toMonth, cancellationToken);
        var months = new List<(DateOnly, SatisfactionFigure)>();
        for (var m = fromMonth; m <= toMonth; m = m.AddMonths(1))
        {
            months.Add((m, Figure(scores.GetValueOrDefault(m), Minimum)));
        }

        return new SatisfactionMonths(months, scores, Minimum);
    }

    internal static SatisfactionFigure Figure(ScoreHistogram scores, int minimum) =>
        new(scores.Count, MinimumGroupSize.MayShow(scores.Count, minimum) ? scores.Measures().SatisfiedShare * 100 : null);
}
