using System.Data.Common;

namespace ServeWell.Web.Platform.Data;

/// <summary>
/// Whether an error means the database cannot be reached for the moment (PostgreSQL restarting, the connection refused
/// or dropped, the pool exhausted, SQLite busy), rather than that the request or the code is wrong. Such a request is
/// answered 503 with Retry-After (ADR-057): nothing was stored, and the same request sent again later will do.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>The seconds a client is asked to wait before it sends the request again.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // Transient by the provider's own judgement, or a server going down or refusing connections for now:
            // 08xxx connection exceptions, 57P01-57P03 (administrator or crash shutdown, cannot connect now).
            if (e is DbException { IsTransient: true } || e is DbException { SqlState: { } state } && (state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal)))
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Is))
            {
                return true;
            }
        }

        return false;
    }
}
