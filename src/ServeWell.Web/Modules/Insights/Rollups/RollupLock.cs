using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Insights.Rollups;

/// <summary>
/// The rollups' lock and its transaction (ADR-026): batches, rebuilds and refreshes, on any node, never interleave,
/// and every read in the transaction sees one snapshot taken after the lock was granted. Disposing it rolls back what
/// was not committed and lets the lock go.
/// </summary>
internal sealed class RollupLock(ServeWellDbContext db, IDbContextTransaction transaction, bool advisory) : IAsyncDisposable
{
    /// <summary>
    /// Begins the transaction, holding the lock: the queue rows a batch reads and deletes, and the answers a recount
    /// reads, are then the same answers. On PostgreSQL a session advisory lock is
    /// taken first and a REPEATABLE READ transaction begun after it (a lock taken inside the transaction would come
    /// after its snapshot); on SQLite a no-op update takes its only write lock, and no one else commits meanwhile.
    /// </summary>
    public static async Task<RollupLock> BeginAsync(ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var locked = false;
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext({InsightsRollups.LeaseName}))", cancellationToken);
                locked = true;
                return new RollupLock(db, await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken), advisory: true);
            }
            catch
            {
                await (locked ? UnlockAsync(db) : db.Database.CloseConnectionAsync());
                throw;
            }
        }

        var expired = DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "leases" ("Name", "Holder", "ExpiresAt") VALUES ({InsightsRollups.LeaseName}, NULL, {expired}) ON CONFLICT ("Name") DO NOTHING""",
            cancellationToken);
        var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""UPDATE "leases" SET "Holder" = "Holder" WHERE "Name" = {InsightsRollups.LeaseName}""", cancellationToken);
        return new RollupLock(db, tx, advisory: false);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        if (advisory)
        {
            await UnlockAsync(db);
        }
    }

    /// <summary>
    /// Releases the advisory lock and closes the connection. Should the unlock fail, the connection is dropped from the
    /// pool rather than returned to it, since the lock lives as long as the session does.
    /// </summary>
    private static async Task UnlockAsync(ServeWellDbContext db)
    {
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext({InsightsRollups.LeaseName}))");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection connection)
            {
                NpgsqlConnection.ClearPool(connection);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
