using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.Feedback.Duty;

/// <summary>
/// One employee marked on duty at an office on one day of the city's calendar (ADR-040). A row per person, so the audit
/// log reads "Staff on duty created: Office …, Date …, Employee Kim Minjun (E123)" and a removal as its own entry.
/// </summary>
public sealed class StaffDuty : IAudited
{
    public int Id { get; private set; }

    public int OrgUnitId { get; init; }

    public OrgUnit? OrgUnit { get; private set; }

    /// <summary>The day in the city's calendar (<see cref="Platform.City.CityClock.Today"/>), not a UTC date.</summary>
    public DateOnly Date { get; init; }

    public int EmployeeId { get; init; }

    public Employee? Employee { get; private set; }

    string IAudited.AuditKey => $"{Date:yyyy-MM-dd} {OrgUnitId}/{EmployeeId}";
}

internal sealed class StaffDutyConfiguration : IEntityTypeConfiguration<StaffDuty>
{
    public void Configure(EntityTypeBuilder<StaffDuty> builder)
    {
        builder.ToTable("staff_duty");
        builder.HasIndex(d => new { d.OrgUnitId, d.Date, d.EmployeeId }).IsUnique();
        builder.HasOne(d => d.OrgUnit).WithMany().HasForeignKey(d => d.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Employee).WithMany().HasForeignKey(d => d.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}
