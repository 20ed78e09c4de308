using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Checks;

/// <summary>
/// "New quiz for this programme" (ADR-048): a quiz drawing from bank categories, saved and made the programme's
/// knowledge check in one step, all or nothing. Categories tagged with one of the programme's competencies are offered
/// first, filled in to draw all their questions.
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class NewQuizModel(ServeWellDbContext db, EditQuiz edit, SaveKnowledgeCheck checks, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public QuizForm Form { get; set; } = new();

    public string ProgrammeTitle { get; private set; } = "";

    public IReadOnlyList<(CategoryChoice Category, int Questions)> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(programmeId, cancellationToken) is not { } programme)
        {
            return NotFound();
        }

        var tagged = await db.Set<QuestionCategory>().Where(c => c.CompetencyId != null && programme.Competencies.Contains(c.CompetencyId.Value)).Select(c => c.Id).ToListAsync(cancellationToken);
        Form = new QuizForm
        {
            Title = LocalTextForm.From(programme.Title), PassPercent = 70, Review = QuizReview.RightOrWrong,
            Draws = [.. Categories.Select(c => new DrawForm { CategoryId = c.Category.Id, Count = tagged.Contains(c.Category.Id) && c.Questions > 0 ? Math.Min(c.Questions, EditQuiz.MaxPerCategory) : null })],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programmeId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(programmeId, cancellationToken) is null)
        {
            return NotFound();
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var (quiz, problems) = await edit.SaveAsync(null, Form, User.Identity?.Name ?? "officer", cancellationToken);
        if (quiz is null)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError(p.Field.StartsWith("draws", StringComparison.Ordinal) ? "Form.Draws" : LessonFormKeys.Of(nameof(Form), p.Field), p.Message);
            }

            return Page();
        }

        await checks.SetQuizAsync(programmeId, quiz.Id, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        TempData.Saved(l["The knowledge check of {0} is now the quiz {1}.", ProgrammeTitle, quiz.Title.ToString()]);
        return Redirect($"/Training/Programmes/{programmeId}/KnowledgeCheck");
    }

    private async Task<(LocalText Title, List<int> Competencies)?> LoadAsync(int programmeId, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId)
            .Select(p => new { p.Title, Competencies = p.Competencies.Select(c => c.Id).ToList() }).FirstOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return null;
        }

        ProgrammeTitle = programme.Title.ToString();
        var counts = await edit.QuestionCountsAsync(cancellationToken);
        Categories = [.. (await Bank.IndexModel.CategoryChoicesAsync(db, cancellationToken)).Select(c => (c, counts.GetValueOrDefault(c.Id)))];
        return (programme.Title, programme.Competencies);
    }
}
