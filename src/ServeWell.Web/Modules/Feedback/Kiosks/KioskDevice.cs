using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.Feedback.Kiosks;

/// <summary>A tablet registered by an administrator to send answers for one touchpoint, with a token kept only as a hash.</summary>
public sealed class KioskDevice : IAudited
{
    public int Id { get; private set; }

    public required string Name { get; set; }

    public int TouchpointId { get; set; }

    public Touchpoint? Touchpoint { get; private set; }

    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so staff can tell devices apart without the secret.</summary>
    public required string TokenHint { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastSyncAt { get; set; }

    string IAudited.AuditKey => Name;
}

internal sealed class KioskDeviceConfiguration : IEntityTypeConfiguration<KioskDevice>
{
    public void Configure(EntityTypeBuilder<KioskDevice> builder)
    {
        builder.ToTable("kiosk_devices");
        builder.Property(k => k.Name).HasMaxLength(120);
        builder.Property(k => k.TokenHash).HasMaxLength(64);
        builder.HasIndex(k => k.TokenHash).IsUnique();
        builder.Property(k => k.TokenHint).HasMaxLength(16);
        builder.Property(k => k.CreatedBy).HasMaxLength(256);
        builder.HasOne(k => k.Touchpoint).WithMany().HasForeignKey(k => k.TouchpointId).OnDelete(DeleteBehavior.Restrict);
    }
}
