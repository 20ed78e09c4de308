using System.ComponentModel.DataAnnotations;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>What a training officer types for a session: a date and two times on the wall clock of <see cref="TimeZone"/>.</summary>
public sealed class SessionForm
{
    /// <summary>Zones offered first; any other IANA zone a session already has is offered too.</summary>
    public static readonly string[] CommonZones = ["Asia/Seoul", "Asia/Manila", "Africa/Lagos", "Asia/Tokyo", "Europe/London", "America/New_York", "UTC"];

    public Delivery Delivery { get; set; }

    [Required(ErrorMessage = "Enter the date.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Enter the start time.")]
    public TimeOnly? StartTime { get; set; }

    [Required(ErrorMessage = "Enter the end time.")]
    public TimeOnly? EndTime { get; set; }

    public string TimeZone { get; set; } = SessionTime.DefaultZone;

    /// <summary>Per language (ADR-030).</summary>
    public LocalTextForm Venue { get; set; } = new();

    public string? JoinUrl { get; set; }

    [Required(ErrorMessage = "Enter the number of places.")]
    public int? Capacity { get; set; }

    public string? InstructorEmployeeNumber { get; set; }

    public string? InstructorName { get; set; }

    public SessionRequest ToRequest() => new()
    {
        Delivery = Delivery.ToString(),
        Start = Date is { } d && StartTime is { } s ? d.ToDateTime(s) : null,
        End = Date is { } e && EndTime is { } t ? e.ToDateTime(t) : null,
        TimeZone = TimeZone,
        Venue = Venue.ToText(),
        JoinUrl = JoinUrl,
        Capacity = Capacity,
        InstructorEmployeeNumber = InstructorEmployeeNumber,
        InstructorName = string.IsNullOrWhiteSpace(InstructorEmployeeNumber) ? InstructorName : null,
    };

    public static SessionForm From(TrainingSession s, string? instructorNumber)
    {
        var start = SessionTime.ToLocal(s.StartsAtUtc, s.TimeZone);
        var end = SessionTime.ToLocal(s.EndsAtUtc, s.TimeZone);
        return new()
        {
            Delivery = s.Delivery,
            Date = DateOnly.FromDateTime(start),
            StartTime = TimeOnly.FromDateTime(start),
            EndTime = TimeOnly.FromDateTime(end),
            TimeZone = s.TimeZone,
            Venue = LocalTextForm.From(s.Venue),
            JoinUrl = s.JoinUrl,
            Capacity = s.Capacity,
            InstructorEmployeeNumber = instructorNumber,
            InstructorName = instructorNumber is null ? s.InstructorName : null,
        };
    }

    /// <summary>"start" → "Form.StartTime": each problem of the shared checks sits by the field that causes it.</summary>
    public static string FormKey(string field) => field switch
    {
        "" => "",
        "start" => "Form.StartTime",
        "end" => "Form.EndTime",
        _ => "Form." + char.ToUpperInvariant(field[0]) + field[1..],
    };
}
