using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>
/// A session as an iCalendar file: PUBLISH while it stands, CANCEL once cancelled, always with the same UID and the
/// session's SEQUENCE, so a calendar that imported it before updates or removes the one event (ADR-008).
/// </summary>
public static class SessionCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(TrainingSession session, string programmeTitle, string description, Uri pageUrl, DateTime nowUtc) =>
        Write([(session, programmeTitle, description, pageUrl)], nowUtc, session.IsCancelled ? "CANCEL" : "PUBLISH", null, null);

    /// <summary>
    /// An iTIP message for mail: REQUEST (invite or update) or CANCEL, addressed to one attendee by the organiser, or
    /// PUBLISH for several sessions at once; the UID and SEQUENCE are the session's, as in the calendar file.
    /// </summary>
    public static string Write(
        IReadOnlyList<(TrainingSession Session, string Title, string Description, Uri PageUrl)> sessions, DateTime nowUtc, string method,
        string? organizerEmail, string? attendeeEmail)
    {
        var calendar = new Calendar { Method = method };
        calendar.ProductId = "-//ServeWell//Training sessions//EN";
        foreach (var zone in sessions.GroupBy(s => s.Session.TimeZone))
        {
            // A VTIMEZONE with the zone's real rules: a client that does not know "Asia/Seoul" by name still places the times right.
            var earliest = SessionTime.ToLocal(zone.Min(s => s.Session.StartsAtUtc), zone.Key).AddYears(-1);
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Key, earliest, includeHistoricalData: false));
        }

        foreach (var (session, programmeTitle, description, pageUrl) in sessions)
        {
            calendar.Events.Add(Event(session, programmeTitle, description, pageUrl, nowUtc, method == "CANCEL", organizerEmail, attendeeEmail));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(
        TrainingSession session, string programmeTitle, string description, Uri pageUrl, DateTime nowUtc, bool cancel, string? organizerEmail, string? attendeeEmail)
    {
        var location = string.Join(" | ", new[] { session.Venue.IsEmpty ? null : session.Venue.ToString(), session.JoinUrl }.OfType<string>());
        var calendarEvent = new CalendarEvent
        {
            Uid = session.CalendarUid.ToString("D") + "@servewell",
            Sequence = session.Sequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            DtStart = new CalDateTime(SessionTime.ToLocal(session.StartsAtUtc, session.TimeZone), session.TimeZone),
            DtEnd = new CalDateTime(SessionTime.ToLocal(session.EndsAtUtc, session.TimeZone), session.TimeZone),
            Summary = programmeTitle,
            Location = location.Length == 0 ? null : location,
            Description = description,
            Url = pageUrl,
            Status = session.IsCancelled || cancel ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        if (organizerEmail is not null)
        {
            calendarEvent.Organizer = new Organizer("mailto:" + organizerEmail);
        }

        if (attendeeEmail is not null)
        {
            calendarEvent.Attendees.Add(new Attendee("mailto:" + attendeeEmail) { Rsvp = false, Role = "REQ-PARTICIPANT" });
        }

        return calendarEvent;
    }
}
