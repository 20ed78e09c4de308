using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.SharedState;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>
/// What every answer looks up before it is stored, kept in memory for a few seconds (ADR-024): the touchpoint by its
/// code, the current survey version of a definition, a kiosk device by its token, and a published version by id (published versions never change,
/// ADR-017). A change (edit, rotate, retire, publish, a device registered or revoked) clears it at once on this node and, through
/// <see cref="ClusterSignals"/> (Redis pub/sub, ADR-055), on every other node. Without Redis another node sees it within
/// <see cref="FeedbackOptions.LookupCacheTtl"/>, so a code retired or a device revoked there may take answers for those few seconds — the
/// answers are stored against the touchpoint as before, nothing is lost or misfiled.
/// </summary>
public sealed class FeedbackLookups
{
    private const string Signal = "feedback-lookups";

    private readonly IOptions<FeedbackOptions> options;
    private readonly TimeProvider clock;
    private readonly ClusterSignals signals;
    private readonly ConcurrentDictionary<string, Entry<Touchpoint>> touchpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Entry<SurveyVersion>> currentVersions = new();
    private readonly ConcurrentDictionary<int, SurveyVersion> versions = new();
    private readonly ConcurrentDictionary<string, Entry<KioskDevice>> devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> syncStamped = new();

    public FeedbackLookups(IOptions<FeedbackOptions> options, TimeProvider clock, ClusterSignals signals)
    {
        this.options = options;
        this.clock = clock;
        this.signals = signals;
        signals.On(Signal, Forget);
    }

    private sealed record Entry<T>(T? Value, long ExpiresAt)
        where T : class;

    /// <summary>The live touchpoint with this (lower-case) code, or null when no touchpoint takes answers under it.</summary>
    public async Task<Touchpoint?> TouchpointAsync(Func<ServeWellDbContext> db, string code, CancellationToken cancellationToken)
    {
        if (touchpoints.TryGetValue(code, out var cached) && cached.ExpiresAt > clock.GetTimestamp())
        {
            return cached.Value;
        }

        var touchpoint = await db().Touchpoints.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code && t.RetiredAt == null, cancellationToken);
        if (touchpoints.Count > 10_000)
        {
            touchpoints.Clear();
        }

        touchpoints[code] = new Entry<Touchpoint>(touchpoint, Expiry());
        return touchpoint;
    }

    /// <summary>The latest published version of a survey definition.</summary>
    public async Task<SurveyVersion?> CurrentVersionAsync(Func<ServeWellDbContext> db, int definitionId, CancellationToken cancellationToken)
    {
        if (currentVersions.TryGetValue(definitionId, out var cached) && cached.ExpiresAt > clock.GetTimestamp())
        {
            return cached.Value;
        }

        var version = await AskedSurvey.CurrentVersionAsync(db(), definitionId, cancellationToken);
        currentVersions[definitionId] = new Entry<SurveyVersion>(version, Expiry());
        return version;
    }

    /// <summary>A published version by id; these are immutable, so once found it is kept.</summary>
    public async Task<SurveyVersion?> VersionAsync(Func<ServeWellDbContext> db, int id, CancellationToken cancellationToken)
    {
        if (versions.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var version = await db().SurveyVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is not null)
        {
            versions[id] = version;
        }

        return version;
    }

    /// <summary>The kiosk device (with its touchpoint) holding the token with this hash, unless revoked.</summary>
    public async Task<KioskDevice?> KioskDeviceAsync(Func<ServeWellDbContext> db, string tokenHash, CancellationToken cancellationToken)
    {
        if (devices.TryGetValue(tokenHash, out var cached) && cached.ExpiresAt > clock.GetTimestamp())
        {
            return cached.Value;
        }

        var device = await db().KioskDevices.AsNoTracking().Include(k => k.Touchpoint)
            .FirstOrDefaultAsync(k => k.TokenHash == tokenHash && k.RevokedAt == null, cancellationToken);
        if (devices.Count > 10_000)
        {
            devices.Clear();
        }

        devices[tokenHash] = new Entry<KioskDevice>(device, Expiry());
        return device;
    }

    /// <summary>
    /// Whether the device's last-sync time is due to be written again: once a minute per device and node is enough
    /// for the devices page, and a kiosk syncing every few seconds does not write a row each time.
    /// </summary>
    public bool SyncStampDue(int deviceId)
    {
        var now = clock.GetTimestamp();
        var due = !syncStamped.TryGetValue(deviceId, out var last) || now - last > clock.TimestampFrequency * 60;
        if (due)
        {
            syncStamped[deviceId] = now;
        }

        return due;
    }

    /// <summary>Forgets touchpoints, current versions and kiosk devices on every node; called after any change to them.</summary>
    public void Invalidate() => signals.Raise(Signal);

    private void Forget()
    {
        touchpoints.Clear();
        currentVersions.Clear();
        devices.Clear();
    }

    private long Expiry() => clock.GetTimestamp() + (long)(options.Value.LookupCacheTtl.TotalSeconds * clock.TimestampFrequency);
}
