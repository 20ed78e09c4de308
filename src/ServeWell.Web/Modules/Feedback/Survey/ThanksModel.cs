using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Feedback.Survey;

/// <summary>The thank-you page, in the words of the touchpoint's survey when it has its own.</summary>
[AllowAnonymous]
public sealed class ThanksModel(ServeWellDbContext db, IEnumerable<IThanksLinks> links) : PageModel
{
    public AskedSurvey? Survey { get; private set; }

    public List<ThanksLink> Links { get; } = [];

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = code.ToLowerInvariant();
        if (!TouchpointCodes.LooksValid(normalised))
        {
            return;
        }

        var touchpoint = await db.Touchpoints.AsNoTracking().Where(t => t.Code == normalised).Select(t => new { t.SurveyDefinitionId }).FirstOrDefaultAsync(cancellationToken);
        if (touchpoint is not null)
        {
            Survey = await AskedSurvey.ForTouchpointAsync(db, touchpoint.SurveyDefinitionId, cancellationToken);
            foreach (var source in links)
            {
                if (await source.ForAsync(normalised, cancellationToken) is { } link)
                {
                    Links.Add(link);
                }
            }
        }
    }
}
