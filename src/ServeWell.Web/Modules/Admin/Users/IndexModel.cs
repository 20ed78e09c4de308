using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Admin.Users;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(ServeWellDbContext db, TimeProvider clock, ProvisionEmployeeAccounts provision, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record UserRow(string Id, string Name, string Email, IReadOnlyList<string> Roles, string? Scope, bool Locked);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<OrgUnitOption> Units { get; private set; } = [];

    /// <summary>The unit whose employees get accounts (with the units below it).</summary>
    [BindProperty]
    public string? ProvisionUnit { get; set; }

    public int WithoutAccount { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnPostProvisionAsync(CancellationToken cancellationToken)
    {
        var path = await db.OrgUnits.Where(u => u.Code == ProvisionUnit).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            ModelState.AddModelError(nameof(ProvisionUnit), l["Choose an org unit."]);
        }
        else
        {
            var outcome = await provision.RunAsync(path, Request, cancellationToken);
            Message = l["{0} accounts created and welcome mails sent. {1} skipped because their email already signs in. {2} still without an account.",
                outcome.Created.ToString("N0", CultureInfo.CurrentCulture), outcome.SkippedEmailInUse.ToString("N0", CultureInfo.CurrentCulture), outcome.Remaining.ToString("N0", CultureInfo.CurrentCulture)];
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

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
        Units = await OrgUnitOption.ListAsync(db.OrgUnits, cancellationToken);
        var root = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
        WithoutAccount = root is null ? 0 : await provision.Without(root).CountAsync(cancellationToken);
        Users = users.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
            u.Unit?.DisplayName(english), u.LockoutEnd > now)).ToList();
    }
}
