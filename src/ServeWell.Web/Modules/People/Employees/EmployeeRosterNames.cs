using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Privacy;

namespace ServeWell.Web.Modules.People.Employees;

/// <summary>The employees' names for the personal-data scrubber (ADR-052): everyone on the roster who has not left.</summary>
internal sealed class EmployeeRosterNames(ServeWellDbContext db) : IRosterNameSource
{
    public async Task<RosterNames> GetAsync(CancellationToken cancellationToken) =>
        new(await db.Employees.AsNoTracking()
            .Where(e => e.Status != EmployeeStatus.Left)
            .Select(e => e.Name)
            .Distinct()
            .ToListAsync(cancellationToken));
}
