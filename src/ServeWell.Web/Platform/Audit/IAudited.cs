namespace ServeWell.Web.Platform.Audit;

/// <summary>An entity whose every change an administrator may need to trace: who, when, before and after.</summary>
public interface IAudited
{
    /// <summary>The key a person recognises (a code, an employee number, an email), known even before an insert.</summary>
    string AuditKey { get; }
}

/// <summary>Who is making the current change.</summary>
public interface IAuditActor
{
    string? UserId { get; }

    string Name { get; }
}
