using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback.Surveys;

/// <summary>The survey definitions, each with its versions and the touchpoints that ask it.</summary>
[Authorize(Policy = Policies.ManageFeedback)]
public sealed class IndexModel(ServeWellDbContext db) : PageModel
{
    public IReadOnlyList<SurveyDefinitionDto> Surveys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var ids = await db.SurveyDefinitions.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        var list = new List<SurveyDefinitionDto>();
        foreach (var id in ids)
        {
            list.Add((await SurveysApi.DefinitionAsync(db, id, cancellationToken))!);
        }

        Surveys = list;
    }
}
