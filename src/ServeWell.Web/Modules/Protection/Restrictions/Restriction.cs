using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Protection.Encounters;

namespace ServeWell.Web.Modules.Protection.Restrictions;

/// <summary>What a restriction limits (the NSW model: who, what, when, where, how).</summary>
public enum RestrictionScope
{
    Channel,
    Office,
    ContactPerson,
    Times,
    NoAccess,
}

/// <summary>
/// A restriction on a complainant, known only by their keyed hash (ADR-059): what, from when to when, when it is reviewed,
/// and the letter that tells them, in Korean or English.
/// </summary>
public sealed class Restriction
{
    public const int MaxDetail = 500;

    public int Id { get; private set; }

    public int EncounterId { get; init; }

    public required string ComplainantKey { get; init; }

    public RestrictionScope Scope { get; set; }

    /// <summary>"Phone calls only to the designated contact", "Not at 원효로 community centre", in plain words.</summary>
    public required string Detail { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public DateOnly ReviewOn { get; set; }

    /// <summary>"ko" or "en": the letter's language.</summary>
    public required string LetterLanguage { get; set; }

    public required string IssuedByUserId { get; init; }

    public DateTime IssuedAtUtc { get; init; }

    /// <summary>When the reminder before the review went out (once per restriction).</summary>
    public DateTime? ReviewReminderSentAtUtc { get; set; }
}

/// <summary>The letter's text per language, editable by administrators; placeholders in braces ({name}).</summary>
public sealed class RestrictionLetterTemplate
{
    public int Id { get; private set; }

    public required string Language { get; init; }

    public required string Body { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class RestrictionConfiguration : IEntityTypeConfiguration<Restriction>
{
    public void Configure(EntityTypeBuilder<Restriction> builder)
    {
        builder.ToTable("protection_restrictions");
        builder.Property(r => r.ComplainantKey).HasMaxLength(64);
        builder.Property(r => r.Detail).HasMaxLength(Restriction.MaxDetail);
        builder.Property(r => r.LetterLanguage).HasMaxLength(8);
        builder.Property(r => r.IssuedByUserId).HasMaxLength(64);
        builder.HasOne<Encounter>().WithMany().HasForeignKey(r => r.EncounterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ComplainantKey);
        builder.HasIndex(r => r.ReviewOn);
    }
}

internal sealed class RestrictionLetterTemplateConfiguration : IEntityTypeConfiguration<RestrictionLetterTemplate>
{
    public void Configure(EntityTypeBuilder<RestrictionLetterTemplate> builder)
    {
        builder.ToTable("protection_letter_templates");
        builder.Property(t => t.Language).HasMaxLength(8);
        builder.Property(t => t.Body).HasMaxLength(8000);
        builder.HasIndex(t => t.Language).IsUnique();
    }
}
