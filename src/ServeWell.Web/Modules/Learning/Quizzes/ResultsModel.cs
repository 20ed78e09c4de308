using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>A quiz's results within the reader's scope: learners' scores and, from the minimum group size, per-question statistics.</summary>
[Authorize(Policy = Policies.ViewCompliance)]
public sealed class ResultsModel(ServeWellDbContext db, QuizResults results, StaffScope scope) : PageModel
{
    public QuizResultSummary Summary { get; private set; } = null!;

    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await results.ReadAsync(id, await scope.GetAsync(cancellationToken), cancellationToken) is not { } summary)
        {
            return NotFound();
        }

        Summary = summary;
        Title = (await db.Quizzes.Where(q => q.Id == id).Select(q => q.Title).FirstAsync(cancellationToken)).ToString();
        return Page();
    }
}
