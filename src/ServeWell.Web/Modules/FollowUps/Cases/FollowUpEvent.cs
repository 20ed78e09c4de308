using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServeWell.Web.Modules.FollowUps.Cases;

public enum FollowUpEventKind
{
    Opened = 0,
    Transition = 1,
    Reassigned = 2,
    ContactRevealed = 3,
    Reminded = 4,
    ContactPurged = 5,
    Escalated = 6,
}

/// <summary>One line of a case's timeline: who did what, when, with an optional note.</summary>
public sealed class FollowUpEvent
{
    public long Id { get; private set; }

    public int CaseId { get; init; }

    public DateTime AtUtc { get; init; }

    public FollowUpEventKind Kind { get; init; }

    public FollowUpState? FromState { get; init; }

    public FollowUpState? ToState { get; init; }

    /// <summary>The account that acted; null for the system (the intake, a job).</summary>
    public string? ActorUserId { get; init; }

    /// <summary>The actor's name as it was then, so the timeline reads the same after an account is renamed or removed.</summary>
    public string ActorName { get; init; } = "";

    /// <summary>For a reassignment: the new assignee's name.</summary>
    public string? Detail { get; init; }

    public string? Note { get; init; }
}

internal sealed class FollowUpEventConfiguration : IEntityTypeConfiguration<FollowUpEvent>
{
    public void Configure(EntityTypeBuilder<FollowUpEvent> builder)
    {
        builder.ToTable("follow_up_events");
        builder.HasOne<FollowUpCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.FromState).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToState).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ActorUserId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(256);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => new { e.CaseId, e.AtUtc });
    }
}
