namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>Settings of the <c>Feedback</c> section.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>How far in the future an answeredAt may be (clocks of phones and kiosks drift).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old an answeredAt may be: a kiosk offline for weeks still syncs, a replay of last year does not.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The same answer to the same touchpoint from the same address within this time is a duplicate (0 switches it off).</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromSeconds(10);

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>
    /// How long a kiosk waits, after the one-tap answer, for the citizen to go on before it starts again for the next
    /// one (ADR-037). It shows the time left and warns 20 seconds before, with a button that gives the same time again
    /// (WCAG 2.2.1), so it must be at least 20.
    /// </summary>
    public int KioskIdleSeconds { get; set; } = 45;

    /// <summary>
    /// How long an Idempotency-Key's record is kept before it is pruned. It must be longer than <see cref="MaxAge"/> plus
    /// <see cref="ClockSkew"/>, the longest a kiosk may hold an answer offline and still have it taken: a resend arriving after
    /// its key was pruned then carries an answeredAt too old to be stored, so it is refused (400) rather than stored twice.
    /// </summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromDays(97);

    /// <summary>How often, across all nodes together, expired idempotency records are deleted.</summary>
    public TimeSpan IdempotencyPruneInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a node trusts its in-memory copy of a touchpoint or a survey's current version (ADR-024).</summary>
    public TimeSpan LookupCacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Group commit (ADR-024): at most this many answers share one transaction and one commit. Each is acknowledged only
    /// after that commit; 1 writes every answer in its own transaction. 512 lets a kiosk's whole batch (up to 500)
    /// share one commit: against 128 it measured about half again as many kiosk answers per second (ADR-025).
    /// </summary>
    public int GroupCommitMaxAnswers { get; set; } = 512;

    /// <summary>
    /// How many transactions may be committing at once. SQLite always uses one. On PostgreSQL each writer is one
    /// backend: with two, one group inserts while the next reads its keys, and kiosk syncs measured a third faster
    /// (0.24× → 0.33× the same-shape 50-row floor) with single answers unchanged within the noise (ADR-025).
    /// </summary>
    public int GroupCommitWriters { get; set; } = 2;

    /// <summary>Whether <see cref="IdempotencyRetention"/> outlasts every answer that may still arrive (checked at start).</summary>
    public bool RetentionOutlastsMaxAge => IdempotencyRetention > MaxAge + ClockSkew;
}

public sealed class RateLimitOptions
{
    /// <summary>Answers one client address may send per minute (web survey and API).</summary>
    public int PerAddressPerMinute { get; set; } = 60;

    /// <summary>Batch requests one kiosk device may send per minute.</summary>
    public int PerDevicePerMinute { get; set; } = 30;
}
