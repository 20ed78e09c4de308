using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServeWell.Web.Platform.Audit;

public sealed class AuditEntry
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public long Id { get; private set; }

    public DateTime At { get; private set; }

    public string? ActorUserId { get; private set; }

    public string ActorName { get; private set; } = "";

    public string Action { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityKey { get; private set; } = "";

    public string? Before { get; private set; }

    public string? After { get; private set; }

    public static AuditEntry Create(DateTime at, IAuditActor? actor, string action, string entityType, string entityKey, object? before, object? after) => new()
    {
        At = at,
        ActorUserId = actor?.UserId,
        ActorName = actor?.Name ?? "system",
        Action = action,
        EntityType = entityType,
        EntityKey = entityKey,
        Before = before is null ? null : before as string ?? JsonSerializer.Serialize(before, Json),
        After = after is null ? null : after as string ?? JsonSerializer.Serialize(after, Json),
    };
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(a => a.ActorUserId).HasMaxLength(64);
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityKey).HasMaxLength(128);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityKey });
    }
}
