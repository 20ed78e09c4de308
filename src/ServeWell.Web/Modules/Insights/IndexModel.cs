using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights;

[Authorize(Policy = Policies.ViewInsights)]
public sealed class IndexModel(InsightsScope insightsScope, InsightsOverview overview, StaffScope scope, ServeWellDbContext db)
    : InsightsPageModel(insightsScope, scope, db)
{
    public InsightsOverviewDto? Overview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (query, notFound) = await ResolveAsync(cancellationToken);
        if (notFound)
        {
            return NotFound();
        }

        if (query is not null)
        {
            Overview = await overview.OverviewAsync(query, English, cancellationToken);
        }

        return Page();
    }

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
