using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Admin.Users;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(ServeWellDbContext db, TimeProvider clock) : PageModel
{
    public sealed record UserRow(string Id, string Name, string Email, IReadOnlyList<string> Roles, string? Scope, bool Locked);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var english = Cultures.ReadsEnglish;
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311 // translated to SQL upper(); it never runs in .NET
            query = query.Where(u => u.NormalizedEmail!.Contains(q) || u.DisplayName.ToUpper().Contains(q));
#pragma warning restore CA1304, CA1311
        }

        var users = await query.OrderBy(u => u.Email).Take(500)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd, Unit = u.ScopeOrgUnit })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Users = users.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
            u.Unit?.DisplayName(english), u.LockoutEnd > now)).ToList();
    }
}
