using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Bank;

[Authorize(Policy = Policies.ManageTraining)]
public sealed class QuestionModel(ServeWellDbContext db) : PageModel
{
    public Question Item { get; private set; } = null!;

    public string CategoryLabel { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var question = await db.Set<Question>().AsNoTracking().Include(q => q.Options).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question is null)
        {
            return NotFound();
        }

        Item = question;
        CategoryLabel = (await IndexModel.CategoryChoicesAsync(db, cancellationToken)).FirstOrDefault(c => c.Id == question.CategoryId)?.Label ?? "";
        return Page();
    }
}
