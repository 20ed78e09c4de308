using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Platform.Data;

public static class DataRegistration
{
    public const string ConnectionStringName = "ServeWell";
    private const string DefaultSqlite = "Data Source=data/servewell.db";

    public static WebApplicationBuilder AddServeWellData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);

        builder.Services.AddScoped<IAuditActor, HttpAuditActor>();
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:ServeWell is empty. Set it, e.g. \"Host=127.0.0.1;Database=servewell;Username=servewell;Password=…\".");
                }

                builder.Services.AddDbContext<ServeWellDbContext, PostgresServeWellDbContext>(o => ConfigurePostgres(o, connectionString));
                break;
            default:
                var sqlite = PrepareSqlite(connectionString ?? DefaultSqlite);
                builder.Services.AddDbContext<ServeWellDbContext, SqliteServeWellDbContext>(o => ConfigureSqlite(o, sqlite));
                break;
        }

        return builder;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(120))
            .AddInterceptors(new SqliteDurability());

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.CommandTimeout(120));

    /// <summary>Makes a relative file path absolute against the working directory and creates its folder.</summary>
    public static string PrepareSqlite(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.GetFullPath(csb.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            csb.DataSource = full;
        }

        csb.Pooling = true;
        return csb.ToString();
    }
}
