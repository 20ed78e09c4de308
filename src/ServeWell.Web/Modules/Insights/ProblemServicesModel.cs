using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Insights.Export;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Statistics;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights;

[Authorize(Policy = Policies.ViewInsights)]
public sealed class ProblemServicesModel(
    InsightsScope insightsScope, ProblemServicesReport report, StaffScope scope, ServeWellDbContext db, IStringLocalizer<SharedResource> localizer)
    : InsightsPageModel(insightsScope, scope, db)
{
    public ProblemServicesDto? Report { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ShowAsync(async query => Report = await report.RankAsync(query, English, cancellationToken), cancellationToken);

    /// <summary>The ranking as CSV or XLSX (<c>?handler=Export&amp;format=csv|xlsx</c>).</summary>
    public Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken) =>
        ExportAsync(
            async query =>
            {
                var r = await report.RankAsync(query, English, cancellationToken);
                return new ExportTable(
                    $"insights-problem-services-{r.OrgUnitCode}-{r.From}-{r.To}",
                    [localizer["Rank"], localizer["Service"], localizer["Code"], localizer["At least unhappy"], localizer["Dissatisfied (1–2)"], localizer["Extent"],
                     localizer["Answers"], localizer["Weakest drivers"], localizer["Change against before"], "p"],
                    r.Services.Select(s => (IReadOnlyList<object?>)[
                        s.Rank, s.Name, s.Code, Round(s.RankedByPercent), Round(s.DissatisfiedPercent), Round(s.EstimatedDissatisfied), s.Answers,
                        string.Join("; ", s.WeakestDrivers.Select(d => $"{localizer["Driver:" + d.Driver]} {Math.Round(d.Mean, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}")),
                        Round(s.ChangePoints), PValueText.ForExport(s.ChangePValue)]).ToList());
            },
            format,
            cancellationToken);
}
