using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>A category for a picker: its id and its path of names ("민원 › 전화").</summary>
public sealed record CategoryChoice(int Id, string Label);

[Authorize(Policy = Policies.ManageTraining)]
public sealed class IndexModel(ServeWellDbContext db) : PageModel
{
    [FromQuery]
    public int? Category { get; set; }

    [FromQuery]
    public QuestionType? Type { get; set; }

    [FromQuery]
    public string? Language { get; set; }

    public IReadOnlyList<CategoryChoice> Categories { get; private set; } = [];

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public string LabelOf(int categoryId) => Categories.FirstOrDefault(c => c.Id == categoryId)?.Label ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Categories = await CategoryChoicesAsync(db, cancellationToken);
        var query = db.Set<Question>().AsNoTracking();
        if (Category is { } c)
        {
            var all = await db.Set<QuestionCategory>().AsNoTracking().ToListAsync(cancellationToken);
            var under = QuestionBankStore.Subtree(all, c);
            query = query.Where(q => under.Contains(q.CategoryId));
        }

        if (Type is { } t) query = query.Where(q => q.Type == t);
        if (Language == "ko") query = query.Where(q => q.Text.Ko != "");
        if (Language == "en") query = query.Where(q => q.Text.En != "");
        Questions = await query.OrderBy(q => q.CategoryId).ThenBy(q => q.Id).Take(500).ToListAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<CategoryChoice>> CategoryChoicesAsync(ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var categories = await db.Set<QuestionCategory>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. QuestionBankStore.Paths(categories)
            .Select(p => new CategoryChoice(p.Key, string.Join(" › ", p.Value.Select(n => n.ToString()))))
            .OrderBy(c => c.Label, StringComparer.CurrentCulture)];
    }
}
