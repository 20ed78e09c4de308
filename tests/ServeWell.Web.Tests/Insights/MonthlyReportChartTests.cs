using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Reports;
using ServeWell.Web.Platform.Pdf;

namespace ServeWell.Web.Tests.Insights;

/// <summary>The monthly report's chart as it is laid out for drawing, measured in the report's own font.</summary>
public sealed class MonthlyReportChartTests
{
    private const float X = 48, Top = 300, Width = 499, Height = 150;

    [Theory]
    [InlineData("This year", "Same month last year")]
    [InlineData("올해", "작년 같은 달")]
    public void Labels_AreAtLeastNinePoints_InsideTheBox_AndNeverTouch(string thisYear, string lastYear)
    {
        using var fonts = new PdfFonts(Options.Create(new PdfOptions()));
        using var pdf = new PdfWriter(fonts, "t", "t");
        var page = pdf.NewPage(PageSizes.A4Portrait);
        var months = Enumerable.Range(1, 12).Select(m => new TrendMonthDto(
            $"2026-{m:00}", new InsightsFigures(40, 80, 60 + m, 5), new InsightsFigures(40, 70, 100 - m, 8), null, null, null, null)).ToList();

        var chart = MonthlyReportChart.Lay(months, X, Top, Width, Height, thisYear, lastYear, (t, size) => page.Measure(t, size));

        var all = chart.Axis.Concat(chart.Months).Concat(chart.Legend).ToList();
        all.ShouldAllBe(l => l.Size >= 9);
        all.ShouldAllBe(l => l.X >= X && l.Right <= X + Width);
        all.ShouldAllBe(l => l.Top >= Top - MonthlyReportChart.LegendHeight && l.Top + l.Size <= Top + Height + MonthlyReportChart.MonthsHeight);
        chart.Axis.ShouldAllBe(l => l.Right <= chart.Left);
        chart.Months.Count.ShouldBe(12);
        foreach (var row in new[] { chart.Months, chart.Legend })
        {
            row.Zip(row.Skip(1)).ShouldAllBe(p => p.First.Right + 2 <= p.Second.X);
        }

        chart.LegendSwatches[1].ShouldBeGreaterThan(chart.Legend[0].Right);
    }
}
