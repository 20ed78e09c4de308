using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Sessions;

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("training_sessions");
        builder.Ignore(s => s.IsCancelled);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.HasLocalText(s => s.Venue, 300);
        builder.Property(s => s.JoinUrl).HasMaxLength(2000);
        builder.Property(s => s.InstructorName).HasMaxLength(120);
        builder.HasIndex(s => s.CalendarUid).IsUnique();
        builder.HasIndex(s => new { s.ProgrammeId, s.StartsAtUtc });
        builder.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Employee>().WithMany().HasForeignKey(s => s.InstructorEmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
