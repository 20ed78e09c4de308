using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>One answer of a group commit as it is inserted: the answer (its id reserved) and its key's record.</summary>
internal sealed record IntakeRow(FeedbackAnswer Answer, FeedbackIdempotencyRecord Key);

/// <summary>
/// The intake's statements for a group commit, below EF (ADR-025): the answers, their keys' records and the rows
/// listeners add, as few round trips and as little work per answer as each database allows. PostgreSQL reads the
/// batch's keys and reserves its answer ids in one round trip, then inserts everything (arrays unnested, one statement
/// per table) in a second one, which is its own transaction when no listener needs the context. SQLite runs in the
/// process, so it reserves ids inside its write transaction and re-runs one prepared statement per row.
/// </summary>
internal abstract class IntakeSql
{
    /// <summary>The columns the intake fills, in the order it writes them (the demo's bulk load writes the same, without the id).</summary>
    public static readonly string[] AnswerColumns =
    [
        "Id", "TouchpointId", "OrgUnitId", "ServiceId", "Channel", "SurveyVersionId", "Overall", "OverallScore", "Timeliness", "TimelinessScore",
        "Knowledge", "KnowledgeScore", "Courtesy", "CourtesyScore", "Fairness", "FairnessScore", "Outcome", "OutcomeScore", "Resolved",
        "Comment", "CommendedEmployeeId", "ContactRequested", "Language", "AnsweredAt", "ReceivedAt",
    ];

    private static readonly string[] KeyColumns = ["Key", "RequestHash", "Status", "Response", "AnswerId", "CreatedAt"];

    public static IntakeSql For(DbConnection connection) => connection is NpgsqlConnection ? Postgres.Instance : Sqlite.Instance;

    /// <summary>Whether one batch of statements is a transaction by itself (PostgreSQL), so a write needs no BEGIN or COMMIT of its own.</summary>
    public abstract bool BatchIsTransaction { get; }

