using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights;

[Authorize(Policy = Policies.ViewInsights)]
public sealed class IndexModel(InsightsScope insightsScope, InsightsOverview overview, StaffScope scope, ServeWellDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public InsightsOverviewDto? Overview { get; private set; }

    public IReadOnlyList<(string Code, string Name, int Depth)> Units { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var english = Cultures.ReadsEnglish;
        var filter = await scope.GetAsync(cancellationToken);
        var units = await filter.Apply(db.OrgUnits.AsNoTracking()).Where(u => u.IsActive)
            .OrderBy(u => u.Path).Select(u => new { u.Code, u.Name, u.NameEn, u.Depth }).ToListAsync(cancellationToken);
        var top = units.Count == 0 ? 0 : units.Min(u => u.Depth);
        Units = units.Select(u => (u.Code, english && !string.IsNullOrWhiteSpace(u.NameEn) ? u.NameEn! : u.Name, u.Depth - top)).ToList();

        var (query, problems) = await insightsScope.ResolveAsync(From, To, Unit, cancellationToken);
        if (problems.ContainsKey("orgUnitCode"))
        {
            return NotFound();
        }

        Problems = problems.SelectMany(p => p.Value).ToList();
        if (query is not null)
        {
            From = InsightsScope.Format(query.From);
            To = InsightsScope.Format(query.To);
            Unit = query.Unit.Code;
            Overview = await overview.OverviewAsync(query, english, cancellationToken);
        }

        return Page();
    }

    public static string Percent(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.CurrentCulture) + " %" : "–";

    public static string Number(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.CurrentCulture) : "–";

    /// <summary>Widths for a stacked bar: dissatisfied, neutral, satisfied, in percent of the bar.</summary>
    public static (string Dis, string Neutral, string Sat, string NeutralX, string SatX) Bar(InsightsFigures f)
    {
        var dis = f.DissatisfiedPercent ?? 0;
        var sat = f.SatisfiedPercent ?? 0;
        var neutral = f.Answers == 0 ? 0 : Math.Max(0, 100 - dis - sat);
        static string S(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        return (S(dis), S(neutral), S(sat), S(dis), S(dis + neutral));
    }
}
