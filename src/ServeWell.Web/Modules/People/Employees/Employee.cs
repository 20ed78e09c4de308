using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.People.Employees;

public enum EmployeeStatus
{
    Active = 0,
    OnLeave = 1,
    Left = 2,
}

public sealed class Employee : IAudited
{
    public int Id { get; private set; }

    public required string EmployeeNumber { get; init; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public string? Phone { get; set; }

    public int OrgUnitId { get; private set; }

    public OrgUnit? OrgUnit { get; private set; }

    public int Grade { get; private set; }

    public string Position { get; private set; } = "";

    public DateOnly HireDate { get; set; }

    /// <summary>Serves citizens directly (a counter, a phone line, a community centre desk).</summary>
    public bool IsFrontline { get; set; }

    public EmployeeStatus Status { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<EmployeeAssignment> Assignments { get; } = [];

    string IAudited.AuditKey => EmployeeNumber;

    /// <summary>Whole years of service on <paramref name="today"/>.</summary>
    public int ServiceYears(DateOnly today) => ServiceYearsOn(HireDate, today);

    public static int ServiceYearsOn(DateOnly hireDate, DateOnly today)
    {
        var years = today.Year - hireDate.Year;
        if (today < hireDate.AddYears(years))
        {
            years--;
        }

        return Math.Max(0, years);
    }

    /// <summary>
    /// Places the employee in a unit, grade and position from <paramref name="from"/> on. A change closes
    /// the current assignment and opens a new one, so "where did this person work in March" stays answerable.
    /// </summary>
    public bool Assign(int orgUnitId, int grade, string position, DateOnly from)
    {
        if (OrgUnitId == orgUnitId && Grade == grade && Position == position && Assignments.Count > 0)
        {
            return false;
        }

        var current = Assignments.FirstOrDefault(a => a.Until is null);
        if (current is not null)
        {
            // A change on the day the assignment began replaces it rather than leaving a zero-length period.
            if (current.From >= from)
            {
                Assignments.Remove(current);
                current = null;
            }
            else
            {
                current.Until = from;
            }
        }

        OrgUnitId = orgUnitId;
        Grade = grade;
        Position = position;
        Assignments.Add(new EmployeeAssignment { OrgUnitId = orgUnitId, Grade = grade, Position = position, From = from });
        return true;
    }
}
