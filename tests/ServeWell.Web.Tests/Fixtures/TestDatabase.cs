namespace ServeWell.Web.Tests.Fixtures;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>A database that exists for one fixture only and is removed when the fixture is done.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseKind Kind { get; }

    /// <summary>The value of the app's <c>Database:Provider</c> setting.</summary>
    public string Provider => Kind == DatabaseKind.Postgres ? "Postgres" : "Sqlite";

    /// <summary>The value of the app's <c>ConnectionStrings:ServeWell</c> setting.</summary>
    public abstract string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Postgres => await PostgresTestDatabase.CreateAsync(),
        _ => new SqliteTestDatabase(),
    };

    public abstract ValueTask DisposeAsync();
}
