using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ServeWell.Web.Platform.Data;

/// <summary>
/// Every SQLite connection runs in WAL mode with synchronous=FULL, so a committed transaction survives
/// a crash of the app or a power loss; foreign keys are enforced and writers wait instead of failing.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
