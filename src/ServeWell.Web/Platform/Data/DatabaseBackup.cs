using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ServeWell.Web.Platform.Data;

/// <summary>
/// <c>ServeWell.Web backup &lt;file&gt;</c>: a consistent copy of the SQLite database while the app keeps running,
/// through SQLite's online backup (pages are copied under a read transaction, so writers are never blocked for long
/// and the copy is one moment of the database). The copy is written beside the target under a temporary name,
/// checked with <c>PRAGMA integrity_check</c>, and only then given its name: a file with the target's name is always
/// a whole backup. On PostgreSQL the command says to use pg_dump (README, "Backups").
/// </summary>
public static class DatabaseBackup
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var provider = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
        if (provider != DatabaseProvider.Sqlite)
        {
            await output.WriteLineAsync(
                "backup: this database is PostgreSQL. Back it up with pg_dump (or continuous archiving for point-in-time recovery); README.md, \"Backups\", shows the commands and the restore drill.");
            return 2;
        }

        if (args.Count != 1 || string.IsNullOrWhiteSpace(args[0]))
        {
            await output.WriteLineAsync("backup: name the file to write, e.g. `ServeWell.Web backup backups/servewell-2026-12-06.db`.");
            return 2;
        }

        var target = Path.GetFullPath(args[0]);
        if (File.Exists(target))
        {
            await output.WriteLineAsync($"backup: {target} already exists; a backup never overwrites a file. Name a new file.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>().Database.GetConnectionString()!;
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        var clock = Stopwatch.StartNew();
        try
        {
            await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder(source) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                await from.OpenAsync(cancellationToken);
                await to.OpenAsync(cancellationToken);
                await using (var busy = from.CreateCommand())
                {
                    busy.CommandText = "PRAGMA busy_timeout=10000;";
                    await busy.ExecuteNonQueryAsync(cancellationToken);
                }

                from.BackupDatabase(to);
                await using var check = to.CreateCommand();
                check.CommandText = "PRAGMA integrity_check;";
                var verdict = (string?)await check.ExecuteScalarAsync(cancellationToken);
                if (verdict != "ok")
                {
                    throw new InvalidOperationException($"the copy failed SQLite's integrity check: {verdict}");
                }
            }

            File.Move(temporary, target);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            await output.WriteLineAsync($"backup: failed, nothing was written to {target}: {ex.Message}");
            return 1;
        }

        await output.WriteLineAsync($"backup: wrote {target} ({new FileInfo(target).Length:N0} bytes) in {clock.ElapsedMilliseconds} ms; integrity check ok.");
        return 0;
    }
}
