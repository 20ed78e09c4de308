using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Commendations;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Recognition.Nominations;

/// <summary>An office's active staff for a citizen to choose from, named as the city shows names to citizens (none when it shows none).</summary>
public static class OfficeStaff
{
    public static async Task<IReadOnlyList<StaffChoice>> ListAsync(ServeWellDbContext db, int officeId, StaffNameDisplay display, CancellationToken cancellationToken)
    {
        if (display == StaffNameDisplay.None)
        {
            return [];
        }

        var staff = await db.Employees.AsNoTracking().Where(e => e.OrgUnitId == officeId && e.Status == EmployeeStatus.Active)
            .OrderBy(e => e.Id).Take(StaffOnDuty.MaxShown).Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken);
        return [.. staff.Select(e => new StaffChoice(e.Id, StaffOnDuty.Show(e.Name, display))).OrderBy(s => s.Name, StringComparer.Ordinal)];
    }
}
