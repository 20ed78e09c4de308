using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Insights.Export;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights;

[Authorize(Policy = Policies.ViewInsights)]
public sealed class IndexModel(
    InsightsScope insightsScope, InsightsOverview overview, StaffScope scope, ServeWellDbContext db, IStringLocalizer<SharedResource> localizer)
    : InsightsPageModel(insightsScope, scope, db)
{
    public InsightsOverviewDto? Overview { get; private set; }

    private string L(string text) => localizer[text];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ShowAsync(async query => Overview = await overview.OverviewAsync(query, English, cancellationToken), cancellationToken);

    /// <summary>One slice as CSV or XLSX (<c>?handler=Export&amp;table=by-office|by-service|by-channel&amp;format=csv|xlsx</c>).</summary>
    public Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken cancellationToken) =>
        ExportAsync(
            async query =>
            {
                var o = await overview.OverviewAsync(query, English, cancellationToken);
                var (rows, column) = table switch
                {
                    "by-office" => (o.ByOffice, "Office"),
                    "by-service" => (o.ByService, "Service"),
                    "by-channel" => (o.ByChannel, "Channel"),
                    _ => (null, ""),
                };
                if (rows is null)
                {
                    return null;
                }

                return new ExportTable(
                    $"insights-{table}-{o.OrgUnitCode}-{o.From}-{o.To}",
                    [L(column), L("Code"), L("Satisfied (4–5)"), L("Index (0–100)"), L("Dissatisfied (1–2)"), L("Answers"), L("Note")],
                    rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.Key, Round(r.Figures.SatisfiedPercent), Round(r.Figures.Index), Round(r.Figures.DissatisfiedPercent), r.Figures.Answers,
                        r.Figures.Withheld ? localizer["fewer than {0} answers", o.MinimumGroupSize].Value : null]).ToList());
            },
            format,
            cancellationToken);

    /// <summary>Widths for a stacked bar: dissatisfied, neutral, satisfied, in percent of the bar.</summary>
    public static (string Dis, string Neutral, string Sat, string NeutralX, string SatX) Bar(InsightsFigures f)
    {
        var dis = f.DissatisfiedPercent ?? 0;
        var sat = f.SatisfiedPercent ?? 0;
        var neutral = f.Answers == 0 || f.Withheld ? 0 : Math.Max(0, 100 - dis - sat);
        static string S(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        return (S(dis), S(neutral), S(sat), S(dis), S(dis + neutral));
    }
}
