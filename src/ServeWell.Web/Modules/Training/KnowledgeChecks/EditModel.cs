using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

/// <summary>The training officer edits a programme's question set: the questions, their options, the correct one, the pass mark.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class EditModel(ServeWellDbContext db, SaveKnowledgeCheck save, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Empty question slots shown below the existing ones; save to get more.</summary>
    public const int BlankSlots = 2;

    [BindProperty]
    public KnowledgeCheckForm Form { get; set; } = new();

    public int ProgrammeId { get; private set; }

    public string ProgrammeTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadProgrammeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var check = await db.KnowledgeChecks.AsNoTracking().Include(k => k.Questions).FirstOrDefaultAsync(k => k.ProgrammeId == id, cancellationToken);
        Form = new KnowledgeCheckForm
        {
            PassMarkPercent = check?.PassMarkPercent ?? 70,
            Questions = (check?.Questions ?? []).OrderBy(q => q.Order)
                .Select(QuestionForm.From).ToList(),
        };
        AddBlankSlots();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadProgrammeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var problems = await save.SaveAsync(id, Form, cancellationToken);
        if (problems.Count == 0)
        {
            TempData.Saved(l["The knowledge check of {0} has been saved: {1} questions.", ProgrammeTitle, Form.Questions.Count(q => !q.IsBlank)]);
            return Redirect($"/Training/Programmes/{id}/KnowledgeCheck");
        }

        foreach (var p in problems)
        {
            ModelState.AddModelError($"{nameof(Form)}.{p.Field}", p.Message);
        }

        AddBlankSlots();
        return Page();
    }

    private void AddBlankSlots()
    {
        foreach (var q in Form.Questions)
        {
            while (q.Options.Count < KnowledgeQuestion.MaxOptions)
            {
                q.Options.Add(new LocalTextForm());
            }
        }

        var blanks = Form.Questions.Count(q => q.IsBlank);
        for (var i = blanks; i < BlankSlots; i++)
        {
            Form.Questions.Add(new QuestionForm { Options = [.. Enumerable.Range(0, KnowledgeQuestion.MaxOptions).Select(_ => new LocalTextForm())] });
        }
    }

    private async Task<bool> LoadProgrammeAsync(int id, CancellationToken cancellationToken)
    {
        var title = await db.Programmes.Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
        (ProgrammeId, ProgrammeTitle) = (id, title?.ToString() ?? "");
        return title is not null;
    }
}
