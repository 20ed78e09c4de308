using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Protection.Encounters;

namespace ServeWell.Web.Modules.Protection.Support;

public enum SupportKind
{
    Counselling,
    Leave,
    LegalSupport,
    AwayFromCounter,
}

/// <summary>Support offered to the employee after an encounter, and whether and when they took it up.</summary>
public sealed class SupportOffer
{
    public int Id { get; private set; }

    public int EncounterId { get; init; }

    public SupportKind Kind { get; init; }

    public DateOnly OfferedOn { get; init; }

    public DateTime OfferedAtUtc { get; init; }

    public required string OfferedByUserId { get; init; }

    public DateOnly? TakenUpOn { get; set; }

    public DateOnly? DeclinedOn { get; set; }
}

public enum LegalActionKind
{
    CriminalComplaint,
    LegalCostsPaid,
}

public enum LegalActionStatus
{
    Planned,
    Filed,
    UnderInvestigation,
    Closed,
}

/// <summary>The institution's legal action on an encounter: a criminal complaint it files, or legal costs it pays.</summary>
public sealed class LegalAction
{
    public const int MaxNote = 1000;

    public int Id { get; private set; }

    public int EncounterId { get; init; }

    public LegalActionKind Kind { get; init; }

    public LegalActionStatus Status { get; set; }

    public DateOnly StatusOn { get; set; }

    public string? Note { get; set; }

    public required string RecordedByUserId { get; init; }
}

internal sealed class SupportOfferConfiguration : IEntityTypeConfiguration<SupportOffer>
{
    public void Configure(EntityTypeBuilder<SupportOffer> builder)
    {
        builder.ToTable("protection_support_offers");
        builder.Property(s => s.OfferedByUserId).HasMaxLength(64);
        builder.HasOne<Encounter>().WithMany().HasForeignKey(s => s.EncounterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.EncounterId);
    }
}

internal sealed class LegalActionConfiguration : IEntityTypeConfiguration<LegalAction>
{
    public void Configure(EntityTypeBuilder<LegalAction> builder)
    {
        builder.ToTable("protection_legal_actions");
        builder.Property(s => s.RecordedByUserId).HasMaxLength(64);
        builder.Property(s => s.Note).HasMaxLength(LegalAction.MaxNote);
        builder.HasOne<Encounter>().WithMany().HasForeignKey(s => s.EncounterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.EncounterId);
    }
}
