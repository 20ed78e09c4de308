using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Practice.Scenarios;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Insights.Practice;

/// <summary>
/// A practice competency's share of the best (<see cref="Percent"/>) beside a citizens' driver's mean 0–100 value
/// (<see cref="Driver"/>, rated by <see cref="Ratings"/> answers). Either side is null when withheld or absent.
/// </summary>
public sealed record PracticeRow(string Code, string Name, int Players, int Attempts, bool PracticeWithheld,
    int? Empathy, int? DifficultSituations, int? ProblemSolving, double? Courtesy, long CourtesyRatings, double? Outcome, long OutcomeRatings);

public sealed record PracticeBesideCitizensDto(string OrgUnitName, string From, string To, int MinimumGroupSize, IReadOnlyList<PracticeRow> Offices);

/// <summary>
/// Per office of the subtree, the practice profile of its employees beside what citizens said there over the same
/// months (issue 15, ADR-065): empathy and handling difficult situations beside the courtesy driver, problem solving beside
/// the outcome driver. An office with fewer employees who practised than the minimum group size shows no practice figures,
/// and a driver rated fewer times than that shows no mean; never a figure per employee.
/// </summary>
public sealed class PracticeBesideCitizens(InsightsOverview overview, PracticeFigures practice, CityClock clock, ServeWellDbContext db)
{
    /// <summary>The Feedback module's driver order (FeedbackRequest.DriverNames): courtesy and outcome.</summary>
    private const int CourtesyDriver = 2;
    private const int OutcomeDriver = 4;

    public async Task<PracticeBesideCitizensDto> ReadAsync(InsightsQuery query, bool english, CancellationToken cancellationToken)
    {
        var minimum = overview.Minimum;
        var units = db.OrgUnits.Where(u => u.Path.StartsWith(query.Unit.Path)).Select(u => u.Id);
        var from = clock.StartOf(query.From).UtcDateTime;
        var to = clock.StartOf(query.To.AddMonths(1)).UtcDateTime;
        var practised = (await practice.PerUnitAsync(from, to, units, cancellationToken)).ToDictionary(p => p.OrgUnitId);
        var drivers = (await overview.CellsAsync(query, cancellationToken)).GroupBy(c => c.OrgUnitId)
            .ToDictionary(g => g.Key, g => (Courtesy: g.Aggregate(default(Statistics.DriverSum), (s, c) => s + c.Drivers[CourtesyDriver]),
                Outcome: g.Aggregate(default(Statistics.DriverSum), (s, c) => s + c.Drivers[OutcomeDriver])));
        var ids = practised.Keys.Union(drivers.Keys).ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.Name, u.NameEn, u.Path }).ToListAsync(cancellationToken);

        var rows = names.OrderBy(u => u.Path).Select(u =>
        {
            var p = practised.GetValueOrDefault(u.Id);
            var withheld = p is null || p.Players < minimum;
            int? Share(string competency) => withheld ? null : p!.Competencies.GetValueOrDefault(competency)?.Percent;
            var (courtesy, outcome) = drivers.GetValueOrDefault(u.Id);
            double? Mean(Statistics.DriverSum d) => d.Count >= minimum ? d.Mean : null;
            return new PracticeRow(u.Code, english && !string.IsNullOrWhiteSpace(u.NameEn) ? u.NameEn! : u.Name, p?.Players ?? 0, p?.Attempts ?? 0, withheld,
                Share("empathy"), Share("difficult-situations"), Share("problem-solving"), Mean(courtesy), courtesy.Count, Mean(outcome), outcome.Count);
        }).Where(r => r.Players > 0).ToList();
        return new PracticeBesideCitizensDto(query.Unit.DisplayName(english), InsightsScope.Format(query.From), InsightsScope.Format(query.To), minimum, rows);
    }
}
