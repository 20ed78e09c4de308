using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.Recognition.Awards;

public enum RoundDecisionKind
{
    Approved = 0,
    SentBack = 1,
}

/// <summary>Leadership's decision on a scored round: approved, or sent back to the jury with a note.</summary>
public sealed class RoundDecision : IAudited
{
    public int Id { get; private set; }

    public int RoundId { get; set; }

    public RoundDecisionKind Kind { get; set; }

    public string? Note { get; set; }

    public required string ByUserId { get; set; }

    public required string ByName { get; set; }

    public DateTime AtUtc { get; set; }

    string IAudited.AuditKey => $"decision/{RoundId}";
}

/// <summary>
/// A courtesy award: the approved winner of a round. The wall shows it only while the employee consents; the story shown
/// is a scrubbed nomination story (never who told it).
/// </summary>
public sealed class Award : IAudited
{
    public int Id { get; private set; }

    public int RoundId { get; set; }

    public int EmployeeId { get; set; }

    public int OrgUnitId { get; set; }

    public DateOnly Month { get; set; }

    public required string Story { get; set; }

    public bool ShownOnWall { get; set; }

    /// <summary>The public verification code of the award's certificate (the same path as training certificates).</summary>
    public required string CertificateCode { get; set; }

    public DateTime AwardedAtUtc { get; set; }

    string IAudited.AuditKey => $"award/{RoundId}/{EmployeeId}";
}

internal sealed class RoundDecisionConfiguration : IEntityTypeConfiguration<RoundDecision>
{
    public void Configure(EntityTypeBuilder<RoundDecision> builder)
    {
        builder.ToTable("recognition_decisions");
        builder.HasOne<AwardRound>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.RoundId);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Note).HasMaxLength(1000);
        builder.Property(d => d.ByUserId).HasMaxLength(450);
        builder.Property(d => d.ByName).HasMaxLength(200);
    }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> builder)
    {
        builder.ToTable("recognition_awards");
        builder.HasOne<AwardRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.RoundId).IsUnique();
        builder.HasIndex(a => new { a.EmployeeId, a.Month });
        builder.HasIndex(a => a.CertificateCode).IsUnique();
        builder.Property(a => a.Story).HasMaxLength(Nomination.MaxStoryStored);
        builder.Property(a => a.CertificateCode).HasMaxLength(20);
    }
}
