using Microsoft.Data.Sqlite;

namespace ServeWell.Web.Tests.Fixtures;

/// <summary>A SQLite file in a temporary folder of its own (the -wal and -shm files land beside it).</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("servewell-db-").FullName;

    public SqliteTestDatabase() => FilePath = Path.Combine(_folder, "servewell.db");

    public string FilePath { get; }

    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    public override string ConnectionString => $"Data Source={FilePath}";

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them before deleting the folder.
        SqliteConnection.ClearAllPools();
        TempFolder.TryDelete(_folder);
        return ValueTask.CompletedTask;
    }
}
