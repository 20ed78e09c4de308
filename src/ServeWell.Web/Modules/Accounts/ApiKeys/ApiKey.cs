using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.Accounts.ApiKeys;

/// <summary>
/// A named key for machines (HR systems, scripts). Acts in one role, optionally scoped to an org unit.
/// Only a SHA-256 hash is kept: the key is 256 random bits, so a slow hash would add nothing.
/// </summary>
public sealed class ApiKey : IAudited
{
    public const string Prefix = "sw_";

    public int Id { get; private set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the key, shown so people can tell keys apart.</summary>
    public required string Hint { get; init; }

    public required string KeyHash { get; init; }

    public required string Role { get; init; }

    public int? ScopeOrgUnitId { get; init; }

    public OrgUnit? ScopeOrgUnit { get; private set; }

    public DateTime CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    string IAudited.AuditKey => Name;

    public static string NewSecret() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Property(k => k.Name).HasMaxLength(120);
        builder.Property(k => k.Hint).HasMaxLength(16);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.Property(k => k.Role).HasMaxLength(32);
        builder.Property(k => k.CreatedBy).HasMaxLength(256);
        builder.HasOne(k => k.ScopeOrgUnit).WithMany().HasForeignKey(k => k.ScopeOrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
