using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Platform.Jobs;

/// <summary>
/// Lets one of several web nodes do a piece of periodic work: the lease row is claimed with a conditional UPDATE
/// (only when it has expired), which the database runs atomically, so exactly one concurrent claimer wins (ADR-007).
/// </summary>
public sealed class DatabaseLease(ServeWellDbContext db, TimeProvider clock)
{
    /// <summary>Claims <paramref name="name"/> for <paramref name="holder"/> for <paramref name="duration"/>; false when another holds it.</summary>
    public async Task<bool> TryClaimAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await EnsureExistsAsync(name, cancellationToken);
        var claimed = await db.Leases
            .Where(l => l.Name == name && l.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, now + duration), cancellationToken);
        return claimed == 1;
    }

    /// <summary>
    /// Claims <paramref name="name"/> when it has expired, or extends it when <paramref name="holder"/> already holds it,
    /// for work that runs every few seconds on the node that holds it; false when another node holds it.
    /// </summary>
    public async Task<bool> TryHoldAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await EnsureExistsAsync(name, cancellationToken);
        var held = await db.Leases
            .Where(l => l.Name == name && (l.ExpiresAt <= now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, now + duration), cancellationToken);
        return held == 1;
    }

    private async Task EnsureExistsAsync(string name, CancellationToken cancellationToken)
    {
        if (await db.Leases.AsNoTracking().AnyAsync(l => l.Name == name, cancellationToken))
        {
            return;
        }

        // Two nodes may both find no row; ON CONFLICT (SQLite and PostgreSQL alike) lets the second insert do nothing.
        var expired = DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "leases" ("Name", "Holder", "ExpiresAt") VALUES ({name}, NULL, {expired}) ON CONFLICT ("Name") DO NOTHING""",
            cancellationToken);
    }
}
