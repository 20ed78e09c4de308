using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Feedback.Services;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>Why an answer was left out of every figure (ADR-022).</summary>
public enum ExclusionReason
{
    Spam = 0,
    Test = 1,
    Duplicate = 2,
    Abusive = 3,
    Other = 4,
}

public enum Resolution
{
    Yes = 0,
    Partly = 1,
    No = 2,
}

/// <summary>
/// One citizen's answer. Scores are kept as asked (1–5) and on the Common Measurements Tool's 0–100 scale
/// ((score − 1) × 25), so reports never recompute them. The comment is already redacted; contact details are never here.
/// </summary>
public sealed class FeedbackAnswer
{
    public long Id { get; private set; }

    public int TouchpointId { get; set; }

    /// <summary>Copied from the touchpoint at the time of the answer, so moving a touchpoint later does not move its history.</summary>
    public int OrgUnitId { get; set; }

    public int? ServiceId { get; set; }

    public FeedbackChannel Channel { get; set; }

    /// <summary>The published survey version the citizen answered; answers from before versioning have the original one.</summary>
    public int SurveyVersionId { get; set; }

    public int Overall { get; set; }

    public int OverallScore { get; set; }

    public int? Timeliness { get; set; }

    public int? TimelinessScore { get; set; }

    public int? Knowledge { get; set; }

    public int? KnowledgeScore { get; set; }

    public int? Courtesy { get; set; }

    public int? CourtesyScore { get; set; }

    public int? Fairness { get; set; }

    public int? FairnessScore { get; set; }

    public int? Outcome { get; set; }

    public int? OutcomeScore { get; set; }

    public Resolution? Resolved { get; set; }

    /// <summary>Plain text, personal data redacted before storage; never rendered as HTML.</summary>
    public string? Comment { get; set; }

    public int? CommendedEmployeeId { get; set; }

    /// <summary>Whether the citizen asked to be contacted (with consent); the details live with the follow-up, not here.</summary>
    public bool ContactRequested { get; set; }

    public required string Language { get; set; }

    public DateTime AnsweredAt { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>
    /// When an administrator or supervisor left the answer out of every figure (ADR-022); null while it counts.
    /// The answer stays stored so it can be restored; a global query filter hides it from every read that does not ask.
    /// </summary>
    public DateTime? ExcludedAt { get; set; }

    /// <summary>The staff account that excluded it (no foreign key: the audit trail keeps who, even after the account goes).</summary>
    public string? ExcludedById { get; set; }

    public ExclusionReason? ExclusionReason { get; set; }

    /// <summary>Staff's own words, at most 500 characters; never logged.</summary>
    public string? ExclusionNote { get; set; }

    public bool Excluded => ExcludedAt is not null;

    public static int ToScore(int answer) => (answer - 1) * 25;

    /// <summary>The id the intake reserved for the answer before inserting it (ADR-025).</summary>
    internal void AssignId(long id) => Id = id;

    public static int? ToScore(int? answer) => answer is { } a ? ToScore(a) : null;
}

/// <summary>
/// The result an Idempotency-Key earned: the hash of the request it came with, and the status and JSON answered.
/// Written in the same transaction as the answer, so a key is either fully taken or free.
/// </summary>
public sealed class FeedbackIdempotencyRecord
{
    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    public int Status { get; set; }

    public required string Response { get; set; }

    public long AnswerId { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class FeedbackAnswerConfiguration : IEntityTypeConfiguration<FeedbackAnswer>
{
    public void Configure(EntityTypeBuilder<FeedbackAnswer> builder)
    {
        builder.ToTable("feedback_answers");
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Resolved).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Comment).HasMaxLength(2000);
        builder.Property(a => a.Language).HasMaxLength(8);
        builder.Property(a => a.ExcludedById).HasMaxLength(64);
        builder.Property(a => a.ExclusionReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ExclusionNote).HasMaxLength(500);
        builder.Ignore(a => a.Excluded);
        // An excluded answer counts nowhere (ADR-022): every read leaves it out unless it says IgnoreQueryFilters
        // (the drill-down's "show excluded", the exclusion itself, survey version counts).
        builder.HasQueryFilter(a => a.ExcludedAt == null);
        // Id last: one office's answers newest first straight off the index (Insights drill-down, ADR-019); also the rollup recompute.
        builder.HasIndex(a => new { a.OrgUnitId, a.AnsweredAt, a.Id });
        builder.HasIndex(a => new { a.ServiceId, a.AnsweredAt });
        builder.HasIndex(a => new { a.TouchpointId, a.AnsweredAt });
        builder.HasIndex(a => a.CommendedEmployeeId);
        // Insights drill-down over a large subtree: newest first, keyset-paged on (AnsweredAt, Id) (ADR-019).
        builder.HasIndex(a => new { a.AnsweredAt, a.Id });
        builder.HasIndex(a => a.SurveyVersionId);
        // Rows written without it (the demo's bulk insert, answers from before versioning) answered the original survey.
        builder.Property(a => a.SurveyVersionId).HasDefaultValue(SurveyVersion.OriginalId);
        builder.HasOne<SurveyVersion>().WithMany().HasForeignKey(a => a.SurveyVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Touchpoint>().WithMany().HasForeignKey(a => a.TouchpointId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PublicService>().WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(a => a.CommendedEmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedbackIdempotencyRecordConfiguration : IEntityTypeConfiguration<FeedbackIdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<FeedbackIdempotencyRecord> builder)
    {
        builder.ToTable("feedback_idempotency");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasIndex(r => r.CreatedAt);
        builder.HasOne<FeedbackAnswer>().WithMany().HasForeignKey(r => r.AnswerId).OnDelete(DeleteBehavior.Cascade);
    }
}
