using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ServeWell.Web.Platform.Audit;

/// <summary>Turns pending changes of <see cref="IAudited"/> entities into before/after descriptions.</summary>
public static class AuditTrail
{
    // Secrets and bookkeeping never go into the trail.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "KeyHash", "NormalizedEmail", "NormalizedUserName",
    };

    public sealed record Change(string Action, string EntityType, string EntityKey, Dictionary<string, object?>? Before, Dictionary<string, object?>? After);

    public static IEnumerable<Change> Describe(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries().Where(e => e.Entity is IAudited).ToList())
        {
            var audited = (IAudited)entry.Entity;
            var type = entry.Metadata.ClrType.Name;
            switch (entry.State)
            {
                case EntityState.Added:
                    yield return new Change("created", type, audited.AuditKey, null, Values(entry, p => p.CurrentValue, _ => true));
                    break;
                case EntityState.Deleted:
                    yield return new Change("deleted", type, audited.AuditKey, Values(entry, p => p.OriginalValue, _ => true), null);
                    break;
                case EntityState.Modified:
                    // A change of secrets or bookkeeping alone (a new security stamp) is not worth an entry.
                    var changed = entry.Properties
                        .Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) && !Hidden.Contains(p.Metadata.Name))
                        .Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
                    if (changed.Count == 0)
                    {
                        continue;
                    }

                    yield return new Change("updated", type, audited.AuditKey,
                        Values(entry, p => p.OriginalValue, p => changed.Contains(p.Metadata.Name)), Values(entry, p => p.CurrentValue, p => changed.Contains(p.Metadata.Name)));
                    break;
            }
        }
    }

    private static Dictionary<string, object?> Values(EntityEntry entry, Func<PropertyEntry, object?> value, Func<PropertyEntry, bool> include) =>
        entry.Properties
            .Where(p => include(p) && !Hidden.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty() && !p.IsTemporary)
            .ToDictionary(p => p.Metadata.Name, value);
}
