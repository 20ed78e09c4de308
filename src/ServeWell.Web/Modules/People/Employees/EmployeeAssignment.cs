using ServeWell.Web.Modules.People.OrgUnits;

namespace ServeWell.Web.Modules.People.Employees;

/// <summary>A period in which an employee held one grade and position in one org unit: [From, Until).</summary>
public sealed class EmployeeAssignment
{
    public long Id { get; private set; }

    public int EmployeeId { get; private set; }

    public int OrgUnitId { get; init; }

    public OrgUnit? OrgUnit { get; private set; }

    public int Grade { get; init; }

    public required string Position { get; init; }

    public DateOnly From { get; init; }

    public DateOnly? Until { get; set; }
}
