using ServeWell.Web.Modules.Insights.Statistics;

namespace ServeWell.Web.Modules.Insights.Overview;

/// <summary>A test of a change, named, with its p-value; Significant at p &lt; 0.05.</summary>
public sealed record ChangeTestDto(string Test, double? PValue, bool Significant)
{
    public static ChangeTestDto From(SignificanceTest t) => new(t.Test, t.Computable ? t.PValue : null, t.IsSignificant());
}

/// <summary>One month against the same month a year before. Percentages 0..100; changes in points.</summary>
public sealed record TrendMonthDto(
    string Month, InsightsFigures Figures, InsightsFigures? SameMonthLastYear, double? SatisfiedChangePoints, double? IndexChange,
    ChangeTestDto? SatisfiedTest, ChangeTestDto? IndexTest);

/// <summary>
/// A subtree's months. A month (or its month a year before) with fewer than <paramref name="MinimumGroupSize"/> answers has
/// its figures withheld, and then no change or test is given for it either (ADR-047).
/// </summary>
public sealed record TrendsDto(
    string From, string To, string OrgUnitCode, string OrgUnitName, IReadOnlyList<TrendMonthDto> Months,
    int MinimumGroupSize = Statistics.MinimumGroupSize.Default);

/// <summary>Monthly series from the cube with the same months a year before, changes tested (ADR-014: z-test and Welch).</summary>
public sealed class TrendsReport(InsightsOverview overview)
{
    public Task<TrendsDto> SeriesAsync(InsightsQuery query, bool english, CancellationToken cancellationToken) =>
        SeriesAsync(query, english, null, null, cancellationToken);

    /// <summary>The series for one service (its key, 0 = none named) and/or one channel (the enum as int) when given.</summary>
    public async Task<TrendsDto> SeriesAsync(InsightsQuery query, bool english, int? serviceKey, int? channel, CancellationToken cancellationToken)
    {
        // The subtree's months from the unit's own cells and the subtree rollup (ADR-021), not every office's cells.
        var months = await overview.SubtreeMonthsAsync(query.Unit.Id, query.From.AddYears(-1), query.To, cancellationToken, serviceKey, channel);
        var series = MonthlyTrend.Series(months, query.From, query.To);
        var minimum = overview.Minimum;
        InsightsFigures Figures(DateOnly month)
        {
            var figures = InsightsFigures.From(months.GetValueOrDefault(month));
            return figures.Answers > 0 && !Statistics.MinimumGroupSize.MayShow(figures.Answers, minimum) ? figures.Withhold() : figures;
        }

        return new TrendsDto(
            InsightsScope.Format(query.From), InsightsScope.Format(query.To), query.Unit.Code, query.Unit.DisplayName(english),
            series.Select(p =>
            {
                var figures = Figures(p.Month);
                var before = p.YearOnYear is null ? null : Figures(p.Month.AddYears(-1));
                var change = figures.Withheld || before is null || before.Withheld ? null : p.YearOnYear;
                return new TrendMonthDto(
                    InsightsScope.Format(p.Month), figures, before, change?.SatisfiedShareChange * 100, change?.IndexChange,
                    change is { } y ? ChangeTestDto.From(y.SatisfiedShareTest) : null,
                    change is { } z ? ChangeTestDto.From(z.IndexTest) : null);
            }).ToList(),
            minimum);
    }
}
