using Npgsql;

namespace ServeWell.Web.Tests.Fixtures;

/// <summary>
/// A throw-away database <c>t_&lt;guid&gt;</c> on the server named by <see cref="EnvironmentVariable"/>,
/// dropped WITH (FORCE) at the end. Without the variable the fixture fails loudly: never a silent skip.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "SERVEWELL_TEST_PG";

    private readonly string _server;
    private readonly string _name;

    private PostgresTestDatabase(string server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    public override DatabaseKind Kind => DatabaseKind.Postgres;

    public override string ConnectionString { get; }

    public static string ServerConnectionString()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server, but the environment variable {EnvironmentVariable} is not set. " +
                "Set it to a connection string of a PostgreSQL server where databases may be created and dropped, " +
                "e.g. \"Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres\", or run scripts/test.sh, which starts one.");
        }

        return server;
    }

    public static Task<PostgresTestDatabase> CreateAsync() => CreateAsync("t_" + Guid.NewGuid().ToString("N"));

    /// <summary>An empty database of the given name (letters, digits and underscores).</summary>
    public static Task<PostgresTestDatabase> CreateAsync(string name) => CreateFromAsync(name, template: null);

    /// <summary>A copy of <paramref name="template"/>, which must have no open connections (SeededTemplates).</summary>
    public static async Task<TestDatabase> CopyOfAsync(PostgresTestDatabase template) =>
        await CreateFromAsync("t_" + Guid.NewGuid().ToString("N"), template._name);

    private static async Task<PostgresTestDatabase> CreateFromAsync(string name, string? template)
    {
        var server = ServerConnectionString();
        await using (var connection = await OpenAdminAsync(server))
        {
            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new PostgresTestDatabase(server, name, database.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenAdminAsync(_server);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(string server)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        var connection = new NpgsqlConnection(admin.ConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"Cannot reach the PostgreSQL server in {EnvironmentVariable} ({admin.Host}:{admin.Port}): {ex.Message}", ex);
        }
    }
}
