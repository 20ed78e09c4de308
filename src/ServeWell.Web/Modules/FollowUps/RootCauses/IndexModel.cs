using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.FollowUps.RootCauses;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(ServeWellDbContext db) : PageModel
{
    public IReadOnlyList<RootCause> Causes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Causes = await db.Set<RootCause>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
}
