using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ServeWell.Web.Platform.Security;

/// <summary>What is counted: failed sign-ins and password-reset requests, each per client address and per e-mail address.</summary>
public enum ThrottledAttempt
{
    SignInFailurePerAddress,
    SignInFailurePerAccount,
    ResetRequestPerAddress,
    ResetRequestPerAccount,
}

/// <summary>The answer to "may this attempt go ahead?": when not, how long until it may.</summary>
public readonly record struct ThrottleCheck(bool Allowed, TimeSpan RetryAfter)
{
    /// <summary>Whole minutes to tell a person, never 0.</summary>
    public int RetryAfterMinutes => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalMinutes));

    public string RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Counts attempts per key and says when there were too many. Kept behind this interface so the in-memory
/// implementation (one count per node) can be replaced by a shared one (Redis) without touching the pages.
/// </summary>
public interface IAttemptThrottle
{
    /// <summary>Whether one more attempt under <paramref name="key"/> is allowed now; counts nothing.</summary>
    ThrottleCheck Check(ThrottledAttempt attempt, string key);

    /// <summary>Counts one attempt under <paramref name="key"/>.</summary>
    void Count(ThrottledAttempt attempt, string key);
}

/// <summary>Limits per window, in settings under Security:Throttle (defaults in ADR-028).</summary>
public sealed class AttemptThrottleOptions
{
    public const string Section = "Security:Throttle";

    public int SignInFailuresPerAddress { get; set; } = 20;

    public int SignInFailuresPerAccount { get; set; } = 5;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(15);

    public int ResetRequestsPerAddress { get; set; } = 10;

    public int ResetRequestsPerAccount { get; set; } = 3;

    public TimeSpan ResetWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many attempts of a kind a window allows, and the window.</summary>
    public (int Limit, TimeSpan Window) Of(ThrottledAttempt attempt) => attempt switch
    {
        ThrottledAttempt.SignInFailurePerAddress => (Math.Max(1, SignInFailuresPerAddress), SignInWindow),
        ThrottledAttempt.SignInFailurePerAccount => (Math.Max(1, SignInFailuresPerAccount), SignInWindow),
        ThrottledAttempt.ResetRequestPerAddress => (Math.Max(1, ResetRequestsPerAddress), ResetWindow),
        _ => (Math.Max(1, ResetRequestsPerAccount), ResetWindow),
    };
}

/// <summary>
/// The in-memory throttle: one fixed-window limiter per (attempt, key), from System.Threading.RateLimiting, so it
/// follows the same semantics as the app's request rate limits. Idle keys are dropped by the partitioned limiter.
/// </summary>
public sealed class MemoryAttemptThrottle : IAttemptThrottle, IDisposable
{
    private readonly PartitionedRateLimiter<(ThrottledAttempt Attempt, string Key)> _limiter;

    public MemoryAttemptThrottle(IOptions<AttemptThrottleOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<(ThrottledAttempt Attempt, string Key), (ThrottledAttempt, string)>(resource =>
        {
            var (limit, window) = o.Of(resource.Attempt);
            return RateLimitPartition.GetFixedWindowLimiter(resource, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }

    public ThrottleCheck Check(ThrottledAttempt attempt, string key)
    {
        // Asking for zero permits tells whether any is left without taking one.
        using var lease = _limiter.AttemptAcquire((attempt, Normalise(key)), 0);
        return lease.IsAcquired
            ? new ThrottleCheck(true, TimeSpan.Zero)
            : new ThrottleCheck(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1));
    }

    public void Count(ThrottledAttempt attempt, string key)
    {
        using var lease = _limiter.AttemptAcquire((attempt, Normalise(key)));
    }

    public void Dispose() => _limiter.Dispose();

    internal static string Normalise(string key) => key.Trim().ToUpperInvariant();
}

public static class AttemptThrottleExtensions
{
    /// <summary>The client address the throttle counts under: the connection's, after trusted proxies' X-Forwarded-For.</summary>
    public static string ClientAddress(this HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Checks both keys of a kind (per address and per account); the longer wait wins.</summary>
    public static ThrottleCheck CheckBoth(this IAttemptThrottle throttle, ThrottledAttempt perAddress, ThrottledAttempt perAccount, string address, string account)
    {
        var a = throttle.Check(perAddress, address);
        var b = throttle.Check(perAccount, account);
        return a.Allowed && b.Allowed ? a : new ThrottleCheck(false, a.RetryAfter > b.RetryAfter ? a.RetryAfter : b.RetryAfter);
    }

    public static void CountBoth(this IAttemptThrottle throttle, ThrottledAttempt perAddress, ThrottledAttempt perAccount, string address, string account)
    {
        throttle.Count(perAddress, address);
        throttle.Count(perAccount, account);
    }
}
