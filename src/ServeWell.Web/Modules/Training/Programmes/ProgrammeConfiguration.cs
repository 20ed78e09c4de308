using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Programmes;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ToTable("programmes");
        builder.HasLocalText(p => p.Title, 200);
        builder.HasLocalText(p => p.Description, 4000);
        builder.Property(p => p.Hours).HasPrecision(6, 1);
        // One JSON document: the rule is read and evaluated whole, never queried by its parts (ADR-006).
        builder.Property(p => p.Audience)
            .HasConversion(r => AudienceRuleJson.Write(r), json => AudienceRuleJson.Read(json), AudienceRuleJson.Comparer)
            .HasMaxLength(20000);
        builder.HasMany(p => p.Competencies).WithMany().UsingEntity(j => j.ToTable("programme_competencies"));
        builder.HasMany(p => p.Instructors).WithOne().HasForeignKey(i => i.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgrammeInstructorConfiguration : IEntityTypeConfiguration<ProgrammeInstructor>
{
    public void Configure(EntityTypeBuilder<ProgrammeInstructor> builder)
    {
        builder.ToTable("programme_instructors");
        builder.Property(i => i.Name).HasMaxLength(120);
        builder.Property(i => i.Organisation).HasMaxLength(200);
        builder.Property(i => i.Credentials).HasMaxLength(500);
        builder.HasOne<Employee>().WithMany().HasForeignKey(i => i.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.ProgrammeId, i.Order });
    }
}
