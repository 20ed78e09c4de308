using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>
/// One occurrence of a programme: when, where and with whom. Times are stored in UTC with the IANA zone they were
/// planned in, so the wall-clock time people agreed on can always be shown back and written to calendars (ADR-008).
/// </summary>
public sealed class TrainingSession : IAudited
{
    public int Id { get; private set; }

    public int ProgrammeId { get; set; }

    public Delivery Delivery { get; set; }

    public DateTime StartsAtUtc { get; set; }

    public DateTime EndsAtUtc { get; set; }

    /// <summary>The IANA zone the session was planned in, e.g. Asia/Seoul.</summary>
    public required string TimeZone { get; set; }

    /// <summary>Where, per language (ADR-030); empty for a session held online only.</summary>
    public LocalText Venue { get; set; } = LocalText.Empty;

    /// <summary>An absolute http(s) address of any meeting provider.</summary>
    public string? JoinUrl { get; set; }

    public int Capacity { get; set; }

    /// <summary>The employee teaching, for an internal instructor.</summary>
    public int? InstructorEmployeeId { get; set; }

    /// <summary>The external instructor's name, or the internal instructor's name when assigned; null when not yet known.</summary>
    public string? InstructorName { get; set; }

    /// <summary>The calendar UID: the same for the session's whole life, so calendar clients update one event.</summary>
    public Guid CalendarUid { get; set; }

    /// <summary>The iCalendar SEQUENCE: raised on every change, so clients take the newest version.</summary>
    public int Sequence { get; set; }

    public DateTime? CancelledAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public bool IsCancelled => CancelledAt is not null;

    string IAudited.AuditKey => CalendarUid.ToString();
}
