using Microsoft.Extensions.Caching.Memory;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>
/// Remembers, for a few seconds, what each (address, touchpoint, content) produced, so a bot or a frantic double
/// tap that makes up a new key each time is answered with the first result instead of a second answer. Per node
/// and in memory on purpose: it is a brake, not a guarantee — the Idempotency-Key is the guarantee (ADR-011). A resend
/// with the same key is not a duplicate but a replay: it gets the original result (201) from the key's record.
/// </summary>
public sealed class DuplicateWindow : IDisposable
{
    private readonly MemoryCache _recent = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>What the same content from the same address produced within the window, and under which key.</summary>
    public (string Key, FeedbackResult Result)? Find(string fingerprint) =>
        _recent.TryGetValue(fingerprint, out (string Key, FeedbackResult Result)? seen) ? seen : null;

    public void Remember(string fingerprint, string key, FeedbackResult result, TimeSpan window)
    {
        if (window > TimeSpan.Zero)
        {
            _recent.Set<(string, FeedbackResult)?>(fingerprint, (key, result), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = window, Size = 1 });
        }
    }

    public void Dispose() => _recent.Dispose();
}
