using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

/// <summary>The training officer edits a programme's question set: the questions, their options, the correct one, the pass mark.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class EditModel(ServeWellDbContext db, SaveKnowledgeCheck save) : PageModel
{
    /// <summary>Empty question slots shown below the existing ones; save to get more.</summary>
    public const int BlankSlots = 2;

    [BindProperty]
    public KnowledgeCheckForm Form { get; set; } = new();

    public int ProgrammeId { get; private set; }

    public string ProgrammeTitle { get; private set; } = "";

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadProgrammeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Saved = saved;
        var check = await db.KnowledgeChecks.AsNoTracking().Include(k => k.Questions).FirstOrDefaultAsync(k => k.ProgrammeId == id, cancellationToken);
        Form = new KnowledgeCheckForm
        {
            PassMarkPercent = check?.PassMarkPercent ?? 70,
            Questions = (check?.Questions ?? []).OrderBy(q => q.Order)
                .Select(q => new QuestionForm { Text = q.Text, Options = [.. q.Options], Correct = q.CorrectOption + 1 }).ToList(),
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
            return Redirect($"/Training/Programmes/{id}/KnowledgeCheck?saved=true");
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
                q.Options.Add(null);
            }
        }

        var blanks = Form.Questions.Count(q => q.IsBlank);
        for (var i = blanks; i < BlankSlots; i++)
        {
            Form.Questions.Add(new QuestionForm { Options = [.. Enumerable.Repeat<string?>(null, KnowledgeQuestion.MaxOptions)] });
        }
    }

    private async Task<bool> LoadProgrammeAsync(int id, CancellationToken cancellationToken)
    {
        var title = await db.Programmes.Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
        (ProgrammeId, ProgrammeTitle) = (id, title?.ToString() ?? "");
        return title is not null;
    }
}
