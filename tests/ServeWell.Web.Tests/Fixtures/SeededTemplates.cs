using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ServeWell.Web.Tests.Fixtures;

/// <summary>
/// Migrating and seeding the demo city is most of an app fixture's start. Each test process does it once per
/// database kind and fixture settings, into a template, and every fixture starts on a copy of it: a file copy
/// through SQLite's online backup, or PostgreSQL's <c>CREATE DATABASE … TEMPLATE</c>. The template is built by the
/// real app with its background jobs left out, so a copy holds exactly what migrations and the seed wrote, and each
/// fixture's own app then runs its start-up jobs (outbox delivery, sweeps, rollups) on its copy as it would on a
/// fresh database. The app's start-up seed is idempotent, so on a copy it finds the city and does nothing.
/// </summary>
public static class SeededTemplates
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<Template>>> Templates = new();
    private static int _exitHooked;

    /// <summary>A fresh database holding the migrated, seeded demo city for <paramref name="settings"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind, IReadOnlyDictionary<string, string?>? settings)
    {
        var key = Key(kind, settings);
        var template = await Templates.GetOrAdd(key, k => new Lazy<Task<Template>>(() => BuildAsync(kind, k, settings))).Value;
        return await template.CopyAsync();
    }

    private static string Key(DatabaseKind kind, IReadOnlyDictionary<string, string?>? settings)
    {
        var text = new StringBuilder(kind.ToString());
        foreach (var (name, value) in (settings ?? new Dictionary<string, string?>()).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(name).Append('=').Append(value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static async Task<Template> BuildAsync(DatabaseKind kind, string key, IReadOnlyDictionary<string, string?>? settings)
    {
        Template template = kind == DatabaseKind.Postgres
            ? await PostgresTemplate.CreateAsync(key)
            : new SqliteTemplate();
        var mail = Directory.CreateTempSubdirectory("servewell-template-mail-").FullName;
        try
        {
            await using var factory = new ServeWellFactory(template.Database, mail, settings, withoutBackgroundJobs: true);
            _ = factory.Services; // migrations, the competency catalogue, follow-up preparation, the demo city
        }
        finally
        {
            TempFolder.TryDelete(mail);
        }

        await template.SealAsync();
        if (Interlocked.Exchange(ref _exitHooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();
        }

        return template;
    }

    private static void DropAll()
    {
        foreach (var lazy in Templates.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Database.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private abstract class Template
    {
        public abstract TestDatabase Database { get; }

        public abstract Task SealAsync();

        public abstract Task<TestDatabase> CopyAsync();
    }

    private sealed class SqliteTemplate : Template
    {
        private readonly SqliteTestDatabase _database = new();

        public override TestDatabase Database => _database;

        /// <summary>
        /// Everything into the main file: the log is checkpointed and, with the last connection closed, removed. The file
        /// stays a WAL database (the app's connections expect it), and a copy is a plain file copy: copies opening the
        /// template through SQLite at the same moment met SQLITE_BUSY_RECOVERY ("database is locked").
        /// </summary>
        public override async Task SealAsync()
        {
            SqliteConnection.ClearAllPools();
            await using (var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout=10000; PRAGMA wal_checkpoint(TRUNCATE);";
                await command.ExecuteNonQueryAsync();
            }

            if (File.Exists(_database.FilePath + "-wal") && new FileInfo(_database.FilePath + "-wal").Length > 0)
            {
                throw new InvalidOperationException($"The template {_database.FilePath} still has a write-ahead log after its checkpoint.");
            }
        }

        public override Task<TestDatabase> CopyAsync()
        {
            var copy = new SqliteTestDatabase();
            File.Copy(_database.FilePath, copy.FilePath);
            return Task.FromResult<TestDatabase>(copy);
        }
    }

    private sealed class PostgresTemplate(PostgresTestDatabase database) : Template
    {
        public override TestDatabase Database => database;

        public static async Task<PostgresTemplate> CreateAsync(string key) =>
            new(await PostgresTestDatabase.CreateAsync($"tpl_{key}_{Guid.NewGuid():N}"[..40]));

        public override Task SealAsync()
        {
            // CREATE DATABASE … TEMPLATE needs the template without connections: the app's pool for it goes.
            NpgsqlConnection.ClearAllPools();
            return Task.CompletedTask;
        }

        public override Task<TestDatabase> CopyAsync() => PostgresTestDatabase.CopyOfAsync(database);
    }
}
