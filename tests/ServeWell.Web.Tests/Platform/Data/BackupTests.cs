using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Data;

/// <summary>
/// Backups and the restore drill (README, "Backups"): <c>ServeWell.Web backup</c> copies the SQLite database while the
/// app takes writes, and a PostgreSQL database dumped with pg_dump and restored with pg_restore into a fresh database.
/// Either way the restored database holds the same rows in every table, and an app started on it shows the same figures.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task Sqlite_BackupWhileTheAppWrites_IsWhole_AndARestoredAppShowsTheSameFiguresAndRows()
    {
        var folder = Directory.CreateTempSubdirectory("servewell-backup-").FullName;
        try
        {
            var live = Path.Combine(folder, "servewell.db");
            var connection = $"Data Source={live}";
            await using var app = await AppProcess.StartAsync(live, Path.Combine(folder, "mail"));
            var before = await EmployeesAsync(live);

            // Roster imports keep writing while the first backup runs.
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                var batches = 0;
                while (!stop.IsCancellationRequested)
                {
                    var result = await app.Api.ImportAsync(RosterFile.Csv(Enumerable.Range(0, 20).Select(_ => RosterFile.Row())), dryRun: false);
                    result.Applied.ShouldBeTrue(app.RecentOutput);
                    batches++;
                }

                return batches;
            });
            await Task.Delay(500);
            var during = Path.Combine(folder, "backups", "during.db");
            var (code, output) = await AppProcess.RunCommandAsync("Sqlite", connection, "backup", during);
            await stop.CancelAsync();
            (await writer).ShouldBeGreaterThan(0);

            code.ShouldBe(0, output);
            output.ShouldContain("integrity check ok");
            Directory.GetFiles(Path.GetDirectoryName(during)!).ShouldBe([during], "only the finished backup is left, no partial file");
            var inBackup = await EmployeesAsync(during);
            inBackup.ShouldBeGreaterThanOrEqualTo(before);
            (inBackup - before).ShouldBe((inBackup - before) / 20 * 20, "a backup is one moment: whole import batches only");
            inBackup.ShouldBeLessThanOrEqualTo(await EmployeesAsync(live));

            // With the writes over, a backup holds every row of every table, and an app on a copy of it shows the same figures.
            var after = Path.Combine(folder, "backups", "after.db");
            (code, output) = await AppProcess.RunCommandAsync("Sqlite", connection, "backup", after);
            code.ShouldBe(0, output);
            var liveRows = await SqliteRowsAsync(live);
            (await SqliteRowsAsync(after)).ShouldBe(liveRows);
            liveRows["org_units"].ShouldBeGreaterThan(0);

            var liveFigures = await app.Api.GetStringAsync("/api/v1/insights/overview");
            var restored = Path.Combine(folder, "restored", "servewell.db");
            Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
            File.Copy(after, restored);
            await using var restoredApp = await AppProcess.StartAsync(restored, Path.Combine(folder, "restored-mail"));
            (await restoredApp.Api.GetStringAsync("/api/v1/insights/overview")).ShouldBe(liveFigures);

            // A backup never overwrites a file.
            var size = new FileInfo(after).Length;
            (code, output) = await AppProcess.RunCommandAsync("Sqlite", connection, "backup", after);
            code.ShouldBe(2);
            output.ShouldContain("already exists");
            new FileInfo(after).Length.ShouldBe(size);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempFolder.TryDelete(folder);
        }
    }

    [Fact]
    public async Task BackupCommand_OnPostgres_PointsToPgDump_AndWritesNothing()
    {
        var (code, output) = await AppProcess.RunCommandAsync(
            "Postgres", "Host=127.0.0.1;Port=1;Database=none;Username=nobody", "backup", Path.Combine(Path.GetTempPath(), $"sw-{Guid.NewGuid():N}.db"));

        code.ShouldBe(2);
        output.ShouldContain("pg_dump");
    }

    [Fact]
    public async Task Postgres_PgDumpThenPgRestoreIntoAFreshDatabase_HasTheSameRows_AndTheSameFigures()
    {
        var mail = Directory.CreateTempSubdirectory("servewell-drill-mail-").FullName;
        var dump = Path.Combine(mail, "servewell.dump");
        await using var original = await PostgresTestDatabase.CreateAsync();
        await using var restored = await PostgresTestDatabase.CreateAsync();
        try
        {
            string figures;
            await using (var app = new ServeWellFactory(original, mail))
            {
                using var api = app.CreateClient();
                api.DefaultRequestHeaders.Add("X-Api-Key", Demo.ApiKey);
                figures = await api.GetStringAsync("/api/v1/insights/overview");
            }

            NpgsqlConnection.ClearAllPools();
            var rows = await PostgresRowsAsync(original.ConnectionString);
            rows["org_units"].ShouldBeGreaterThan(0);

            await PgToolAsync("pg_dump", original.ConnectionString, "--format=custom", "--file", dump);
            await PgToolAsync("pg_restore", restored.ConnectionString, "--no-owner", "--exit-on-error", dump);

            (await PostgresRowsAsync(restored.ConnectionString)).ShouldBe(rows);
            await using var restoredApp = new ServeWellFactory(restored, mail);
            using var restoredApi = restoredApp.CreateClient();
            restoredApi.DefaultRequestHeaders.Add("X-Api-Key", Demo.ApiKey);
            (await restoredApi.GetStringAsync("/api/v1/insights/overview")).ShouldBe(figures);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            TempFolder.TryDelete(mail);
        }
    }

    private static async Task<long> EmployeesAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM employees";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Dictionary<string, long>> SqliteRowsAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            rows[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return rows;
    }

    private static async Task<Dictionary<string, long>> PostgresRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
            rows[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return rows;
    }

    /// <summary>Runs pg_dump or pg_restore of the test server's version against the database of <paramref name="connectionString"/>.</summary>
    private static async Task PgToolAsync(string tool, string connectionString, params string[] arguments)
    {
        var db = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(PgTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--dbname");
        start.ArgumentList.Add(db.Database!);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = db.Host;
        start.Environment["PGPORT"] = db.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = db.Username;
        if (!string.IsNullOrEmpty(db.Password))
        {
            start.Environment["PGPASSWORD"] = db.Password;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{tool} failed: {await errors}{await output}");
    }

    /// <summary>SERVEWELL_TEST_PGBIN (set by scripts/test.sh), else the newest /usr/lib/postgresql/N/bin; never a silent skip.</summary>
    private static string PgTool(string tool)
    {
        var bin = Environment.GetEnvironmentVariable("SERVEWELL_TEST_PGBIN");
        if (string.IsNullOrEmpty(bin) && Directory.Exists("/usr/lib/postgresql"))
        {
            bin = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, tool)))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
        }

        var path = bin is null ? null : Path.Combine(bin, tool);
        return path is not null && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{tool} not found: set SERVEWELL_TEST_PGBIN to PostgreSQL's bin folder (scripts/test.sh does).");
    }
}
