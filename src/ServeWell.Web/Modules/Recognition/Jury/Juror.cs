using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.Recognition.Jury;

/// <summary>A member of a round's jury: a staff account, named by a training officer.</summary>
public sealed class Juror : IAudited
{
    public int Id { get; private set; }

    public int RoundId { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public DateTime AddedAtUtc { get; set; }

    /// <summary>When the juror had scored every finalist: only then do they see the others' scores.</summary>
    public DateTime? SubmittedAtUtc { get; set; }

    string IAudited.AuditKey => $"juror/{RoundId}/{Name}";
}

/// <summary>
/// One juror's marks for one finalist on the round's scale, with a comment. One per juror and finalist; never deleted,
/// withdrawn with a reason (and then the juror may score that finalist again).
/// </summary>
public sealed class JuryScore : IAudited
{
    public const int MaxComment = 1000;

    public int Id { get; private set; }

    public int RoundId { get; set; }

    public int JurorId { get; set; }

    public int EmployeeId { get; set; }

    public int Difficulty { get; set; }

    public int Courtesy { get; set; }

    public int Satisfaction { get; set; }

    public int Resolution { get; set; }

    public string? Comment { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? WithdrawnAtUtc { get; set; }

    public string? WithdrawalReason { get; set; }

    string IAudited.AuditKey => $"score/{RoundId}/{JurorId}/{EmployeeId}";
}

internal sealed class JurorConfiguration : IEntityTypeConfiguration<Juror>
{
    public void Configure(EntityTypeBuilder<Juror> builder)
    {
        builder.ToTable("recognition_jurors");
        builder.HasOne<AwardRound>().WithMany().HasForeignKey(j => j.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => new { j.RoundId, j.UserId }).IsUnique();
        builder.Property(j => j.UserId).HasMaxLength(450);
        builder.Property(j => j.Name).HasMaxLength(200);
    }
}

internal sealed class JuryScoreConfiguration : IEntityTypeConfiguration<JuryScore>
{
    public void Configure(EntityTypeBuilder<JuryScore> builder)
    {
        builder.ToTable("recognition_scores");
        builder.HasOne<Juror>().WithMany().HasForeignKey(s => s.JurorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RoundId, s.EmployeeId });
        builder.HasIndex(s => new { s.JurorId, s.EmployeeId });
        builder.Property(s => s.Comment).HasMaxLength(JuryScore.MaxComment);
        builder.Property(s => s.WithdrawalReason).HasMaxLength(500);
    }
}
