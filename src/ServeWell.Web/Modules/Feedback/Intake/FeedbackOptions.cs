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
}

public sealed class RateLimitOptions
{
    /// <summary>Answers one client address may send per minute (web survey and API).</summary>
    public int PerAddressPerMinute { get; set; } = 60;

    /// <summary>Batch requests one kiosk device may send per minute.</summary>
    public int PerDevicePerMinute { get; set; } = 30;
}
