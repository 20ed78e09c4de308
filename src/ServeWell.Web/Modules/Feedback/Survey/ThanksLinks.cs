namespace ServeWell.Web.Modules.Feedback.Survey;

/// <summary>A next step offered on the survey's thank-you page, in the reader's language.</summary>
public sealed record ThanksLink(string Text, string Url);

/// <summary>
/// What a module above Feedback offers a citizen who has just answered (ADR-033: Feedback names no module above it):
/// Recognition offers to nominate a courteous employee at that office (ADR-058).
/// </summary>
public interface IThanksLinks
{
    Task<ThanksLink?> ForAsync(string touchpointCode, CancellationToken cancellationToken);
}
