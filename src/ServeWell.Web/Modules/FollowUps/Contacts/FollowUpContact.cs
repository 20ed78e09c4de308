using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.FollowUps.Cases;

namespace ServeWell.Web.Modules.FollowUps.Contacts;

/// <summary>
/// The email and/or phone a citizen left for a follow-up, encrypted with Data Protection (ADR-013). Kept apart from the
/// answer and the case so that deleting it after the retention period leaves both intact.
/// </summary>
public sealed class FollowUpContact
{
    public int Id { get; private set; }

    public int CaseId { get; init; }

    /// <summary>The protected payload: ciphertext and authentication tag, never the details in clear.</summary>
    public required byte[] Protected { get; init; }

    public DateTime CreatedAtUtc { get; init; }
}

internal sealed class FollowUpContactConfiguration : IEntityTypeConfiguration<FollowUpContact>
{
    public void Configure(EntityTypeBuilder<FollowUpContact> builder)
    {
        builder.ToTable("follow_up_contacts");
        builder.HasOne<FollowUpCase>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.CaseId).IsUnique();
    }
}
