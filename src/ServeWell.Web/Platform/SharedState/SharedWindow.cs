using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace ServeWell.Web.Platform.SharedState;

/// <summary>A count in a fixed window shared by every node, and how long until the window ends.</summary>
public readonly record struct WindowCount(long Count, TimeSpan Remaining);

/// <summary>
/// Fixed-window counting in Redis (ADR-055): one round trip of a small script that adds to a key, starts its expiry
/// with the window's first count, and answers the count and the time left. The same semantics as the in-memory
/// <see cref="System.Threading.RateLimiting.FixedWindowRateLimiter"/> the app falls back to. Null means "Redis is not
/// available: count on this node".
/// </summary>
public sealed class SharedWindow(SharedRedis redis)
{
    private const string Script = """
        local n = tonumber(ARGV[1])
        if n == 0 then
          local c = tonumber(redis.call('GET', KEYS[1]) or '0')
          local ttl = redis.call('PTTL', KEYS[1])
          if ttl < 0 then ttl = 0 end
          return {c, ttl}
        end
        local c = redis.call('INCRBY', KEYS[1], n)
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          ttl = tonumber(ARGV[2])
        end
        return {c, ttl}
        """;

    public bool Shared => redis.Configured;

    /// <summary>Adds <paramref name="permits"/> (0 only reads) to the window under <paramref name="key"/>.</summary>
    public async ValueTask<WindowCount?> AddAsync(string key, int permits, TimeSpan window)
    {
        if (redis.Database is not { } db)
        {
            return null;
        }

        try
        {
            var result = (RedisResult[]?)await db.ScriptEvaluateAsync(Script, [Key(key)], [permits, (long)window.TotalMilliseconds]);
            return Read(result);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            redis.FallBack(ex);
            return null;
        }
    }

    /// <summary>The same, for callers that cannot await (the sign-in throttle's interface is synchronous).</summary>
    public WindowCount? Add(string key, int permits, TimeSpan window)
    {
        if (redis.Database is not { } db)
        {
            return null;
        }

        try
        {
            var result = (RedisResult[]?)db.ScriptEvaluate(Script, [Key(key)], [permits, (long)window.TotalMilliseconds]);
            return Read(result);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            redis.FallBack(ex);
            return null;
        }
    }

    /// <summary>Hashed: a key may name an address or an e-mail, which never sit in Redis in clear.</summary>
    private RedisKey Key(string key) => redis.Prefix + "window:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static WindowCount? Read(RedisResult[]? result) =>
        result is [var count, var ttl] ? new WindowCount((long)count, TimeSpan.FromMilliseconds(Math.Max(0, (long)ttl))) : null;
}
