using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>The author's own cases in every state, with the reviewer's note: where the author learns a case was returned or published.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MineModel(ServeWellDbContext db) : PageModel
{
    public IReadOnlyList<PracticeCase> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = CaseReader.Of(User).UserId;
        Cases = await db.PracticeCases.AsNoTracking().Where(c => c.AuthorUserId == me).OrderByDescending(c => c.UpdatedAtUtc).ToListAsync(cancellationToken);
    }
}
