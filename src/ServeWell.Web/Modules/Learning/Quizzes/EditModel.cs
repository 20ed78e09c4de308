using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>A quiz's definition: title per language, how many questions from which bank categories, pass mark, limits, review.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class EditModel(EditQuiz edit, ServeWellDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public QuizForm Form { get; set; } = new();

    public Quiz? Quiz { get; private set; }

    /// <summary>Every bank category with its path and how many questions it holds; the form has one draw per category, in this order.</summary>
    public IReadOnlyList<(CategoryChoice Category, int Questions)> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var form = Quiz is null ? new QuizForm { PassPercent = 60 } : EditQuiz.FormOf(Quiz);
        form.Draws = [.. Categories.Select(c => new DrawForm { CategoryId = c.Category.Id, Count = form.Draws.FirstOrDefault(d => d.CategoryId == c.Category.Id)?.Count })];
        Form = form;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (saved, problems) = await edit.SaveAsync(Quiz, Form, User.Identity?.Name ?? "officer", cancellationToken);
        if (saved is null)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError(p.Field.StartsWith("draws[", StringComparison.Ordinal) ? "Form.Draws" : LessonFormKeys.Of(nameof(Form), p.Field), p.Message);
            }

            return Page();
        }

        TempData.Saved(l["The quiz {0} has been saved. Attempts started from now on use it.", saved.Title.ToString()]);
        return Redirect($"/Learning/Quizzes/{saved.Id}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var counts = await edit.QuestionCountsAsync(cancellationToken);
        Categories = [.. (await Bank.IndexModel.CategoryChoicesAsync(db, cancellationToken)).Select(c => (c, counts.GetValueOrDefault(c.Id)))];
        if (id == "New")
        {
            return true;
        }

        Quiz = int.TryParse(id, out var key) ? await edit.LoadAsync(key, cancellationToken) : null;
        return Quiz is not null;
    }
}
