using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Impact;

[Authorize(Policy = Policies.ViewInsights)]
public sealed class ImpactModel(InsightsScope insightsScope, TrainingImpact impact, StaffScope scope, ServeWellDbContext db)
    : InsightsPageModel(insightsScope, scope, db)
{
    [BindProperty(SupportsGet = true)]
    public int? Programme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cutoff { get; set; }

    public TrainingImpactDto? Result { get; private set; }

    /// <summary>A cutoff that was not a month, shown back to the reader.</summary>
    public string? BadCutoff { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        From = null;
        To = null;
        var (query, notFound) = await ResolveAsync(cancellationToken);
        if (notFound)
        {
            return NotFound();
        }

        if (query is null)
        {
            return Page();
        }

        if (!ImpactApi.TryParseMonth(Cutoff, out var cutoff))
        {
            BadCutoff = Cutoff;
            Cutoff = null;
            cutoff = null;
        }

        Result = await impact.EstimateAsync(Programme, cutoff, query.Unit, English, cancellationToken);
        Programme = Result.ProgrammeId;
        return Page();
    }

    /// <summary>The line chart's geometry: a polyline per arm in a <see cref="ImpactChart.Width"/> × <see cref="ImpactChart.Height"/> box.</summary>
    public ImpactChart Chart() => ImpactChart.For(Result!.Months);

    public static string Signed(double? value) =>
        value is { } v ? v.ToString("+0.0;−0.0;0.0", CultureInfo.CurrentCulture) : "–";
}

/// <summary>SVG coordinates for the impact chart (attributes only: CSP allows no inline style).</summary>
/// <remarks>
/// The box is about as wide as a phone's column (ADR-038): the SVG is drawn at the width of its container, so a
/// 13-unit label stays at least 11 px on a 390 px screen and grows on a wide one; months are labelled as often as they fit.
/// </remarks>
public sealed record ImpactChart(string TreatedPoints, string ControlPoints, double CutoffX, IReadOnlyList<(double Y, string Label)> Grid, IReadOnlyList<(double X, string Label)> Months)
{
    public const double Width = 400, Height = 240, Left = 34, Right = 376, Top = 12, Bottom = 206, LabelY = 228;

    public static ImpactChart For(IReadOnlyList<ImpactMonthDto> months)
    {
        var values = months.SelectMany(m => new[] { m.TreatedIndex, m.ControlIndex }).Where(v => v is not null).Select(v => v!.Value).ToList();
        var low = values.Count == 0 ? 0 : Math.Floor(values.Min() / 10) * 10;
        var high = values.Count == 0 ? 100 : Math.Ceiling(values.Max() / 10) * 10;
        if (high - low < 10)
        {
            high = low + 10;
        }

        double X(int i) => months.Count <= 1 ? Left : Left + (i * (Right - Left) / (months.Count - 1));
        double Y(double v) => Bottom - ((v - low) / (high - low) * (Bottom - Top));
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        string Points(Func<ImpactMonthDto, double?> pick) => string.Join(' ', months
            .Select((m, i) => (m, i)).Where(p => pick(p.m) is not null).Select(p => $"{F(X(p.i))},{F(Y(pick(p.m)!.Value))}"));
        var grid = new List<(double, string)>();
        for (var v = low; v <= high + 0.001; v += (high - low) <= 30 ? 5 : 10)
        {
            grid.Add((Y(v), v.ToString("0", CultureInfo.InvariantCulture)));
        }

        var cutoff = months.Select((m, i) => (m, i)).FirstOrDefault(p => p.m.IsCutoff);
        return new ImpactChart(
            Points(m => m.TreatedIndex), Points(m => m.ControlIndex), cutoff.m is null ? -1 : X(cutoff.i), grid,
            ChartLabels.Thin(months.Select((m, i) => (X(i), m.Month[2..])).ToList(), Right - Left));
    }

    public static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
