using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.Recognition.Nominations;

public enum NominationSource
{
    Supervisor = 0,
    Colleague = 1,
    Citizen = 2,
}

/// <summary>
/// A story of what an employee did, told by their supervisor, a colleague or a citizen. The story is scrubbed before it
/// is stored; a citizen's contact (only with consent) is encrypted like a follow-up contact, and nothing on the
/// nomination says who the citizen is. Never deleted: withdrawn with a reason (ADR-058).
/// </summary>
public sealed class Nomination : IAudited
{
    public const int MaxStory = 1000;
    public const int MaxWrittenName = 60;
    public const int MaxReason = 500;

    /// <summary>Room for the scrubber's markers, which may be longer than what they replace.</summary>
    public const int MaxStoryStored = MaxStory * 2;

    public int Id { get; private set; }

    public int RoundId { get; set; }

    /// <summary>The nominee, when chosen from the roster (or matched later by a training officer).</summary>
    public int? EmployeeId { get; set; }

    /// <summary>The name a citizen wrote when they did not find the employee in the office's list.</summary>
    public string? WrittenName { get; set; }

    /// <summary>The office the nomination is about (a citizen's counter or the nominee's unit).</summary>
    public int OrgUnitId { get; set; }

    public NominationSource Source { get; set; }

    /// <summary>The staff account that nominated; null for citizens.</summary>
    public string? NominatorUserId { get; set; }

    public required string Story { get; set; }

    public required string Language { get; set; }

    /// <summary>The citizen's contact, encrypted with the follow-up contacts' protector; only stored with consent.</summary>
    public byte[]? ProtectedContact { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? WithdrawnAtUtc { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawalReason { get; set; }

    public bool IsActive => WithdrawnAtUtc is null;

    string IAudited.AuditKey => $"nomination/{RoundId}/{EmployeeId}";
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> builder)
    {
        builder.ToTable("recognition_nominations");
        builder.HasOne<AwardRound>().WithMany().HasForeignKey(n => n.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.RoundId, n.EmployeeId });
        builder.Property(n => n.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.NominatorUserId).HasMaxLength(450);
        builder.Property(n => n.WrittenName).HasMaxLength(Nomination.MaxWrittenName);
        builder.Property(n => n.Story).HasMaxLength(Nomination.MaxStoryStored);
        builder.Property(n => n.Language).HasMaxLength(8);
        builder.Property(n => n.WithdrawnBy).HasMaxLength(200);
        builder.Property(n => n.WithdrawalReason).HasMaxLength(Nomination.MaxReason);
        builder.Ignore(n => n.IsActive);
    }
}
