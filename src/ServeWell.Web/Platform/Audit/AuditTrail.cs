using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Platform.Audit;

/// <summary>Turns pending changes of <see cref="IAudited"/> entities into before/after descriptions.</summary>
public static class AuditTrail
{
    // Secrets and bookkeeping never go into the trail.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "KeyHash", "TokenHash", "NormalizedEmail", "NormalizedUserName",
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
                        .Select(p => p.Metadata.Name)
                        .Concat(entry.ComplexProperties
                            .Where(c => c.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
                            .Select(c => c.Metadata.Name))
                        .ToHashSet(StringComparer.Ordinal);
                    if (changed.Count == 0)
                    {
                        continue;
                    }

                    yield return new Change("updated", type, audited.AuditKey,
                        Values(entry, p => p.OriginalValue, changed.Contains), Values(entry, p => p.CurrentValue, changed.Contains));
                    break;
            }
        }
    }

    private static Dictionary<string, object?> Values(EntityEntry entry, Func<PropertyEntry, object?> value, Func<string, bool> include)
    {
        var values = entry.Properties
            .Where(p => include(p.Metadata.Name) && !Hidden.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty() && !p.IsTemporary)
            .ToDictionary(p => p.Metadata.Name, value);
        // A text per language (ADR-030) is a complex property: it goes in as {"en","ko"}, so the log can show the reader's text.
        foreach (var complex in entry.ComplexProperties.Where(c => include(c.Metadata.Name)))
        {
            var parts = complex.Properties.ToDictionary(p => p.Metadata.Name, p => value(p) as string, StringComparer.Ordinal);
            values[complex.Metadata.Name] = complex.Metadata.ClrType == typeof(LocalText)
                ? LocalText.Of(parts.GetValueOrDefault(nameof(LocalText.En)), parts.GetValueOrDefault(nameof(LocalText.Ko)))
                : parts;
        }

        return values;
    }
}
