using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;

namespace ServeWell.Web.Modules.Protection.Encounters;

public enum EncounterChannel
{
    Visit,
    Phone,
    Online,
    Written,
}

/// <summary>What happened: the kinds of the 2024 measures and the NSW model, any number of them.</summary>
[Flags]
public enum EncounterKinds
{
    None = 0,
    VerbalAbuse = 1 << 0,
    Threat = 1 << 1,
    Violence = 1 << 2,
    SexualHarassment = 1 << 3,
    Persistence = 1 << 4,
    UnreasonableDemands = 1 << 5,
    FilmingStaff = 1 << 6,
    DisclosingStaffData = 1 << 7,
}

/// <summary>What was done on the spot.</summary>
[Flags]
public enum SpotActions
{
    None = 0,
    Warned = 1 << 0,
    CallEndedAfterWarning = 1 << 1,
    SecondOfficialJoined = 1 << 2,
    SecurityOrPoliceCalled = 1 << 3,
    VisitEnded = 1 << 4,
}

/// <summary>
/// An abusive encounter an employee went through, logged by them or by their supervisor (issue 17). Confidential
/// (ADR-059): who reads it and how much is decided by <see cref="EncounterReader"/> alone. Not <c>IAudited</c>: the
/// trail would copy the description in clear, so every change and read writes its own entry without it.
/// </summary>
public sealed class Encounter
{
    public const int MaxDescription = 4000;
    public const int MaxInjury = 500;

    public int Id { get; private set; }

    /// <summary>"ENC-" and eight letters: what the audit log and mail name, never the employee.</summary>
    public required string Reference { get; init; }

    public int EmployeeId { get; init; }

    public Employee? Employee { get; private set; }

    /// <summary>The office where it happened.</summary>
    public int OfficeId { get; set; }

    public OrgUnit? Office { get; private set; }

    public DateTime OccurredAtUtc { get; set; }

    public EncounterChannel Channel { get; set; }

    public EncounterKinds Kinds { get; set; }

    public SpotActions Actions { get; set; }

    /// <summary>The employee's own words: only for them and the protection officers.</summary>
    public string Description { get; set; } = "";

    /// <summary>The words with personal data removed (ADR-052): what supervisors and administrators read.</summary>
    public string DescriptionScrubbed { get; set; } = "";

    public string? Injury { get; set; }

    public string? InjuryScrubbed { get; set; }

    public required string LoggedByUserId { get; init; }

    public DateTime LoggedAtUtc { get; init; }

    /// <summary>The keyed hash of the complainant's phone or email (ADR-059), never the contact itself.</summary>
    public string? ComplainantKey { get; set; }

    /// <summary>The follow-up case flagged as abusive that opened this encounter.</summary>
    public int? FollowUpCaseId { get; set; }

    /// <summary>The citizen answer flagged as abusive that opened this encounter (and is left out of the figures).</summary>
    public long? FeedbackAnswerId { get; set; }

    /// <summary>When the employee agreed that the encounter becomes a draft library case.</summary>
    public DateTime? CaseConsentAtUtc { get; set; }

    public int? PracticeCaseId { get; set; }

    /// <summary>Bumped by every correction (ADR-062, 13): a correction made on an older version is refused, not lost.</summary>
    public int Version { get; set; }
}

internal sealed class EncounterConfiguration : IEntityTypeConfiguration<Encounter>
{
    public void Configure(EntityTypeBuilder<Encounter> builder)
    {
        builder.ToTable("protection_encounters");
        builder.Property(e => e.Reference).HasMaxLength(16);
        builder.HasIndex(e => e.Reference).IsUnique();
        builder.Property(e => e.Description).HasMaxLength(Encounter.MaxDescription);
        builder.Property(e => e.DescriptionScrubbed).HasMaxLength(Encounter.MaxDescription * 2);
        builder.Property(e => e.Injury).HasMaxLength(Encounter.MaxInjury);
        builder.Property(e => e.InjuryScrubbed).HasMaxLength(Encounter.MaxInjury * 2);
        builder.Property(e => e.LoggedByUserId).HasMaxLength(64);
        builder.Property(e => e.ComplainantKey).HasMaxLength(64);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Employee).WithMany().HasForeignKey(e => e.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Office).WithMany().HasForeignKey(e => e.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.EmployeeId);
        builder.HasIndex(e => new { e.OfficeId, e.OccurredAtUtc });
        builder.HasIndex(e => e.ComplainantKey);
    }
}
