using System.Globalization;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Pdf;
using SkiaSharp;

namespace ServeWell.Web.Modules.Insights.Reports;

/// <summary>One label of the report's chart, where it is drawn: its top-left corner, size (pt) and measured width.</summary>
public sealed record ChartText(string Text, float X, float Top, float Size, float Width)
{
    public float Right => X + Width;
}

/// <summary>
/// Where the monthly report's chart puts its lines and labels (ADR-040): computed apart from drawing, so a test can hold
/// the sizes (at least <see cref="LabelSize"/> pt, printed and projected) and prove that no label leaves the chart's box
/// or runs into its neighbour.
/// </summary>
public sealed record MonthlyReportChart(
    float Left, float PlotWidth, float Top, float Height, double Low, double High,
    IReadOnlyList<ChartText> Axis, IReadOnlyList<ChartText> Months, IReadOnlyList<ChartText> Legend, IReadOnlyList<float> LegendSwatches)
{
    /// <summary>The smallest label size in the report's chart: 9 pt (the tables' body size).</summary>
    public const float LabelSize = 9;

    private const float Gutter = 30;
    private const float Swatch = 12;

    /// <summary>The space above the plot that the legend takes.</summary>
    public const float LegendHeight = 20;

    /// <summary>The space below the plot that the month labels take.</summary>
    public const float MonthsHeight = 18;

    public float X(int i, int count) => count <= 1 ? Left : Left + (i * PlotWidth / (count - 1));

    public float Y(double v) => Top + Height - (float)((v - Low) / (High - Low) * Height);

    public static MonthlyReportChart Lay(
        IReadOnlyList<TrendMonthDto> months, float x, float top, float width, float height, string thisYear, string lastYear,
        Func<string, float, float> measure)
    {
        var values = months.SelectMany(m => new[] { m.Figures.Index, m.SameMonthLastYear?.Index }).OfType<double>().ToList();
        var low = values.Count == 0 ? 0 : Math.Floor(values.Min() / 10) * 10;
        var high = values.Count == 0 ? 100 : Math.Max(low + 10, Math.Ceiling(values.Max() / 10) * 10);
        var chart = new MonthlyReportChart(x + Gutter, width - Gutter, top, height, low, high, [], [], [], []);

        // Axis values right-aligned in the gutter, centred on their grid line.
        var axis = new List<ChartText>();
        for (var v = low; v <= high + 0.001; v += 10)
        {
            var text = v.ToString("0", CultureInfo.InvariantCulture);
            var w = measure(text, LabelSize);
            axis.Add(new ChartText(text, x + Gutter - 4 - w, chart.Y(v) - (LabelSize * 0.6f), LabelSize, w));
        }

        // Month numbers centred under their point, kept inside the box at both ends.
        var labels = new List<ChartText>();
        for (var i = 0; i < months.Count; i++)
        {
            var text = months[i].Month[5..];
            var w = measure(text, LabelSize);
            var left = Math.Clamp(chart.X(i, months.Count) - (w / 2), x, x + width - w);
            labels.Add(new ChartText(text, left, top + height + 4, LabelSize, w));
        }

        // The legend: each swatch then its words, the second placed after the first's measured width (any language).
        var legendTop = top - LegendHeight + 2;
        var first = new ChartText(thisYear, chart.Left + Swatch + 4, legendTop, LabelSize, measure(thisYear, LabelSize));
        var secondSwatch = first.Right + 16;
        var second = new ChartText(lastYear, secondSwatch + Swatch + 4, legendTop, LabelSize, measure(lastYear, LabelSize));
        return chart with { Axis = axis, Months = labels, Legend = [first, second], LegendSwatches = [chart.Left, secondSwatch] };
    }

    /// <summary>Draws the index of each month as a vector line (this year) and the same months a year before (grey).</summary>
    public void Draw(PdfPage page, IReadOnlyList<TrendMonthDto> months, SKColor thisYear, SKColor lastYear, SKColor grid, SKColor muted)
    {
        foreach (var label in Axis)
        {
            page.Fill(Left, Y(double.Parse(label.Text, CultureInfo.InvariantCulture)), PlotWidth, 0.5f, grid);
            page.Text(label.Text, label.X, label.Top, label.Size, colour: muted);
        }

        foreach (var label in Months)
        {
            page.Text(label.Text, label.X, label.Top, label.Size, colour: muted);
        }

        page.Polyline(months.Select((m, i) => (m, i)).Where(p => p.m.SameMonthLastYear?.Index is not null)
            .Select(p => new SKPoint(X(p.i, months.Count), Y(p.m.SameMonthLastYear!.Index!.Value))).ToList(), lastYear, 1.2f);
        page.Polyline(months.Select((m, i) => (m, i)).Where(p => p.m.Figures.Index is not null)
            .Select(p => new SKPoint(X(p.i, months.Count), Y(p.m.Figures.Index!.Value))).ToList(), thisYear, 2f);
        for (var i = 0; i < Legend.Count; i++)
        {
            page.Fill(LegendSwatches[i], Legend[i].Top + (Legend[i].Size / 2), Swatch, 3, i == 0 ? thisYear : lastYear);
            page.Text(Legend[i].Text, Legend[i].X, Legend[i].Top, Legend[i].Size);
        }
    }
}
