using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Layout;

namespace ServeWell.Web.Modules.People.Employees;

[Authorize(Policy = Policies.ManageEmployees)]
public sealed class EditModel(ServeWellDbContext db, SaveEmployee save, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EmployeeForm Form { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<OrgUnitOption> Units { get; private set; } = [];

    public GradeScale Scale { get; private set; } = GradeScale.Korean();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is not null)
        {
            var employee = await db.Employees.AsNoTracking().Include(e => e.OrgUnit).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (employee is null)
            {
                return NotFound();
            }

            Form = SaveEmployee.FormOf(employee, employee.OrgUnit!.Code);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var (employee, problems) = await save.SaveAsync(id, Form, cancellationToken);
            if (employee is not null)
            {
                TempData.Saved(l["{0} ({1}) saved.", employee.Name, employee.EmployeeNumber]);
                return Redirect($"/People/Employees/Details/{employee.Id}");
            }

            foreach (var p in problems)
            {
                ModelState.AddModelError(p.Field.Length == 0 ? "" : "Form." + p.Field, p.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Units = await OrgUnitOption.ListAsync(db.OrgUnits, cancellationToken);
        Scale = await db.GradeScales.CurrentAsync(cancellationToken);
    }
}
