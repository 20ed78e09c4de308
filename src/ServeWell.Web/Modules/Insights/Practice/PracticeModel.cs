using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Practice;

[Authorize(Policy = Policies.ViewInsights)]
public sealed class PracticeModel(InsightsScope insightsScope, PracticeBesideCitizens report, StaffScope scope, ServeWellDbContext db)
    : InsightsPageModel(insightsScope, scope, db)
{
    public PracticeBesideCitizensDto? Report { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ShowAsync(async query => Report = await report.ReadAsync(query, English, cancellationToken), cancellationToken);
}
