using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Services;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.FollowUps.RootCauses;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.FollowUps.Cases;

public enum FollowUpState
{
    New = 0,
    Contacted = 1,
    Resolved = 2,
    ClosedUnreachable = 3,
}

/// <summary>
/// An unhappy or contact-requesting citizen answer that someone must follow up. It keeps a snapshot of what the handler
/// needs from the answer (the answer itself lives in the Feedback module; <see cref="AnswerId"/> is a foreign key to it);
/// the citizen's contact details are never here but in <see cref="Contacts.FollowUpContact"/>, encrypted.
/// </summary>
public sealed class FollowUpCase : IAudited
{
    public int Id { get; private set; }

    /// <summary>The feedback answer that opened the case; one case per answer.</summary>
    public long AnswerId { get; init; }

    public int OrgUnitId { get; init; }

    public OrgUnit? OrgUnit { get; private set; }

    public int? ServiceId { get; init; }

    public int TouchpointId { get; init; }

    /// <summary>Overall satisfaction, 1–5, as the citizen gave it.</summary>
    public int Overall { get; init; }

    /// <summary>The comment as the intake stored it (already redacted); plain text, never rendered as HTML.</summary>
    public string? Comment { get; init; }

    /// <summary>"en" or "ko": the language the citizen answered in, and so the language of any mail to them.</summary>
    public string Language { get; init; } = "ko";

    public DateTime AnsweredAtUtc { get; init; }

    public DateTime OpenedAtUtc { get; init; }

    /// <summary>The last business day to act on, in the city's time zone.</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>The instant the case becomes overdue: the end of <see cref="DueOn"/> in the city's time zone.</summary>
    public DateTime DueAtUtc { get; init; }

    public bool LowScore { get; init; }

    public bool ContactRequested { get; init; }

    /// <summary>Whether the citizen left an email address (so is told when the case is resolved).</summary>
    public bool ContactHasEmail { get; init; }

    public FollowUpState State { get; set; }

    public string? AssignedUserId { get; set; }

    public StaffUser? AssignedUser { get; private set; }

    /// <summary>
    /// The assignee holds the case only because no supervisor covered its office (the administrator's fallback, ADR-029):
    /// the first supervisor whose scope comes to cover it takes it over.
    /// </summary>
    public bool OwnedByFallback { get; set; }

    public int? RootCauseId { get; set; }

    public RootCause? RootCause { get; private set; }

    public string? ResolutionNote { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>When the contact details were deleted after closing plus the retention period.</summary>
    public DateTime? ContactPurgedAtUtc { get; set; }

    /// <summary>The city-local day the last overdue reminder went out, so a reminder goes at most once a day.</summary>
    public DateOnly? LastRemindedOn { get; set; }

    /// <summary>Bumped on every change; two people acting on one case at once cannot both win.</summary>
    public int Version { get; set; }

    public bool IsOpen => State is FollowUpState.New or FollowUpState.Contacted;

    public bool IsOverdueAt(DateTime nowUtc) => IsOpen && DueAtUtc <= nowUtc;

    string IAudited.AuditKey => "answer-" + AnswerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class FollowUpCaseConfiguration : IEntityTypeConfiguration<FollowUpCase>
{
    public void Configure(EntityTypeBuilder<FollowUpCase> builder)
    {
        builder.ToTable("follow_up_cases");
        builder.HasIndex(c => c.AnswerId).IsUnique();
        // A case always stems from a stored answer (and its touchpoint and service); answers are never deleted.
        builder.HasOne<FeedbackAnswer>().WithMany().HasForeignKey(c => c.AnswerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Touchpoint>().WithMany().HasForeignKey(c => c.TouchpointId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PublicService>().WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.OrgUnit).WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.AssignedUser).WithMany().HasForeignKey(c => c.AssignedUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.RootCause).WithMany().HasForeignKey(c => c.RootCauseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Comment).HasMaxLength(1200);
        builder.Property(c => c.Language).HasMaxLength(10);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ResolutionNote).HasMaxLength(2000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.State, c.DueAtUtc });
        builder.HasIndex(c => c.AssignedUserId);
        builder.HasIndex(c => c.ClosedAtUtc);
    }
}
