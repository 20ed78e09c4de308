using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.People.OrgUnits;

[Authorize(Policy = Policies.ViewPeople)]
public sealed class DetailsModel(ServeWellDbContext db, StaffScope scope, OrgChart chart, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Link(int Id, string Name, string Code);

    public OrgUnit Unit { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public IReadOnlyList<Link> Ancestors { get; private set; } = [];

    public IReadOnlyList<Link> Children { get; private set; } = [];

    public IReadOnlyList<OrgUnitChange> History { get; private set; } = [];

    public int EmployeeCount { get; private set; }

    public bool CanManage { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActiveAsync(int id, bool active, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageOrganisation)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            await chart.SetActiveAsync(id, active, cancellationToken);
            Message = active ? l["The unit is active again."] : l["The unit is deactivated. Its history is kept."];
        }
        catch (DomainRuleException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        var unit = await filter.Apply(db.OrgUnits.AsNoTracking()).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return false;
        }

        var english = Cultures.ReadsEnglish;
        Unit = unit;
        Name = unit.DisplayName(english);
        var ancestorIds = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Where(i => i != id).ToList();
        var ancestors = await filter.Apply(db.OrgUnits.AsNoTracking()).Where(u => ancestorIds.Contains(u.Id)).ToListAsync(cancellationToken);
        Ancestors = ancestors.OrderBy(a => a.Depth).Select(a => new Link(a.Id, a.DisplayName(english), a.Code)).ToList();
        Children = (await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == id).OrderBy(u => u.Code).ToListAsync(cancellationToken))
            .Select(c => new Link(c.Id, c.DisplayName(english), c.Code)).ToList();
        History = await db.OrgUnitChanges.AsNoTracking().Where(c => c.OrgUnitId == id).OrderByDescending(c => c.At).ToListAsync(cancellationToken);
        EmployeeCount = await db.Employees.CountAsync(e => e.OrgUnit!.Path.StartsWith(unit.Path) && e.Status != EmployeeStatus.Left, cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageOrganisation)).Succeeded;
        return true;
    }
}
