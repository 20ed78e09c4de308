using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Home;

[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ServeWellDbContext db, StaffScope scope) : PageModel
{
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public OrgStats? Stats { get; private set; }

    public sealed record OrgStats(int OrgUnits, int ActiveEmployees, int Frontline);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Roles = Platform.Security.Roles.All.Where(User.IsInRole).ToList();
        var filter = await scope.GetAsync(cancellationToken);
        if (!filter.SeesOthers)
        {
            return;
        }

        var employees = filter.Apply(db.Employees.AsNoTracking());
        Stats = new OrgStats(
            await filter.Apply(db.OrgUnits.AsNoTracking()).CountAsync(u => u.IsActive, cancellationToken),
            await employees.CountAsync(e => e.Status != EmployeeStatus.Left, cancellationToken),
            await employees.CountAsync(e => e.Status != EmployeeStatus.Left && e.IsFrontline, cancellationToken));
    }
}
