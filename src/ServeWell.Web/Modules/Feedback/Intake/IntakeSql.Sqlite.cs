using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>The SQLite dialect of the intake's statements (ADR-025, ADR-027).</summary>
internal abstract partial class IntakeSql
{
    private sealed class Sqlite : IntakeSql
    {
        public static readonly Sqlite Instance = new();

        private static readonly string AnswersSql =
            $"INSERT INTO feedback_answers ({ColumnList(AnswerColumns)}) VALUES ({string.Join(", ", AnswerColumns.Select((_, i) => "$" + i.ToString(CultureInfo.InvariantCulture)))})";

        private static readonly string KeysInsertSql =
            $"INSERT INTO feedback_idempotency ({ColumnList(KeyColumns)}) VALUES ({string.Join(", ", KeyColumns.Select((_, i) => "$" + i.ToString(CultureInfo.InvariantCulture)))})";

        public override bool BatchIsTransaction => false;

        public override async Task<(Dictionary<string, FeedbackIdempotencyRecord> Stored, long[]? Ids)> ReadAsync(
            DbConnection connection, IReadOnlyList<string> keys, int reserve, CancellationToken cancellationToken)
        {
            await using var command = (SqliteCommand)connection.CreateCommand();
            command.CommandText =
                $"""SELECT {ColumnList(KeyColumns)} FROM feedback_idempotency WHERE "Key" IN ({string.Join(", ", keys.Select((_, i) => "$" + i.ToString(CultureInfo.InvariantCulture)))})""";
            for (var i = 0; i < keys.Count; i++)
            {
                command.Parameters.AddWithValue("$" + i.ToString(CultureInfo.InvariantCulture), keys[i]);
            }

            var stored = new Dictionary<string, FeedbackIdempotencyRecord>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = ReadKey(reader);
                stored[record.Key] = record;
            }

            return (stored, null);
        }

        /// <summary>After the highest id ever handed out (AUTOINCREMENT's own counter, which SQLite then moves past the ids inserted).</summary>
        public override bool MayPresumeNewKeys => false;

        public override async Task<long[]> ReserveIdsAsync(DbConnection connection, DbTransaction? transaction, int count, CancellationToken cancellationToken)
        {
            if (transaction is null)
            {
                throw new InvalidOperationException("SQLite reserves answer ids inside its write transaction.");
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                SELECT max(coalesce((SELECT "seq" FROM sqlite_sequence WHERE "name" = 'feedback_answers'), 0),
                           coalesce((SELECT max("Id") FROM feedback_answers), 0))
                """;
            var last = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return [.. Enumerable.Range(1, count).Select(i => last + i)];
        }

        public override async Task InsertAsync(
            DbConnection connection, DbTransaction? transaction, IReadOnlyList<IntakeRow> rows, IntakeRows more, CancellationToken cancellationToken)
        {
            await RunPerRowAsync(connection, transaction, AnswersSql, rows.Select(r => AnswerValues(r.Answer)), cancellationToken);
            await RunPerRowAsync(connection, transaction, KeysInsertSql,
                rows.Select(r => new object?[] { r.Key.Key, r.Key.RequestHash, r.Key.Status, r.Key.Response, r.Key.AnswerId, r.Key.CreatedAt }), cancellationToken);
            foreach (var (sql, values) in MoreStatements(more))
            {
                await RunPerRowAsync(connection, transaction, sql, [values.ToArray()], cancellationToken, first: 1);
            }
        }

        /// <summary>One statement prepared once and run for each row of values bound to "$first", "$first+1", ….</summary>
        private static async Task RunPerRowAsync(
            DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<object?[]> rows, CancellationToken cancellationToken, int first = 0)
        {
            await using var command = (SqliteCommand)connection.CreateCommand();
            command.Transaction = (SqliteTransaction?)transaction;
            command.CommandText = sql;
            SqliteParameter[]? parameters = null;
            foreach (var row in rows)
            {
                parameters ??= [.. row.Select((_, i) => command.Parameters.Add(new SqliteParameter("$" + (i + first).ToString(CultureInfo.InvariantCulture), null)))];
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static FeedbackIdempotencyRecord ReadKey(DbDataReader reader) => new()
    {
        Key = reader.GetString(0), RequestHash = reader.GetString(1), Status = reader.GetInt32(2), Response = reader.GetString(3),
        AnswerId = reader.GetInt64(4), CreatedAt = reader.GetDateTime(5),
    };
}
