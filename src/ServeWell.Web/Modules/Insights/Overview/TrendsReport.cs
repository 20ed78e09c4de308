using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Insights.Statistics;
using ServeWell.Web.Platform.Data;

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
public sealed class TrendsReport(ServeWellDbContext db)
{
    public Task<TrendsDto> SeriesAsync(InsightsQuery query, bool english, CancellationToken cancellationToken) =>
        SeriesAsync(query, english, null, null, cancellationToken);

    /// <summary>The series for one service (its key, 0 = none named) and/or one channel (the enum as int) when given.</summary>
    public async Task<TrendsDto> SeriesAsync(InsightsQuery query, bool english, int? serviceKey, int? channel, CancellationToken cancellationToken)
    {
        var prefix = query.Unit.Path;
        var units = db.OrgUnits.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id);
        var start = query.From.AddYears(-1);
        var cells = db.InsightsUnitServiceMonths.AsNoTracking()
            .Where(c => c.Month >= start && c.Month <= query.To && units.Contains(c.OrgUnitId));
        if (serviceKey is { } service)
        {
            cells = cells.Where(c => c.ServiceKey == service);
        }

        if (channel is { } ch)
        {
            cells = cells.Where(c => c.Channel == ch);
        }

        var rows = await cells
            .GroupBy(c => c.Month)
            .Select(g => new
            {
                Month = g.Key,
                S1 = g.Sum(c => (long)c.Score1), S2 = g.Sum(c => (long)c.Score2), S3 = g.Sum(c => (long)c.Score3),
                S4 = g.Sum(c => (long)c.Score4), S5 = g.Sum(c => (long)c.Score5),
            })
            .ToListAsync(cancellationToken);
        var months = rows.ToDictionary(r => r.Month, r => new ScoreHistogram(r.S1, r.S2, r.S3, r.S4, r.S5));
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
