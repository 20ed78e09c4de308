namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>One month of a trend: its measures and its change against the same month a year before and the month before.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="YearOnYear">Against the same month a year before; null when that month is not in the series.</param>
/// <param name="MonthOnMonth">Against the previous month; null when that month is not in the series.</param>
public sealed record TrendPoint(DateOnly Month, SatisfactionMeasures Measures, PeriodChange? YearOnYear, PeriodChange? MonthOnMonth)
{
    /// <summary>True when either the satisfied share or the index moved significantly against the same month a year before.</summary>
    public bool SignificantYearOnYear(double alpha = SignificanceTest.DefaultAlpha) =>
        YearOnYear is { } c && (c.SatisfiedShareTest.IsSignificant(alpha) || c.IndexTest.IsSignificant(alpha));
}

/// <summary>Monthly series for the trend view, from month histograms (e.g. summed <c>insights_unit_months</c> rows).</summary>
public static class MonthlyTrend
{
    /// <summary>
    /// A point for every month from <paramref name="from"/> to <paramref name="to"/> (first days of months, inclusive);
    /// months missing from <paramref name="months"/> have no answers. Comparisons look up the earlier months in
    /// <paramref name="months"/> too, so pass the twelve months before <paramref name="from"/> for year-on-year changes.
    /// </summary>
    public static IReadOnlyList<TrendPoint> Series(IReadOnlyDictionary<DateOnly, ScoreHistogram> months, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (from.Day != 1 || to.Day != 1)
        {
            throw new ArgumentException("Months are given by their first day.", from.Day != 1 ? nameof(from) : nameof(to));
        }

        var points = new List<TrendPoint>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            var current = months.GetValueOrDefault(month);
            points.Add(new TrendPoint(
                month,
                current.Measures(),
                Compare(current, months, month.AddYears(-1)),
                Compare(current, months, month.AddMonths(-1))));
        }

        return points;
    }

    private static PeriodChange? Compare(ScoreHistogram current, IReadOnlyDictionary<DateOnly, ScoreHistogram> months, DateOnly earlier) =>
        months.TryGetValue(earlier, out var before) ? ChangeTests.Compare(current, before) : null;
}
