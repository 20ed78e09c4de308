namespace ServeWell.Web.Platform.Events;

/// <summary>Contact details a citizen gave, with consent, so someone can follow up. Never stored with the answer.</summary>
public sealed record FeedbackContact(string? Email, string? Phone);

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
    DateTime AnsweredAtUtc);

/// <summary>
/// Told by the feedback intake for each new answer, inside the intake's open transaction and with the same scoped
/// <c>ServeWellDbContext</c>, so whatever a listener stores (a follow-up case, the encrypted contact) commits or rolls
/// back together with the answer; what a listener only adds is saved by the intake after all listeners. Under group
/// commit (ADR-024) one scope, context and transaction serve several answers, told one after another. A listener that
/// throws fails the write (the intake then writes each answer of the group on its own). Not told again for a replay.
/// </summary>
public interface IFeedbackReceived
{
    Task FeedbackReceivedAsync(FeedbackReceived feedback, CancellationToken cancellationToken);
}
