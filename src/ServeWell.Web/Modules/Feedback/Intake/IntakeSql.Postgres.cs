using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>The PostgreSQL dialect of the intake's statements (ADR-025, ADR-027).</summary>
internal abstract partial class IntakeSql
{
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
}
