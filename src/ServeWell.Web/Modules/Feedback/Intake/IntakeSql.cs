using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;
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
internal abstract partial class IntakeSql
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
}
