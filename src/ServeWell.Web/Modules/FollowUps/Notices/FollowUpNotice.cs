using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.FollowUps.Cases;

namespace ServeWell.Web.Modules.FollowUps.Notices;

public enum FollowUpNoticeKind
{
    /// <summary>To a supervisor: a case was opened for (or reassigned to) them.</summary>
    Assigned = 0,

    /// <summary>To the assignee: the case is overdue.</summary>
    Overdue = 1,

    /// <summary>To the citizen, in the answer's language: the matter was resolved.</summary>
    Resolved = 2,

    /// <summary>To the supervisors of the next level up: a case below them is overdue.</summary>
    Escalated = 3,
}

/// <summary>
/// A mail to send, written in the same transaction as the change that calls for it: a case opened inside the intake's
/// transaction tells its supervisor only if the answer committed. <see cref="FollowUpMailer"/> sends them.
/// </summary>
public sealed class FollowUpNotice
{
    public long Id { get; private set; }

    public int CaseId { get; init; }

    public FollowUpNoticeKind Kind { get; init; }

    /// <summary>The staff account to mail; null for the citizen (whose address is in the encrypted contact).</summary>
    public string? RecipientUserId { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    /// <summary>A node claims a notice until this instant before sending it, so two nodes do not both send it.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed, or why the notice was dropped (no address any more); never personal data.</summary>
    public string? LastError { get; set; }
}

internal sealed class FollowUpNoticeConfiguration : IEntityTypeConfiguration<FollowUpNotice>
{
    public void Configure(EntityTypeBuilder<FollowUpNotice> builder)
    {
        builder.ToTable("follow_up_notices");
        builder.HasOne<FollowUpCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.RecipientUserId).HasMaxLength(64);
        builder.Property(n => n.LastError).HasMaxLength(500);
        builder.HasIndex(n => n.SentAtUtc);
    }
}
