using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.OrgUnits;

namespace ServeWell.Web.Modules.People.Employees;

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> builder)
    {
        builder.ToTable("employees");
        builder.Property(e => e.EmployeeNumber).HasMaxLength(32);
        builder.HasIndex(e => e.EmployeeNumber).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(120);
        builder.Property(e => e.Email).HasMaxLength(254);
        builder.Property(e => e.Phone).HasMaxLength(40);
        builder.Property(e => e.Position).HasMaxLength(120);
        builder.HasOne(e => e.OrgUnit).WithMany().HasForeignKey(e => e.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.OrgUnitId, e.Status });
        builder.HasIndex(e => e.Grade);
        builder.HasMany(e => e.Assignments).WithOne().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EmployeeAssignmentConfiguration : IEntityTypeConfiguration<EmployeeAssignment>
{
    public void Configure(EntityTypeBuilder<EmployeeAssignment> builder)
    {
        builder.ToTable("employee_assignments");
        builder.Property(a => a.Position).HasMaxLength(120);
        builder.HasOne(a => a.OrgUnit).WithMany().HasForeignKey(a => a.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.EmployeeId, a.From });
        builder.HasIndex(a => new { a.OrgUnitId, a.From });
    }
}
