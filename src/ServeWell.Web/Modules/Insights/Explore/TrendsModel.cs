using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Export;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Statistics;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Explore;

/// <summary>A point of the trend chart in SVG user units; <see cref="Flagged"/> when the change against a year before is significant.</summary>
public sealed record ChartPoint(string X, string Y, string Label, bool Flagged);

/// <summary>The satisfied share month by month, this period and the same months a year before, as SVG coordinates.</summary>
public sealed record TrendChart(string Current, string YearBefore, IReadOnlyList<ChartPoint> Points, IReadOnlyList<ChartPoint> BeforePoints, IReadOnlyList<(string Y, string Label)> Grid)
{
    // About as wide as a phone's column (ADR-038): drawn at its container's width, a 13-unit label is at least 11 px at 390 px.
    public const int Width = 400;
    public const int Height = 250;
    public const double Left = 40, Right = 24, Top = 12, Bottom = 36;

    public static TrendChart From(TrendsDto trends)
    {
        var n = trends.Months.Count;
        var step = n > 1 ? (Width - Left - Right) / (n - 1) : 0;
        static string S(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        double X(int i) => n > 1 ? Left + (i * step) : (Width + Left - Right) / 2;
        double Y(double percent) => Top + ((100 - percent) / 100 * (Height - Top - Bottom));
        var points = new List<ChartPoint>();
        var before = new List<ChartPoint>();
        for (var i = 0; i < n; i++)
        {
            var m = trends.Months[i];
            if (m.Figures.SatisfiedPercent is { } sat)
            {
                points.Add(new ChartPoint(S(X(i)), S(Y(sat)), m.Month[2..], m.SatisfiedTest?.Significant == true || m.IndexTest?.Significant == true));
            }

            if (m.SameMonthLastYear?.SatisfiedPercent is { } old)
            {
                before.Add(new ChartPoint(S(X(i)), S(Y(old)), m.Month[2..], false));
            }
        }

        var shown = ChartLabels.Thin(points.Select(p => (double.Parse(p.X, CultureInfo.InvariantCulture), p.Label)).ToList(), Width - Left - Right)
            .Select(l => l.Label).ToHashSet(StringComparer.Ordinal);
        points = [.. points.Select(p => shown.Contains(p.Label) ? p : p with { Label = "" })];
        var grid = new[] { 0, 25, 50, 75, 100 }.Select(p => (S(Y(p)), p.ToString(CultureInfo.InvariantCulture) + "%")).ToList();
        return new TrendChart(
            string.Join(' ', points.Select(p => p.X + "," + p.Y)), string.Join(' ', before.Select(p => p.X + "," + p.Y)), points, before, grid);
    }

    public static string LabelY => (Height - 14).ToString(CultureInfo.InvariantCulture);
}

[Authorize(Policy = Policies.ViewInsights)]
public sealed class TrendsModel(
    InsightsScope insightsScope, TrendsReport trends, StaffScope scope, ServeWellDbContext db, IStringLocalizer<SharedResource> localizer)
    : ExplorePageModel(insightsScope, scope, db)
{
    public TrendsDto? Trends { get; private set; }

    public TrendChart? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (result, notFound) = await LoadAsync(cancellationToken);
        if (notFound)
        {
            return NotFound();
        }

        Trends = result;
        Chart = result is null ? null : TrendChart.From(result);
        return Page();
    }

    /// <summary>The monthly table as CSV or XLSX (<c>?handler=Export&amp;format=csv|xlsx</c>).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var (t, notFound) = await LoadAsync(cancellationToken);
        if (notFound || t is null)
        {
            return NotFound();
        }

        var export = new ExportTable(
            $"insights-trends-{t.OrgUnitCode}-{t.From}-{t.To}",
            [localizer["Month"], localizer["Satisfied (4–5)"], localizer["Same month a year before"], localizer["Change (points)"], localizer["Test"], "p",
             localizer["Index (0–100)"], localizer["Index a year before"], localizer["Test"], "p", localizer["Answers"], localizer["Answers a year before"]],
            t.Months.Select(m => (IReadOnlyList<object?>)[
                m.Month, Shown(m.Figures, m.Figures.SatisfiedPercent), Shown(m.SameMonthLastYear, m.SameMonthLastYear?.SatisfiedPercent), Round(m.SatisfiedChangePoints),
                m.SatisfiedTest?.Test, PValueText.ForExport(m.SatisfiedTest?.PValue), Shown(m.Figures, m.Figures.Index), Shown(m.SameMonthLastYear, m.SameMonthLastYear?.Index),
                m.IndexTest?.Test, PValueText.ForExport(m.IndexTest?.PValue), m.Figures.Answers, m.SameMonthLastYear?.Answers]).ToList());
        return TableExport.File(export, format) ?? NotFound();

        // A withheld month's cells say why they are empty, as the page does.
        object? Shown(InsightsFigures? figures, double? value) =>
            figures is { Withheld: true } ? localizer["fewer than {0} answers", t.MinimumGroupSize].Value : Round(value);
    }

    private async Task<(TrendsDto? Trends, bool NotFound)> LoadAsync(CancellationToken cancellationToken)
    {
        var (query, notFound) = await ResolveAsync(cancellationToken);
        await LoadServicesAsync(cancellationToken);
        if (notFound || query is null)
        {
            return (null, notFound);
        }

        int? serviceKey = null;
        if (!string.IsNullOrWhiteSpace(Service))
        {
            serviceKey = Service == "none" ? 0 : await ServiceIdAsync(Service, cancellationToken);
            if (serviceKey is null)
            {
                return (null, true);
            }
        }

        int? channel = null;
        if (!string.IsNullOrWhiteSpace(Channel))
        {
            if (!Enum.TryParse<FeedbackChannel>(Channel, out var c) || !Enum.IsDefined(c))
            {
                return (null, true);
            }

            channel = (int)c;
        }

        return (await trends.SeriesAsync(query, English, serviceKey, channel, cancellationToken), false);
    }
}
