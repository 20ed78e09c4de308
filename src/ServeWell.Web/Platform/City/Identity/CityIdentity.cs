using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Platform.City.Identity;

/// <summary>
/// The city's identity as its administrator set it (ADR-038): its names, its primary colour and which logo and seal it
/// uploaded. One row; an empty name falls back to <c>City:Names</c>. The images themselves sit in <see cref="CityImage"/>,
/// so the audit trail records a new logo by its fingerprint, not by its bytes.
/// </summary>
public sealed class CityIdentity : IAudited
{
    public const int TheOne = 1;

    public int Id { get; set; } = TheOne;

    public string? NameKo { get; set; }

    public string? NameEn { get; set; }

    public string Colour { get; set; } = CityColours.Default.Key;

    /// <summary>SHA-256 of the logo's PNG, or null when none is uploaded; also the cache-busting version of its URL.</summary>
    public string? LogoSha256 { get; set; }

    public string? LogoFileName { get; set; }

    public string? SealSha256 { get; set; }

    public string? SealFileName { get; set; }

    public DateTime UpdatedAt { get; set; }

    string IAudited.AuditKey => "city";
}

/// <summary>An uploaded image of the city, re-encoded as PNG: <see cref="Logo"/> or <see cref="Seal"/>.</summary>
public sealed class CityImage
{
    public const string Logo = "logo";
    public const string Seal = "seal";

    public string Kind { get; set; } = "";

    public byte[] Png { get; set; } = [];

    public int Width { get; set; }

    public int Height { get; set; }
}

internal sealed class CityIdentityConfiguration : IEntityTypeConfiguration<CityIdentity>
{
    public void Configure(EntityTypeBuilder<CityIdentity> builder)
    {
        builder.ToTable("city_identity");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.NameKo).HasMaxLength(CityIdentityRules.NameLength);
        builder.Property(c => c.NameEn).HasMaxLength(CityIdentityRules.NameLength);
        builder.Property(c => c.Colour).HasMaxLength(32);
        builder.Property(c => c.LogoSha256).HasMaxLength(64);
        builder.Property(c => c.SealSha256).HasMaxLength(64);
        builder.Property(c => c.LogoFileName).HasMaxLength(260);
        builder.Property(c => c.SealFileName).HasMaxLength(260);
    }
}

internal sealed class CityImageConfiguration : IEntityTypeConfiguration<CityImage>
{
    public void Configure(EntityTypeBuilder<CityImage> builder)
    {
        builder.ToTable("city_images");
        builder.HasKey(i => i.Kind);
        builder.Property(i => i.Kind).HasMaxLength(16);
    }
}
