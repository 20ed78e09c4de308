namespace ServeWell.Web.Modules.FollowUps;

/// <summary>Settings of the follow-up of citizen feedback (section <c>FollowUps</c>).</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUps";

    /// <summary>An answer whose overall satisfaction is at or below this (1–5) opens a case.</summary>
    public int LowScoreThreshold { get; set; } = 2;

    /// <summary>Business days (weekends and <see cref="Holidays"/> skipped) after the answer by which the case must be handled.</summary>
    public int DeadlineBusinessDays { get; set; } = 3;

    /// <summary>
    /// The IANA time zone business days, deadlines and "today" are counted on. Empty (the default): City:TimeZone, the
    /// one city zone; an old FollowUps:TimeZone setting still wins when set.
    /// </summary>
    public string TimeZone { get; set; } = "";

    /// <summary>Public holidays (yyyy-MM-dd) that are not business days.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>How long contact details are kept after a case closes (resolved or unreachable) before they are deleted.</summary>
    public TimeSpan ContactRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often, across all nodes together, expired contact details are deleted.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often, across all nodes together, assignees of overdue cases are reminded (at most once a day per case).</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often each node looks for follow-up mail to send.</summary>
    public TimeSpan MailInterval { get; set; } = TimeSpan.FromSeconds(15);
}
