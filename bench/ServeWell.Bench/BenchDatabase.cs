using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Bench;

/// <summary>A throw-away database of either provider, created with the app's own migrations and durability settings.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly Func<ServeWellDbContext> _create;
    private readonly Func<DbConnection> _connect;
    private readonly Func<ValueTask> _drop;

    private BenchDatabase(Func<ServeWellDbContext> create, Func<DbConnection> connect, Func<ValueTask> drop)
    {
        _create = create;
        _connect = connect;
        _drop = drop;
    }

    public ServeWellDbContext NewContext() => _create();

    public DbConnection NewConnection() => _connect();

    public static BenchDatabase Sqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"servewell-bench-{Guid.NewGuid():N}.db");
        var cs = DataRegistration.PrepareSqlite($"Data Source={file}");
        return new BenchDatabase(
            () =>
            {
                var options = new DbContextOptionsBuilder<SqliteServeWellDbContext>();
                DataRegistration.ConfigureSqlite(options, cs);
                return new SqliteServeWellDbContext(options.Options);
            },
            () => new SqliteConnection(cs),
            () =>
            {
                SqliteConnection.ClearAllPools();
                foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(f);
                }

                return ValueTask.CompletedTask;
            });
    }

    public static async Task<BenchDatabase> PostgresAsync(string adminConnectionString)
    {
        var name = $"bench_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var cs = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ToString();
        return new BenchDatabase(
            () =>
            {
                var options = new DbContextOptionsBuilder<PostgresServeWellDbContext>();
                DataRegistration.ConfigurePostgres(options, cs);
                return new PostgresServeWellDbContext(options.Options);
            },
            () => new NpgsqlConnection(cs),
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(adminConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            });
    }

    /// <summary>
    /// A PostgreSQL database kept after the run (for a large generated data set measured more than once): created when
    /// missing, never dropped. <c>Existed</c> says whether it was there before.
    /// </summary>
    public static async Task<(BenchDatabase Database, bool Existed)> PostgresKeptAsync(string adminConnectionString, string name)
    {
        bool existed;
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @n", admin);
            exists.Parameters.AddWithValue("n", name);
            existed = (long)(await exists.ExecuteScalarAsync())! > 0;
            if (!existed)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
        }

        var cs = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ToString();
        return (new BenchDatabase(
            () =>
            {
                var options = new DbContextOptionsBuilder<PostgresServeWellDbContext>();
                DataRegistration.ConfigurePostgres(options, cs);
                return new PostgresServeWellDbContext(options.Options);
            },
            () => new NpgsqlConnection(cs),
            () => ValueTask.CompletedTask), existed);
    }

    public ValueTask DisposeAsync() => _drop();
}
