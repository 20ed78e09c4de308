using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.SharedState;

namespace ServeWell.Web.Platform.Security;

/// <summary>
/// The sign-in and password-reset throttle counted in Redis, so five failures for an account mean five across the
/// cluster (ADR-055). Keys are hashed by <see cref="SharedWindow"/>: an e-mail or address never sits in Redis in clear. While Redis is away the
/// per-node <see cref="MemoryAttemptThrottle"/> counts.
/// </summary>
public sealed class SharedAttemptThrottle(SharedWindow window, MemoryAttemptThrottle local, IOptions<AttemptThrottleOptions> options) : IAttemptThrottle
{
    public ThrottleCheck Check(ThrottledAttempt attempt, string key)
    {
        var (limit, span) = options.Value.Of(attempt);
        if (window.Add(Key(attempt, key), 0, span) is not { } count)
        {
            return local.Check(attempt, key);
        }

        return count.Count < limit ? new ThrottleCheck(true, TimeSpan.Zero) : new ThrottleCheck(false, count.Remaining);
    }

    public void Count(ThrottledAttempt attempt, string key)
    {
        var (_, span) = options.Value.Of(attempt);
        if (window.Add(Key(attempt, key), 1, span) is null)
        {
            local.Count(attempt, key);
        }
    }

    private static string Key(ThrottledAttempt attempt, string key) => "attempt:" + attempt + ":" + MemoryAttemptThrottle.Normalise(key);
}
