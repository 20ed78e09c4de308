using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback.Surveys;

/// <summary>The survey definitions, each with its versions and the touchpoints that ask it.</summary>
[Authorize(Policy = Policies.ManageFeedback)]
public sealed class IndexModel(ServeWellDbContext db) : PageModel
{
    public IReadOnlyList<SurveyDefinitionDto> Surveys { get; private set; } = [];

    /// <summary>The touchpoints that ask each survey, by label and office in the reader's language (not by public code).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<AskingTouchpoint>> AskedAt { get; private set; } = new Dictionary<int, IReadOnlyList<AskingTouchpoint>>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var ids = await db.SurveyDefinitions.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        var list = new List<SurveyDefinitionDto>();
        foreach (var id in ids)
        {
            list.Add((await SurveysApi.DefinitionAsync(db, id, cancellationToken))!);
        }

        Surveys = list;
        var english = Cultures.ReadsEnglish;
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.RetiredAt == null)
            .Select(t => new { t.Id, t.Label, t.SurveyDefinitionId, t.OrgUnit!.Name, t.OrgUnit.NameEn }).ToListAsync(cancellationToken);
        AskedAt = touchpoints
            .GroupBy(t => t.SurveyDefinitionId ?? SurveyDefinition.DefaultId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<AskingTouchpoint>)g
                    .Select(t => new AskingTouchpoint(t.Id, t.Label.For(english), english && !string.IsNullOrWhiteSpace(t.NameEn) ? t.NameEn : t.Name))
                    .OrderBy(t => t.Office, StringComparer.CurrentCulture).ThenBy(t => t.Label, StringComparer.CurrentCulture).ToList());
    }

    /// <summary>A survey's shown name: the seeded standard survey, never renamed, reads in the reader's language.</summary>
    public static string NameOf(SurveyDefinitionDto survey, Microsoft.Extensions.Localization.IStringLocalizer l) =>
        survey.IsDefault && survey.Name == SurveyDefinition.DefaultName ? l["Standard survey"] : survey.Name;
}

public sealed record AskingTouchpoint(int Id, string Label, string Office);
