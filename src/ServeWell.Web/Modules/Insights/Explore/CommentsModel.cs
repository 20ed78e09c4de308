using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Insights.Export;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Explore;

[Authorize(Policy = Policies.ViewInsights)]
public sealed class CommentsModel(
    InsightsScope insightsScope, CommentTermsReport report, StaffScope scope, ServeWellDbContext db, IStringLocalizer<SharedResource> localizer)
    : ExplorePageModel(insightsScope, scope, db)
{
    public override bool OffersServiceAndChannel => false;

    public CommentTermsDto? Report { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ShowAsync(async query => Report = await report.RankAsync(query, English, cancellationToken), cancellationToken);

    /// <summary>The terms with their example comments as CSV or XLSX (<c>?handler=Export&amp;format=csv|xlsx</c>).</summary>
    public Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken) =>
        ExportAsync(
            async query =>
            {
                var r = await report.RankAsync(query, English, cancellationToken);
                return new ExportTable(
                    $"insights-comment-terms-{r.OrgUnitCode}-{r.From}-{r.To}",
                    [localizer["Word or phrase"], localizer["Language"], localizer["Dissatisfied comments"], localizer["Satisfied comments"], localizer["Score"],
                     localizer["Example {0}", 1], localizer["Example {0}", 2], localizer["Example {0}", 3]],
                    r.Terms.Select(t => (IReadOnlyList<object?>)[
                        t.Term, t.Language, t.DissatisfiedComments, t.SatisfiedComments, Math.Round(t.Score, 2),
                        t.Examples.ElementAtOrDefault(0)?.Comment, t.Examples.ElementAtOrDefault(1)?.Comment, t.Examples.ElementAtOrDefault(2)?.Comment]).ToList());
            },
            format,
            cancellationToken);

    public static string Score(double score) => score.ToString("0.0", CultureInfo.CurrentCulture);
}
