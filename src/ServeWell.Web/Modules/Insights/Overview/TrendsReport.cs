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

public sealed record TrendsDto(string From, string To, string OrgUnitCode, string OrgUnitName, IReadOnlyList<TrendMonthDto> Months);

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
        return new TrendsDto(
            InsightsScope.Format(query.From), InsightsScope.Format(query.To), query.Unit.Code, query.Unit.DisplayName(english),
            series.Select(p => new TrendMonthDto(
                InsightsScope.Format(p.Month),
                InsightsFigures.From(months.GetValueOrDefault(p.Month)),
                p.YearOnYear is null ? null : InsightsFigures.From(months.GetValueOrDefault(p.Month.AddYears(-1))),
                p.YearOnYear?.SatisfiedShareChange * 100,
                p.YearOnYear?.IndexChange,
                p.YearOnYear is { } y ? ChangeTestDto.From(y.SatisfiedShareTest) : null,
                p.YearOnYear is { } z ? ChangeTestDto.From(z.IndexTest) : null)).ToList());
    }
}
