using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.People.Employees;

/// <summary>What a person types on the employee form. Not the entity: only these fields can be set.</summary>
public sealed class EmployeeForm
{
    [Required(ErrorMessage = "Enter the employee number.")]
    [StringLength(32, ErrorMessage = "At most 32 characters.")]
    public string EmployeeNumber { get; set; } = "";

    [Required(ErrorMessage = "Enter the name.")]
    [StringLength(120, ErrorMessage = "At most 120 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter the email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [Phone(ErrorMessage = "Enter a valid phone number.")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "Choose an org unit.")]
    public string OrgUnitCode { get; set; } = "";

    [Required(ErrorMessage = "Enter the grade.")]
    public int? Grade { get; set; }

    [StringLength(120, ErrorMessage = "At most 120 characters.")]
    public string Position { get; set; } = "";

    [Required(ErrorMessage = "Enter the hire date.")]
    public DateOnly? HireDate { get; set; }

    public bool IsFrontline { get; set; }

    public EmployeeStatus Status { get; set; }

    /// <summary>When a change of unit, grade or position took effect; today if empty.</summary>
    public DateOnly? EffectiveFrom { get; set; }
}

/// <summary>Creates or updates one employee by hand; moves are recorded as assignment history.</summary>
public sealed class SaveEmployee(ServeWellDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public sealed record Problem(string Field, string Message);

    public async Task<(Employee? Employee, IReadOnlyList<Problem> Problems)> SaveAsync(int? id, EmployeeForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var number = form.EmployeeNumber.Trim();
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Code == form.OrgUnitCode.Trim(), cancellationToken);
        if (unit is null)
        {
            problems.Add(new(nameof(form.OrgUnitCode), l["There is no org unit with the code “{0}”.", form.OrgUnitCode]));
        }
        else if (!unit.IsActive)
        {
            problems.Add(new(nameof(form.OrgUnitCode), l["{0} is deactivated; choose an active unit.", unit.Name]));
        }

        var scale = await db.GradeScales.CurrentAsync(cancellationToken);
        if (form.Grade is { } g && !scale.Contains(g))
        {
            problems.Add(new(nameof(form.Grade), l["{0} is not a grade on the scale {1}–{2}.", g, scale.Lowest, scale.Highest]));
        }

        if (form.HireDate is { } hired && hired > today)
        {
            problems.Add(new(nameof(form.HireDate), l["The hire date is in the future."]));
        }

        var employee = id is null ? null : await db.Employees.Include(e => e.Assignments).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (id is not null && employee is null)
        {
            problems.Add(new("", l["That employee does not exist."]));
        }

        if (await db.Employees.AnyAsync(e => e.EmployeeNumber == number && e.Id != (id ?? 0), cancellationToken))
        {
            problems.Add(new(nameof(form.EmployeeNumber), l["The employee number {0} is already used.", number]));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        employee ??= db.Employees.Add(new Employee { EmployeeNumber = number, Name = "", Email = "" }).Entity;
        employee.Name = form.Name.Trim();
        employee.Email = form.Email.Trim();
        employee.Phone = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim();
        employee.HireDate = form.HireDate!.Value;
        employee.IsFrontline = form.IsFrontline;
        employee.Status = form.Status;
        employee.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var from = form.EffectiveFrom ?? (id is null ? employee.HireDate : today);
        employee.Assign(unit!.Id, form.Grade!.Value, form.Position.Trim(), from);
        await db.SaveChangesAsync(cancellationToken);
        return (employee, problems);
    }

    public static EmployeeForm FormOf(Employee e, string orgUnitCode) => new()
    {
        EmployeeNumber = e.EmployeeNumber, Name = e.Name, Email = e.Email, Phone = e.Phone, OrgUnitCode = orgUnitCode,
        Grade = e.Grade, Position = e.Position, HireDate = e.HireDate, IsFrontline = e.IsFrontline, Status = e.Status,
    };
}
