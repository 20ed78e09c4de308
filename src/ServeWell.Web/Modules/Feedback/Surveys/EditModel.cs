using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback.Surveys;

/// <summary>Edits a survey's draft: the questions asked and the texts in English and Korean; previews and publishes it.</summary>
[Authorize(Policy = Policies.ManageFeedback)]
public sealed class EditModel(ServeWellDbContext db, ManageSurveys manage, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SurveyDraftForm Form { get; set; } = new();

    public int? Id { get; private set; }

    public SurveyDefinition? Current { get; private set; }

    public SurveyVersion? Latest { get; private set; }

    public bool DraftDiffers { get; private set; }

    /// <summary>The standard text of a key in a language, shown as the placeholder.</summary>
    public string Standard(string key, string language) => AskedSurvey.InCulture(language, () => l[SurveyQuestions.StandardText(key)].Value);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = ManageSurveys.FormOf(Current);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken) =>
        SaveThenAsync(id, saved =>
        {
            TempData.Saved(l["The draft of “{0}” is saved. Citizens see it only once it is published.", saved.Name]);
            return Redirect($"/Feedback/Surveys/Edit/{saved.Id}");
        }, cancellationToken);

    public Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken) =>
        SaveThenAsync(id, saved => Redirect($"/Feedback/Surveys/Preview/{saved.Id}"), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken cancellationToken) =>
        SaveThenAsync(id, async saved =>
        {
            var (version, problems) = await manage.PublishAsync(saved.Id, User.Identity?.Name, cancellationToken);
            if (version is null)
            {
                foreach (var p in problems)
                {
                    ModelState.AddModelError("", l[p.Message]);
                }

                await LoadAsync(saved.Id, cancellationToken);
                return Page();
            }

            TempData.Saved(l["Version {0} is published: touchpoints that ask this survey show it now.", version.Number]);
            return Redirect($"/Feedback/Surveys/Edit/{saved.Id}");
        }, cancellationToken);

    private Task<IActionResult> SaveThenAsync(int? id, Func<SurveyDefinition, IActionResult> then, CancellationToken cancellationToken) =>
        SaveThenAsync(id, d => Task.FromResult(then(d)), cancellationToken);

    private async Task<IActionResult> SaveThenAsync(int? id, Func<SurveyDefinition, Task<IActionResult>> then, CancellationToken cancellationToken)
    {
        var (saved, problems) = await manage.SaveDraftAsync(id, Form, cancellationToken);
        if (saved is null)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError(p.Field.Length == 0 ? "" : "Form." + p.Field, l[p.Message]);
            }

            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return await then(saved);
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null)
        {
            return true;
        }

        Current = await db.SurveyDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (Current is null)
        {
            return false;
        }

        Latest = await AskedSurvey.CurrentVersionAsync(db, Current.Id, cancellationToken);
        DraftDiffers = Latest is null || Latest.Questions != Current.DraftQuestions || Latest.Texts != Current.DraftTexts;
        return true;
    }
}
