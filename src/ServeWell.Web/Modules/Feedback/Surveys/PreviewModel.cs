using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Survey;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback.Surveys;

/// <summary>A survey's draft as a citizen would see it, in either language, without sending anything.</summary>
[Authorize(Policy = Policies.ManageFeedback)]
public sealed class PreviewModel(ServeWellDbContext db) : PageModel
{
    public AskedSurvey? Survey { get; private set; }

    public int Id { get; private set; }

    public SurveyForm Form { get; } = new();

    public async Task<IActionResult> OnGetAsync(int id, string? lang, CancellationToken cancellationToken)
    {
        if (lang is not null)
        {
            // This page only: the staff member's own language stays as it is.
            var culture = CultureInfo.GetCultureInfo(Cultures.Normalise(lang));
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
        }

        var definition = await db.SurveyDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (definition is null)
        {
            return NotFound();
        }

        Id = id;
        Survey = AskedSurvey.DraftOf(definition);
        return Page();
    }
}
