using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Demo;

/// <summary>One generated demo answer, as the intake would store it (scores 1–5; the 0–100 scores are derived on insert).</summary>
internal readonly record struct DemoAnswer(
    int TouchpointId, int OrgUnitId, int? ServiceId, FeedbackChannel Channel, int Overall,
    int? Timeliness, int? Knowledge, int? Courtesy, int? Fairness, int? Outcome,
    Resolution? Resolved, string? Comment, int? CommendedEmployeeId, string Language, DateTime AnsweredAt, DateTime ReceivedAt);

/// <summary>
/// Bulk-loads generated answers into <c>feedback_answers</c> inside the caller's transaction, with every column the
/// intake fills (both score scales, the original survey version). PostgreSQL: one binary COPY. SQLite: one prepared
/// single-row INSERT re-run per row with a large page cache for the load (Microsoft.Data.Sqlite binds parameters by
/// name, so multi-row statements cost quadratic time). The rows come oldest first, so every index on the table grows at
/// its end instead of being rewritten all over.
/// </summary>
internal static class DemoFeedbackLoad
{
    /// <summary>Every column the intake fills except the id, which the table generates here.</summary>
    public static readonly string[] Columns = IntakeSql.AnswerColumns[1..];

    private static readonly string ColumnList = string.Join(", ", Columns.Select(c => $"\"{c}\""));

    /// <summary>Inserts into <c>feedback_answers</c>, or into a table of the same columns (the benchmark's floor).</summary>
    public static Task InsertAsync(ServeWellDbContext db, DemoAnswer[] rows, CancellationToken cancellationToken, string table = "feedback_answers") =>
        db.Database.IsNpgsql() ? CopyAsync(db, rows, table, cancellationToken) : InsertSqliteAsync(db, rows, table, cancellationToken);

    /// <summary>
    /// Loads into the empty <c>feedback_answers</c> the way a database is restored: its secondary indexes (and on
    /// PostgreSQL its foreign keys) are dropped, the rows loaded, then the indexes built in one sort each and the keys
    /// checked in one join each — all inside the caller's transaction, so a failure leaves the table as it was, and the
    /// definitions are read back from the database's own catalogue, so they are exactly the migrations' ones.
    /// A table that already holds answers is loaded as is.
    /// </summary>
    public static async Task LoadEmptyTableAsync(ServeWellDbContext db, DemoAnswer[] rows, CancellationToken cancellationToken)
    {
        if (await db.FeedbackAnswers.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            await InsertAsync(db, rows, cancellationToken);
            return;
        }

        var npgsql = db.Database.IsNpgsql();
        var indexes = await ReadPairsAsync(db, npgsql
            ? """
              SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
              WHERE x.indrelid = 'feedback_answers'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
              ORDER BY i.relname
              """
            : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'feedback_answers' AND sql IS NOT NULL ORDER BY name", cancellationToken);
        var keys = npgsql
            ? await ReadPairsAsync(db, "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'feedback_answers'::regclass AND contype = 'f' ORDER BY conname", cancellationToken)
            : [];
        foreach (var (name, _) in keys)
        {
            await ExecuteAsync(db, $"ALTER TABLE feedback_answers DROP CONSTRAINT \"{name}\"", cancellationToken);
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(db, $"DROP INDEX \"{name}\"", cancellationToken);
        }

        await InsertAsync(db, rows, cancellationToken);
        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(db, definition, cancellationToken);
        }

        foreach (var (name, definition) in keys)
        {
            await ExecuteAsync(db, $"ALTER TABLE feedback_answers ADD CONSTRAINT \"{name}\" {definition}", cancellationToken);
        }

        // Fresh statistics, so the first dashboards are planned for the table as it now is.
        await ExecuteAsync(db, "ANALYZE feedback_answers", cancellationToken);
    }

    private static async Task<List<(string Name, string Definition)>> ReadPairsAsync(ServeWellDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        var pairs = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    }

