using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Admin.Audit;

/// <summary>
/// A record's history for the modules' pages (<see cref="IAuditHistory"/>), in the words of the audit log
/// (<see cref="AuditReading"/>), with who acted by their display name rather than their sign-in name.
/// </summary>
public sealed class AuditHistory(ServeWellDbContext db, AuditReading reading) : IAuditHistory
{
    public async Task<IReadOnlyList<AuditHistoryLine>> ReadAsync(string entityType, string entityKey, string action, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityKey == entityKey && a.Action == action)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return [];
        }

        var rows = await reading.ReadAsync(entries, cancellationToken);
        var actors = entries.Select(e => e.ActorUserId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var names = await db.Users.AsNoTracking().Where(u => actors.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return [.. entries.Zip(rows, (e, r) => new AuditHistoryLine(
            e.At,
            e.ActorUserId is { } id && names.GetValueOrDefault(id) is { Length: > 0 } name ? name : r.Who,
            r.Changes))];
    }
}
