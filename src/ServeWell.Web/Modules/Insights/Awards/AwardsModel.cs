using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Awards;

/// <summary>Courtesy awards by office and month, and the awardees' courtesy and training before and after (ADR-064).</summary>
[Authorize(Policy = Policies.ViewInsights)]
public sealed class AwardsModel(InsightsScope insightsScope, AwardsInsights awards, StaffScope scope, ServeWellDbContext db)
    : InsightsPageModel(insightsScope, scope, db)
{
    public AwardsInsightsDto? Report { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ShowAsync(async query => Report = await awards.ReadAsync(query, English, cancellationToken), cancellationToken);

    /// <summary>The bars of the chart of awards per month: one row per month, its width a share of the busiest month.</summary>
    public IReadOnlyList<(string Month, int Awards, int Width)> Bars(int space)
    {
        var max = Math.Max(1, Report!.ByMonth.Max(m => m.Awards));
        return Report.ByMonth.Select(m => (m.Label, m.Awards, (int)Math.Round((double)m.Awards / max * space))).ToList();
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
