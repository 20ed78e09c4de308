using ServeWell.Web.Modules.Insights.Statistics;

namespace ServeWell.Web.Tests.Insights;

public sealed class TrendAndRollupTests
{
    private static DateOnly M(int year, int month) => new(year, month, 1);

    [Fact]
    public void Series_ComparesWithTheSameMonthLastYearAndTheMonthBefore()
    {
        var months = new Dictionary<DateOnly, ScoreHistogram>
        {
            [M(2025, 3)] = new(10, 10, 20, 30, 30),
            [M(2026, 2)] = new(5, 5, 10, 40, 40),
            [M(2026, 3)] = new(5, 5, 10, 40, 40),
        };

        var series = MonthlyTrend.Series(months, M(2026, 2), M(2026, 4));

        series.Select(p => p.Month).ShouldBe([M(2026, 2), M(2026, 3), M(2026, 4)]);
        var march = series[1];
        march.YearOnYear!.SatisfiedShareChange!.Value.ShouldBe(0.2, 1e-12);
        march.SignificantYearOnYear().ShouldBeTrue();
        march.YearOnYear.IndexTest.Test.ShouldBe(SignificanceTest.WelchT);
        march.MonthOnMonth!.IndexChange.ShouldBe(0);
        march.MonthOnMonth.IndexTest.IsSignificant().ShouldBeFalse();
        series[0].YearOnYear.ShouldBeNull();
        // April has no answers: no measures, and its comparison with March cannot be tested.
        series[2].Measures.Index.ShouldBeNull();
        series[2].MonthOnMonth!.IndexTest.Computable.ShouldBeFalse();
        series[2].SignificantYearOnYear().ShouldBeFalse();
    }

    [Fact]
    public void Series_MonthsAreGivenByTheirFirstDay() =>
        Should.Throw<ArgumentException>(() => MonthlyTrend.Series(new Dictionary<DateOnly, ScoreHistogram>(), new DateOnly(2026, 1, 2), M(2026, 3)));

    [Fact]
    public void Rollups_OfRandomCells_GiveTheSameFiguresAsTheAnswers()
    {
        var random = new Random(20261122);
        var answers = Enumerable.Range(0, 5000).Select(_ => (Cell: random.Next(40), Score: random.Next(1, 6))).ToList();
        var cells = answers.GroupBy(a => a.Cell).Select(g => ScoreHistogram.Of(g.Select(a => a.Score))).ToList();
        var half = answers.Count / 2;

        var fromCells = ScoreHistogram.Sum(cells).Measures();
        var raw = answers.Select(a => a.Score).ToList();

        fromCells.Answers.ShouldBe(5000);
        fromCells.SatisfiedShare!.Value.ShouldBe(raw.Count(s => s >= 4) / 5000.0, 1e-12);
        fromCells.DissatisfiedShare!.Value.ShouldBe(raw.Count(s => s <= 2) / 5000.0, 1e-12);
        fromCells.Index!.Value.ShouldBe(raw.Average(s => (s - 1) * 25.0), 1e-9);

        // Welch from rolled-up sums equals Welch from the raw values.
        var a = raw.Take(half).Select(s => (s - 1) * 25.0).ToList();
        var b = raw.Skip(half).Select(s => (s - 1) * 25.0).ToList();
        var fromSums = ChangeTests.Welch(ScoreHistogram.Of(raw.Take(half)).IndexMoments(), ScoreHistogram.Of(raw.Skip(half)).IndexMoments());
        var meanA = a.Average();
        var meanB = b.Average();
        var varA = a.Sum(x => (x - meanA) * (x - meanA)) / (a.Count - 1);
        var varB = b.Sum(x => (x - meanB) * (x - meanB)) / (b.Count - 1);
        fromSums.Statistic.ShouldBe((meanA - meanB) / Math.Sqrt((varA / a.Count) + (varB / b.Count)), 1e-9);
    }

    [Fact]
    public void Moments_OfLargeRollups_KeepTheirPrecision()
    {
        // Ten million answers, all 75 but one at 100: the shortcut Σx² − (Σx)²/n must neither go negative nor be NaN.
        var h = new ScoreHistogram(0, 0, 0, 9_999_999, 1);
        var m = h.IndexMoments();

        m.Variance!.Value.ShouldBeInRange(0, 1e-3);
        m.Mean!.Value.ShouldBe(75.0000025, 1e-9);
    }
}
