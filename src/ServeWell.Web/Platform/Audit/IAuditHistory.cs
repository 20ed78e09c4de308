namespace ServeWell.Web.Platform.Audit;

/// <summary>One entry of a record's history in words: when (UTC), who (their display name), and each change.</summary>
public sealed record AuditHistoryLine(DateTime AtUtc, string Who, IReadOnlyList<string> Changes);

/// <summary>
/// A record's history read from the audit log, in the reader's words. The audit log's reader lives in Admin, above every
/// module (ADR-033), so a module that shows a record's history asks through this contract (ADR-062, 13); the caller
/// decides who may see it.
/// </summary>
public interface IAuditHistory
{
    /// <summary>The entries of one action on one record, newest first.</summary>
    Task<IReadOnlyList<AuditHistoryLine>> ReadAsync(string entityType, string entityKey, string action, CancellationToken cancellationToken);
}
