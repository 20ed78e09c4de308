using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Insights.Export;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Explore;

/// <summary>The signed-in employee's own figures, by month, withheld below the minimum group size (ADR-019).</summary>
[Authorize(Policy = Policies.ViewOwnInsights)]
public sealed class MeModel(EmployeeInsights employees, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public OwnFiguresDto? Own { get; private set; }

    public bool NotLinked { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Own = await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var own = await LoadAsync(cancellationToken);
        if (own is null)
        {
            return NotFound();
        }

        var export = new ExportTable(
            $"insights-my-feedback-{own.From}-{own.To}",
            [localizer["Month"], localizer["Satisfied (4–5)"], localizer["Index (0–100)"], localizer["Dissatisfied (1–2)"], localizer["Answers"], localizer["Note"]],
            [.. own.Months.Select(m => (IReadOnlyList<object?>)[m.Month, R(m.Figures?.SatisfiedPercent), R(m.Figures?.Index), R(m.Figures?.DissatisfiedPercent), m.Figures?.Answers, m.Reason]),
             [localizer["Whole period"].Value, R(own.Total?.SatisfiedPercent), R(own.Total?.Index), R(own.Total?.DissatisfiedPercent), own.Total?.Answers, own.Reason]]);
        return TableExport.File(export, format) ?? NotFound();
    }

    public string Link(string path) => $"{path}?from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}";

    private static double? R(double? v) => v is { } x ? Math.Round(x, 2) : null;

    private async Task<OwnFiguresDto?> LoadAsync(CancellationToken cancellationToken)
    {
        var (period, problems) = ExploreApi.Period(From, To, clock);
        if (period is not { } p)
        {
            Problems = problems.SelectMany(x => x.Value).ToList();
            return null;
        }

        From = Overview.InsightsScope.Format(p.From);
        To = Overview.InsightsScope.Format(p.To);
        if (User.EmployeeId() is not { } id)
        {
            NotLinked = true;
            return null;
        }

        var own = await employees.OwnAsync(id, p.From, p.To, Cultures.ReadsEnglish, cancellationToken);
        NotLinked = own is null;
        return own;
    }
}
