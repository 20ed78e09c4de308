using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.People.Employees;

/// <summary>Open to every staff member, but the scope decides whom they find: people in their subtree, or only themself.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(ServeWellDbContext db, StaffScope scope, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public sealed record AssignmentRow(DateOnly From, DateOnly? Until, string Unit, int Grade, string Position);

    public Employee Employee { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public IReadOnlyList<AssignmentRow> Assignments { get; private set; } = [];

    public GradeScale Scale { get; private set; } = GradeScale.Korean();

    public bool CanManage { get; private set; }

    public DateOnly Today { get; } = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var access = await scope.GetAsync(cancellationToken);
        var employee = await access.Apply(db.Employees.AsNoTracking()).Include(e => e.OrgUnit).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (employee is null)
        {
            return NotFound();
        }

        var english = Cultures.ReadsEnglish;
        Employee = employee;
        UnitName = employee.OrgUnit!.DisplayName(english);
        var rows = await db.EmployeeAssignments.AsNoTracking().Where(a => a.EmployeeId == id).Include(a => a.OrgUnit)
            .OrderByDescending(a => a.From).ToListAsync(cancellationToken);
        Assignments = rows.Select(a => new AssignmentRow(a.From, a.Until, a.OrgUnit!.DisplayName(english), a.Grade, a.Position)).ToList();
        Scale = await db.GradeScales.CurrentAsync(cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageEmployees)).Succeeded;
        return Page();
    }
}
