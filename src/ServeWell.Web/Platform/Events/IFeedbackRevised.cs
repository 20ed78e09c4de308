namespace ServeWell.Web.Platform.Events;

/// <summary>
/// A stored answer was changed after intake (not yet committed): left out of every figure (<see cref="Excluded"/> true)
/// or restored. Carries no personal data: the answer's office and the moment it was given, so figures can be recomputed.
/// </summary>
public sealed record FeedbackRevised(long AnswerId, int OrgUnitId, DateTime AnsweredAtUtc, bool Excluded);

/// <summary>
/// Told for each revision of an answer, inside the revision's open transaction and with the same scoped
/// <c>ServeWellDbContext</c>, like <see cref="IFeedbackReceived"/>: what a listener stores (a rollup queue row) commits
/// or rolls back with the revision, and a listener that throws fails the whole revision.
/// </summary>
public interface IFeedbackRevised
{
    Task FeedbackRevisedAsync(FeedbackRevised revision, CancellationToken cancellationToken);
}
