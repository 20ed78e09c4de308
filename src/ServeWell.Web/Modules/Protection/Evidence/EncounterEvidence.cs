using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Protection.Encounters;

namespace ServeWell.Web.Modules.Protection.Evidence;

public enum EvidenceKind
{
    Photo,
    Recording,
    Document,
}

/// <summary>
/// A photo, call recording or document attached to an encounter, kept only encrypted (<see cref="EvidenceVault"/>) in the
/// database beside the encounter, so a file is written and deleted with its row: no file on disk to be orphaned (ADR-059).
/// The uploader's file name is not kept; the evidence is named by its kind and number.
/// </summary>
public sealed class EncounterEvidence
{
    public int Id { get; private set; }

    public int EncounterId { get; init; }

    public EvidenceKind Kind { get; init; }

    public required string ContentType { get; init; }

    /// <summary>"photo-1.jpg": what a download is called.</summary>
    public required string FileName { get; init; }

    public long Size { get; init; }

    /// <summary>The bytes encrypted with Data Protection under the evidence purpose: never the plaintext.</summary>
    public required byte[] Protected { get; init; }

    public required string UploadedByUserId { get; init; }

    public DateTime UploadedAtUtc { get; init; }

    /// <summary>When the retention job deletes it (Protection:Evidence:RetentionDays after the upload).</summary>
    public DateTime DeleteAfterUtc { get; init; }
}

internal sealed class EncounterEvidenceConfiguration : IEntityTypeConfiguration<EncounterEvidence>
{
    public void Configure(EntityTypeBuilder<EncounterEvidence> builder)
    {
        builder.ToTable("protection_evidence");
        builder.Property(e => e.ContentType).HasMaxLength(64);
        builder.Property(e => e.FileName).HasMaxLength(64);
        builder.Property(e => e.UploadedByUserId).HasMaxLength(64);
        builder.HasOne<Encounter>().WithMany().HasForeignKey(e => e.EncounterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.EncounterId);
        builder.HasIndex(e => e.DeleteAfterUtc);
    }
}
