using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using ServeWell.Web.Platform.SharedState;
using StackExchange.Redis;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>
/// Remembers, for a few seconds, what each (address, touchpoint, content) produced, so a bot or a frantic double
/// tap that makes up a new key each time is answered with the first result instead of a second answer. It is a
/// brake, not a guarantee — the Idempotency-Key is the guarantee (ADR-011). With Redis configured the window is shared
/// by every node (a double tap that the proxy sends to two nodes is still one answer, ADR-055); without it, or while
/// Redis is away, it is this node's memory. A resend with the same key is not a duplicate but a replay: it gets the
/// original result (201) from the key's record. The fingerprint is a hash, so no address or comment is kept here.
/// </summary>
public sealed class DuplicateWindow(SharedRedis redis) : IDisposable
{
    private readonly MemoryCache _recent = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>What the same content from the same address produced within the window, and under which key.</summary>
    public async ValueTask<(string Key, FeedbackResult Result)?> FindAsync(string fingerprint, TimeSpan window)
    {
        if (window <= TimeSpan.Zero)
        {
            return null;
        }

        if (redis.Database is { } db)
        {
            try
            {
                var seen = await db.StringGetAsync(Key(fingerprint));
                return seen.IsNull ? null : Read(seen.ToString());
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                redis.FallBack(ex);
            }
        }

        return _recent.TryGetValue(fingerprint, out (string Key, FeedbackResult Result)? local) ? local : null;
    }

    public void Remember(string fingerprint, string key, FeedbackResult result, TimeSpan window)
    {
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        // Kept here too, so the brake still works on this node the moment Redis goes away.
        _recent.Set<(string, FeedbackResult)?>(fingerprint, (key, result), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = window, Size = 1 });
        var value = JsonSerializer.Serialize(new Remembered(key, result.Status, result.Json, result.Detail, result.AnswerId));
        redis.Send(db => db.StringSet(Key(fingerprint), value, window, flags: CommandFlags.FireAndForget));
    }

    public void Dispose() => _recent.Dispose();

    private RedisKey Key(string fingerprint) => redis.Prefix + "duplicate:" + fingerprint;

    private static (string Key, FeedbackResult Result)? Read(string json) =>
        JsonSerializer.Deserialize<Remembered>(json) is { } r ? (r.Key, new FeedbackResult(r.Status, r.Json, null, r.Detail, r.AnswerId)) : null;

    private sealed record Remembered(string Key, int Status, string? Json, string? Detail, long? AnswerId);
}
