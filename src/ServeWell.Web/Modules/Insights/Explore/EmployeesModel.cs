using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Insights.Export;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Explore;

/// <summary>Figures per employee of the supervisor's subtree, withheld below the minimum group size (ADR-019).</summary>
[Authorize(Policy = Policies.ViewEmployeeInsights)]
public sealed class EmployeesModel(
    InsightsScope insightsScope, EmployeeInsights employees, StaffScope scope, ServeWellDbContext db, IStringLocalizer<SharedResource> localizer)
    : InsightsPageModel(insightsScope, scope, db)
{
    public EmployeeSliceDto? Slice { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ShowAsync(async query => Slice = await employees.SliceAsync(query, English, cancellationToken), cancellationToken);

    /// <summary>The same rows as the page as CSV or XLSX: a withheld row carries no figure.</summary>
    public Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken) =>
        ExportAsync(
            async query =>
            {
                var s = await employees.SliceAsync(query, English, cancellationToken);
                return new ExportTable(
                    $"insights-employees-{s.OrgUnitCode}-{s.From}-{s.To}",
                    [localizer["Employee number"], localizer["Name"], localizer["Office"], localizer["Satisfied (4–5)"], localizer["Index (0–100)"], localizer["Dissatisfied (1–2)"], localizer["Answers"], localizer["Note"]],
                    s.Employees.Select(e => (IReadOnlyList<object?>)[
                        e.EmployeeNumber, e.Name, e.OrgUnit, Round(e.Figures?.SatisfiedPercent), Round(e.Figures?.Index), Round(e.Figures?.DissatisfiedPercent),
                        e.Figures?.Answers, e.Reason]).ToList());
            },
            format,
            cancellationToken);
}
