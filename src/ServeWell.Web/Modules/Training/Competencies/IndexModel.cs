using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Competencies;

[Authorize(Policy = Policies.ManageTraining)]
public sealed class IndexModel(ServeWellDbContext db) : PageModel
{
    public IReadOnlyList<Competency> Competencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Competencies = await db.Competencies.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
}
