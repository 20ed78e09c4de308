using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights;

[Authorize(Policy = Policies.ViewInsights)]
public sealed class ProblemServicesModel(InsightsScope insightsScope, ProblemServicesReport report, StaffScope scope, ServeWellDbContext db)
    : InsightsPageModel(insightsScope, scope, db)
{
    public ProblemServicesDto? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (query, notFound) = await ResolveAsync(cancellationToken);
        if (notFound)
        {
            return NotFound();
        }

        if (query is not null)
        {
            Report = await report.RankAsync(query, English, cancellationToken);
        }

        return Page();
    }
}
