using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Sessions;

namespace ServeWell.Web.Modules.Training.Completions;

internal sealed class CompletionConfiguration : IEntityTypeConfiguration<Completion>
{
    public void Configure(EntityTypeBuilder<Completion> builder)
    {
        builder.ToTable("completions");
        // One completion per person and cycle: two nodes recording the same attendance race into this index, not past it.
        builder.HasIndex(c => new { c.ProgrammeId, c.EmployeeId, c.Cycle }).IsUnique();
        builder.HasIndex(c => c.EmployeeId);
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ProgrammeCycleConfiguration : IEntityTypeConfiguration<ProgrammeCycle>
{
    public void Configure(EntityTypeBuilder<ProgrammeCycle> builder)
    {
        builder.ToTable("programme_cycles");
        builder.HasIndex(c => new { c.ProgrammeId, c.Number }).IsUnique();
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
