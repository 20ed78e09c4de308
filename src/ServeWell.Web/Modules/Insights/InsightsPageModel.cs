using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Insights.Export;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights;

/// <summary>What every Insights page shares: the period and org unit filter, checked against the caller's scope.</summary>
public abstract class InsightsPageModel(InsightsScope insightsScope, StaffScope scope, ServeWellDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public IReadOnlyList<(string Code, string Name, int Depth)> Units { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    protected static bool English => Cultures.ReadsEnglish;

    /// <summary>The query of the request; null with <see cref="Problems"/> set, or with <paramref name="notFound"/> when the unit is outside the scope.</summary>
    protected async Task<(InsightsQuery? Query, bool NotFound)> ResolveAsync(CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        var units = await filter.Apply(db.OrgUnits.AsNoTracking()).Where(u => u.IsActive)
            .OrderBy(u => u.Path).Select(u => new { u.Code, u.Name, u.NameEn, u.Depth }).ToListAsync(cancellationToken);
        var top = units.Count == 0 ? 0 : units.Min(u => u.Depth);
        Units = units.Select(u => (u.Code, English && !string.IsNullOrWhiteSpace(u.NameEn) ? u.NameEn! : u.Name, u.Depth - top)).ToList();

        var (query, problems) = await insightsScope.ResolveAsync(From, To, Unit, cancellationToken);
        if (problems.ContainsKey("orgUnitCode"))
        {
            return (null, true);
        }

        Problems = problems.SelectMany(p => p.Value).ToList();
        if (query is not null)
        {
            From = InsightsScope.Format(query.From);
            To = InsightsScope.Format(query.To);
            Unit = query.Unit.Code;
        }

        return (query, false);
    }

    /// <summary>
    /// The page for the request's filters: 404 when the unit is outside the viewer's scope; the report loaded when the
    /// filters make a query (otherwise the page shows the problems).
    /// </summary>
    protected async Task<IActionResult> ShowAsync(Func<InsightsQuery, Task> load, CancellationToken cancellationToken)
    {
        var (query, notFound) = await ResolveAsync(cancellationToken);
        if (notFound)
        {
            return NotFound();
        }

        if (query is not null)
        {
            await load(query);
        }

        return Page();
    }

    /// <summary>
    /// A table of the same report the page shows, as CSV or XLSX, so an export never holds more than the page: 404 outside
    /// the scope, on filters that make no query, or when <paramref name="table"/> has nothing to export.
    /// </summary>
    protected async Task<IActionResult> ExportAsync(Func<InsightsQuery, Task<ExportTable?>> table, string? format, CancellationToken cancellationToken)
    {
        var (query, notFound) = await ResolveAsync(cancellationToken);
        if (notFound || query is null || await table(query) is not { } export)
        {
            return NotFound();
        }

        return TableExport.File(export, format) ?? NotFound();
    }

    /// <summary>Adds problems with further filters of a page (shown with the period's).</summary>
    protected void AddProblems(IEnumerable<string> problems) => Problems = [.. Problems, .. problems];

    /// <summary>The same period and unit on another Insights address (exports, other pages).</summary>
    public string Link(string path) =>
        $"{path}?from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}&unit={Uri.EscapeDataString(Unit ?? "")}";

    /// <summary>A figure rounded for an export, null stays empty.</summary>
    protected static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    public static string Percent(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.CurrentCulture) + " %" : "–";

    public static string Number(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.CurrentCulture) : "–";
}
