using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Programmes;

namespace ServeWell.Web.Modules.Training.Enrolments;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("enrolments");
        builder.HasIndex(e => new { e.ProgrammeId, e.EmployeeId }).IsUnique();
        builder.HasIndex(e => new { e.ProgrammeId, e.State });
        builder.HasIndex(e => e.EmployeeId);
        builder.Property(e => e.StateReason).HasMaxLength(40);
        builder.HasOne<Programme>().WithMany().HasForeignKey(e => e.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Employee>().WithMany().HasForeignKey(e => e.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnrolmentChangeConfiguration : IEntityTypeConfiguration<EnrolmentChange>
{
    public void Configure(EntityTypeBuilder<EnrolmentChange> builder)
    {
        builder.ToTable("enrolment_changes");
        builder.HasIndex(c => new { c.EnrolmentId, c.At });
        builder.Property(c => c.Reason).HasMaxLength(40);
        builder.Property(c => c.By).HasMaxLength(256);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
