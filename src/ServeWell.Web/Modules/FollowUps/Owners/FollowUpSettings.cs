using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.FollowUps.Owners;

/// <summary>
/// Who owns a case that no supervisor's scope covers (ADR-029): nobody (it waits, unassigned, for a supervisor), or the
/// administrators. Not training officers: citizens' complaints are not theirs to read (ADR-013).
/// </summary>
public enum OwnerFallback
{
    None = 0,
    Administrators = 1,
}

/// <summary>
/// The follow-up settings an administrator keeps in the database (one row): today only the owner fallback. Audited, so
/// the log shows who changed it from what to what.
/// </summary>
public sealed class FollowUpSettings : IAudited
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public OwnerFallback OwnerFallback { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    string IAudited.AuditKey => "follow-up-settings";

    /// <summary>The role a fallback hands cases to, or null for none.</summary>
    public static string? RoleOf(OwnerFallback fallback) => fallback switch
    {
        OwnerFallback.Administrators => Roles.Administrator,
        _ => null,
    };
}

internal sealed class FollowUpSettingsConfiguration : IEntityTypeConfiguration<FollowUpSettings>
{
    public void Configure(EntityTypeBuilder<FollowUpSettings> builder)
    {
        builder.ToTable("follow_up_settings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.OwnerFallback).HasConversion<string>().HasMaxLength(30);
    }
}
