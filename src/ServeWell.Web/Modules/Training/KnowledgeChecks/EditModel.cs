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

/// <summary>
/// The training officer chooses the quiz a programme's employees take before and after the session (ADR-048), or
/// makes a new one from bank categories. The old question editor's address leads here.
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class EditModel(ServeWellDbContext db, SaveKnowledgeCheck save, IProgrammeCheckQuizzes quizzes, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The quiz chosen; null for no knowledge check.</summary>
    [BindProperty]
    public int? QuizId { get; set; }

    public int ProgrammeId { get; private set; }

    public string ProgrammeTitle { get; private set; } = "";

    public CheckQuiz? Current { get; private set; }

    public IReadOnlyList<(int Id, LocalText Title)> Choices { get; private set; } = [];

    public IProgrammeCheckQuizzes Quizzes => quizzes;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        QuizId = Current?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await save.SetQuizAsync(id, QuizId, cancellationToken) is { } problem)
        {
            ModelState.AddModelError(nameof(QuizId), problem);
            return Page();
        }

        TempData.Saved(QuizId is { } quizId && Choices.FirstOrDefault(c => c.Id == quizId) is { Title: { } title }
            ? l["The knowledge check of {0} is now the quiz {1}.", ProgrammeTitle, title.ToString()]
            : l["{0} has no knowledge check now.", ProgrammeTitle]);
        return Redirect($"/Training/Programmes/{id}/KnowledgeCheck");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var title = await db.Programmes.Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
        (ProgrammeId, ProgrammeTitle) = (id, title?.ToString() ?? "");
        if (title is null)
        {
            return false;
        }

        Current = await save.QuizOfAsync(id, cancellationToken);
        Choices = await quizzes.ChoicesAsync(cancellationToken);
        return true;
    }
}
