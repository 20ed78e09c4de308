namespace ServeWell.Web.Platform.Events;

/// <summary>Contact details a citizen gave, with consent, so someone can follow up. Never stored with the answer.</summary>
public sealed record FeedbackContact(string? Email, string? Phone);

/// <summary>
/// What an answer adds to the counts beyond its overall score: its channel (as int), each driver's 0–100 value (null when
/// skipped), and whether the "resolved" question was answered and answered yes.
/// </summary>
public sealed record FeedbackMeasures(
    int Channel, int? Timeliness, int? Knowledge, int? Courtesy, int? Fairness, int? Outcome, bool ResolvedAnswered, bool ResolvedYes);

/// <summary>
/// One citizen answer as just stored by the intake (not yet committed). <see cref="Comment"/> is already redacted.
/// <see cref="Contact"/> is set only when the citizen asked to be contacted and consented.
/// </summary>
public sealed record FeedbackReceived(
    long AnswerId,
    int OrgUnitId,
    int? ServiceId,
    int TouchpointId,
    int Overall,
    string? Comment,
    FeedbackContact? Contact,
    string Language,
    DateTime AnsweredAtUtc,
    FeedbackMeasures Measures);

/// <summary>
/// Told by the feedback intake for each new answer it <see cref="Handles"/>, inside the intake's open transaction and
/// with the same scoped <c>ServeWellDbContext</c>, after the answers of the group commit are inserted (so a listener
/// sees its answer and may reference it), so whatever a listener stores (a follow-up case, the encrypted contact)
/// commits or rolls back together with the answer; what a listener only adds is saved by the intake after all
/// listeners. Under group commit (ADR-024) one scope, context and transaction serve several answers, told one after
/// another. A listener that throws fails the write (the intake then writes each answer of the group on its own). Not
/// told again for a replay.
/// </summary>
public interface IFeedbackReceived
{
    /// <summary>
    /// Whether this answer concerns the listener at all, decided from the answer alone (no database). A group commit
    /// none of whose answers any listener handles is written in one round trip (ADR-025); the default is every answer.
    /// </summary>
    bool Handles(FeedbackReceived feedback) => true;

    Task FeedbackReceivedAsync(FeedbackReceived feedback, CancellationToken cancellationToken);
}

/// <summary>
/// Told once per group commit with all its new answers, before anything is written: the rows it adds to
/// <see cref="IntakeRows"/> are inserted in the same transaction, in the same round trip, as the answers (ADR-025).
/// For work that needs no reads and no generated keys, such as queueing a recomputation.
/// </summary>
public interface IFeedbackBatchReceived
{
    void AddRows(IReadOnlyList<FeedbackReceived> answers, IntakeRows rows);
}

/// <summary>Plain rows to insert with a group commit of answers, table by table, all-or-nothing with them.</summary>
public sealed class IntakeRows
{
    private readonly List<(string Table, string[] Columns, object?[] Values)> _rows = [];

    public IReadOnlyList<(string Table, string[] Columns, object?[] Values)> All => _rows;

    /// <param name="table">The table's name as created by the migrations.</param>
    /// <param name="columns">Its columns' names; the same array instance for every row of the table, in the same order as <paramref name="values"/>.</param>
    /// <param name="values">The row's values (a <see cref="DateTime"/> in UTC).</param>
    public void Add(string table, string[] columns, params object?[] values)
    {
        if (columns.Length != values.Length)
        {
            throw new ArgumentException($"{columns.Length} columns but {values.Length} values for a row of {table}.", nameof(values));
        }

        _rows.Add((table, columns, values));
    }
}