    /// <summary>
    /// The records of those keys already stored, and — where the database can hand them out before the write
    /// transaction — <paramref name="reserve"/> fresh answer ids (else null: call <see cref="ReserveIdsAsync"/> inside it).
    /// </summary>
    public abstract Task<(Dictionary<string, FeedbackIdempotencyRecord> Stored, long[]? Ids)> ReadAsync(
        DbConnection connection, IReadOnlyList<string> keys, int reserve, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a group may be written without first reading its keys (PostgreSQL): the insert of a key already stored
    /// fails on the key's primary key (<see cref="IsKeyTaken"/>), which rolls the whole group back, and the group is
    /// then written the careful way. Answer ids then come from <see cref="ReserveIdsAsync"/> ahead of time.
    /// </summary>
    public abstract bool MayPresumeNewKeys { get; }

    /// <summary>Whether the write failed because one of its Idempotency-Keys was stored already.</summary>
    public virtual bool IsKeyTaken(Exception exception) => false;

    /// <summary>
    /// <paramref name="count"/> fresh answer ids: on SQLite inside the write transaction (given); on PostgreSQL at any
    /// time, outside any transaction (a sequence hands them out for good).
    /// </summary>
    public abstract Task<long[]> ReserveIdsAsync(DbConnection connection, DbTransaction? transaction, int count, CancellationToken cancellationToken);

    /// <summary>Inserts the answers, then their keys' records, then the listeners' rows; in the transaction given, else (PostgreSQL) as one.</summary>
    public abstract Task InsertAsync(
        DbConnection connection, DbTransaction? transaction, IReadOnlyList<IntakeRow> rows, IntakeRows more, CancellationToken cancellationToken);

    private static string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    private static object?[] AnswerValues(FeedbackAnswer a) =>
    [
        a.Id, a.TouchpointId, a.OrgUnitId, a.ServiceId, a.Channel.ToString(), a.SurveyVersionId, a.Overall, a.OverallScore,
        a.Timeliness, a.TimelinessScore, a.Knowledge, a.KnowledgeScore, a.Courtesy, a.CourtesyScore, a.Fairness, a.FairnessScore,
        a.Outcome, a.OutcomeScore, a.Resolved?.ToString(), a.Comment, a.CommendedEmployeeId, a.ContactRequested, a.Language,
        a.AnsweredAt, a.ReceivedAt,
    ];

    /// <summary>Multi-row INSERTs for the listeners' rows, one per table, with "$n" placeholders (positional on PostgreSQL, named on SQLite).</summary>
    private static IEnumerable<(string Sql, List<object?> Values)> MoreStatements(IntakeRows more)
    {
        foreach (var table in more.All.GroupBy(r => (r.Table, r.Columns)))
        {
            var sql = new StringBuilder($"INSERT INTO \"{table.Key.Table}\" ({ColumnList(table.Key.Columns)}) VALUES ");
            var values = new List<object?>();
            foreach (var (_, _, row) in table)
            {
                sql.Append(values.Count == 0 ? "(" : ", (");
                for (var i = 0; i < row.Length; i++)
                {
                    values.Add(row[i]);
                    sql.Append(i == 0 ? "$" : ", $").Append(values.Count.ToString(CultureInfo.InvariantCulture));
                }

                sql.Append(')');
            }

            yield return (sql.ToString(), values);
        }
    }

    private sealed class Postgres : IntakeSql
    {
        public static readonly Postgres Instance = new();

        private static readonly string KeysSql =
            $"""SELECT {ColumnList(KeyColumns)} FROM feedback_idempotency WHERE "Key" = ANY($1)""";

        private const string IdsSql =
            """SELECT nextval(q.s) FROM (SELECT pg_get_serial_sequence('feedback_answers', 'Id')::regclass AS s) q, generate_series(1, $1)""";

        private static readonly string AnswersSql =
            $"""
            INSERT INTO feedback_answers ({ColumnList(AnswerColumns)})
            SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[],
                $10::int[], $11::int[], $12::int[], $13::int[], $14::int[], $15::int[], $16::int[], $17::int[], $18::int[], $19::text[],
                $20::text[], $21::int[], $22::boolean[], $23::text[], $24::timestamptz[], $25::timestamptz[])
            """;

        private static readonly string KeysInsertSql =
            $"""
            INSERT INTO feedback_idempotency ({ColumnList(KeyColumns)})
            SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::bigint[], $6::timestamptz[])
            """;

        public override bool BatchIsTransaction => true;

        public override async Task<(Dictionary<string, FeedbackIdempotencyRecord> Stored, long[]? Ids)> ReadAsync(
            DbConnection connection, IReadOnlyList<string> keys, int reserve, CancellationToken cancellationToken)
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)connection);
            batch.BatchCommands.Add(Command(KeysSql, new NpgsqlParameter { Value = keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text }));
            batch.BatchCommands.Add(Command(IdsSql, new NpgsqlParameter { Value = reserve, NpgsqlDbType = NpgsqlDbType.Integer }));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var stored = new Dictionary<string, FeedbackIdempotencyRecord>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = ReadKey(reader);
                stored[record.Key] = record;
            }

            await reader.NextResultAsync(cancellationToken);
            var ids = new long[reserve];
            for (var i = 0; i < reserve && await reader.ReadAsync(cancellationToken); i++)
            {
                ids[i] = reader.GetInt64(0);
            }

            return (stored, ids);
        }

        public override bool MayPresumeNewKeys => true;

        public override bool IsKeyTaken(Exception exception) =>
            exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "feedback_idempotency" };

        public override async Task<long[]> ReserveIdsAsync(DbConnection connection, DbTransaction? transaction, int count, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(IdsSql, (NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = count, NpgsqlDbType = NpgsqlDbType.Integer });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var ids = new long[count];
            for (var i = 0; i < count && await reader.ReadAsync(cancellationToken); i++)
            {
                ids[i] = reader.GetInt64(0);
            }

            return ids;
        }

        public override async Task InsertAsync(
            DbConnection connection, DbTransaction? transaction, IReadOnlyList<IntakeRow> rows, IntakeRows more, CancellationToken cancellationToken)
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
            var n = rows.Count;
            var columns = new object?[AnswerColumns.Length][];
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c] = new object?[n];
            }

            for (var r = 0; r < n; r++)
            {
                var values = AnswerValues(rows[r].Answer);
                for (var c = 0; c < values.Length; c++)
                {
                    columns[c][r] = values[c];
                }
            }

            batch.BatchCommands.Add(Command(AnswersSql, [.. columns.Select((values, c) => ArrayOf(values, AnswerTypes[c]))]));
            batch.BatchCommands.Add(Command(KeysInsertSql,
                ArrayOf([.. rows.Select(r => (object?)r.Key.Key)], NpgsqlDbType.Text),
                ArrayOf([.. rows.Select(r => (object?)r.Key.RequestHash)], NpgsqlDbType.Text),
                ArrayOf([.. rows.Select(r => (object?)r.Key.Status)], NpgsqlDbType.Integer),
                ArrayOf([.. rows.Select(r => (object?)r.Key.Response)], NpgsqlDbType.Text),
                ArrayOf([.. rows.Select(r => (object?)r.Key.AnswerId)], NpgsqlDbType.Bigint),
                ArrayOf([.. rows.Select(r => (object?)r.Key.CreatedAt)], NpgsqlDbType.TimestampTz)));
            foreach (var (sql, values) in MoreStatements(more))
            {
                batch.BatchCommands.Add(Command(sql, [.. values.Select(v => new NpgsqlParameter { Value = v ?? DBNull.Value })]));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        private static readonly NpgsqlDbType[] AnswerTypes =
        [
            NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Integer,
            NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer,
            NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer,
            NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Boolean, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz,
            NpgsqlDbType.TimestampTz,
        ];

        /// <summary>An array parameter of one column's values, nulls included, typed so Npgsql need not guess from object.</summary>
        private static NpgsqlParameter ArrayOf(object?[] values, NpgsqlDbType type) => new()
        {
            NpgsqlDbType = NpgsqlDbType.Array | type,
            Value = type switch
            {
                NpgsqlDbType.Bigint => values.Select(v => (long?)v).ToArray(),
                NpgsqlDbType.Integer => values.Select(v => (int?)v).ToArray(),
                NpgsqlDbType.Boolean => values.Select(v => (bool?)v).ToArray(),
                NpgsqlDbType.TimestampTz => values.Select(v => (DateTime?)v).ToArray(),
                _ => values.Select(v => (string?)v).ToArray(),
            },
        };

        private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddRange(parameters);
            return command;
        }
    }

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