    private static async Task ExecuteAsync(ServeWellDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopyAsync(ServeWellDbContext db, DemoAnswer[] rows, string table, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        CopyRows(importer, rows);
        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// The hot loop, synchronous and compiled optimised at once: at the first start it runs exactly once, before tiered
    /// compilation would have promoted it (cold, an async loop here took five times the warm time).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CopyRows(NpgsqlBinaryImporter importer, DemoAnswer[] rows)
    {
        foreach (var a in rows)
        {
            importer.StartRow();
            importer.Write(a.TouchpointId, NpgsqlDbType.Integer);
            importer.Write(a.OrgUnitId, NpgsqlDbType.Integer);
            WriteNullable(importer, a.ServiceId);
            importer.Write(ChannelText(a.Channel), NpgsqlDbType.Varchar);
            importer.Write(SurveyVersion.OriginalId, NpgsqlDbType.Integer);
            importer.Write(a.Overall, NpgsqlDbType.Integer);
            importer.Write(FeedbackAnswer.ToScore(a.Overall), NpgsqlDbType.Integer);
            WriteDriver(importer, a.Timeliness);
            WriteDriver(importer, a.Knowledge);
            WriteDriver(importer, a.Courtesy);
            WriteDriver(importer, a.Fairness);
            WriteDriver(importer, a.Outcome);
            WriteNullable(importer, a.Resolved is { } r ? ResolutionText(r) : null);
            WriteNullable(importer, a.Comment);
            WriteNullable(importer, a.CommendedEmployeeId);
            importer.Write(false, NpgsqlDbType.Boolean);
            importer.Write(a.Language, NpgsqlDbType.Varchar);
            importer.Write(a.AnsweredAt, NpgsqlDbType.TimestampTz);
            importer.Write(a.ReceivedAt, NpgsqlDbType.TimestampTz);
        }
    }

    private static void WriteDriver(NpgsqlBinaryImporter importer, int? answer)
    {
        WriteNullable(importer, answer);
        WriteNullable(importer, FeedbackAnswer.ToScore(answer));
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, int? value)
    {
        if (value is { } v)
        {
            importer.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is { } v)
        {
            importer.Write(v, NpgsqlDbType.Varchar);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static async Task InsertSqliteAsync(ServeWellDbContext db, DemoAnswer[] rows, string table, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        // A page cache large enough for the table and its indexes while they grow; the connection's own size comes back after.
        var previousCache = await ScalarAsync(connection, transaction, "PRAGMA cache_size", cancellationToken);
        await ExecuteAsync(connection, transaction, "PRAGMA cache_size = -131072", cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table} ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => "$" + i.ToString(CultureInfo.InvariantCulture)))})";
            var p = new SqliteParameter[Columns.Length];
            for (var i = 0; i < p.Length; i++)
            {
                p[i] = command.Parameters.Add("$" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Integer);
            }

            p[3].SqliteType = p[17].SqliteType = p[18].SqliteType = p[21].SqliteType = p[22].SqliteType = p[23].SqliteType = SqliteType.Text;
            await command.PrepareAsync(cancellationToken);
            p[4].Value = SurveyVersion.OriginalId;
            p[20].Value = 0;
            InsertRows(command, p, rows);
        }
        finally
        {
            await ExecuteAsync(connection, transaction, $"PRAGMA cache_size = {Convert.ToInt64(previousCache, CultureInfo.InvariantCulture)}", cancellationToken);
        }
    }

    /// <summary>The hot loop, synchronous (Microsoft.Data.Sqlite's async calls run synchronously anyway) and compiled optimised at once (see <see cref="CopyRows"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InsertRows(SqliteCommand command, SqliteParameter[] p, DemoAnswer[] rows)
    {
        foreach (var a in rows)
        {
            p[0].Value = a.TouchpointId;
            p[1].Value = a.OrgUnitId;
            p[2].Value = (object?)a.ServiceId ?? DBNull.Value;
            p[3].Value = ChannelText(a.Channel);
            p[5].Value = Scores[a.Overall];
            p[6].Value = FeedbackAnswer.ToScore(a.Overall);
            Driver(p, 7, a.Timeliness);
            Driver(p, 9, a.Knowledge);
            Driver(p, 11, a.Courtesy);
            Driver(p, 13, a.Fairness);
            Driver(p, 15, a.Outcome);
            p[17].Value = a.Resolved is { } r ? ResolutionText(r) : DBNull.Value;
            p[18].Value = (object?)a.Comment ?? DBNull.Value;
            p[19].Value = (object?)a.CommendedEmployeeId ?? DBNull.Value;
            p[21].Value = a.Language;
            p[22].Value = a.AnsweredAt;
            p[23].Value = a.ReceivedAt;
            command.ExecuteNonQuery();
        }
    }

    private static readonly object[] Scores = [.. Enumerable.Range(0, 6).Select(s => (object)s)];

    private static void Driver(SqliteParameter[] p, int at, int? answer)
    {
        p[at].Value = answer is { } a ? Scores[a] : DBNull.Value;
        p[at + 1].Value = answer is { } b ? FeedbackAnswer.ToScore(b) : DBNull.Value;
    }

    private static string ChannelText(FeedbackChannel channel) => channel switch
    {
        FeedbackChannel.CounterQr => nameof(FeedbackChannel.CounterQr),
        FeedbackChannel.Kiosk => nameof(FeedbackChannel.Kiosk),
        FeedbackChannel.Link => nameof(FeedbackChannel.Link),
        _ => channel.ToString(),
    };

    private static string ResolutionText(Resolution resolution) => resolution switch
    {
        Resolution.Yes => nameof(Resolution.Yes),
        Resolution.Partly => nameof(Resolution.Partly),
        _ => nameof(Resolution.No),
    };

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
