namespace ServeWell.Web.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts. Switch off in production and run `ServeWell.Web migrate` instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
