using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.Training.Competencies;

/// <summary>A skill of courteous public service that programmes train (communication, de-escalation…).</summary>
public sealed class Competency : IAudited
{
    public int Id { get; private set; }

    /// <summary>A stable key for the API and for seeding ("active-listening").</summary>
    public required string Code { get; set; }

    public required string NameEn { get; set; }

    public required string NameKo { get; set; }

    public string Description { get; set; } = "";

    public bool IsActive { get; set; } = true;

    string IAudited.AuditKey => Code;

    public string DisplayName(bool english) => english ? NameEn : NameKo;
}

internal sealed class CompetencyConfiguration : IEntityTypeConfiguration<Competency>
{
    public void Configure(EntityTypeBuilder<Competency> builder)
    {
        builder.ToTable("competencies");
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameEn).HasMaxLength(120);
        builder.Property(c => c.NameKo).HasMaxLength(120);
        builder.Property(c => c.Description).HasMaxLength(1000);
    }
}
