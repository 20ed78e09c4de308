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

    public static string Write(TrainingSession session, string programmeTitle, string description, Uri pageUrl, DateTime nowUtc)
    {
        var calendar = new Calendar { Method = session.IsCancelled ? "CANCEL" : "PUBLISH" };
        calendar.ProductId = "-//ServeWell//Training sessions//EN";
        // A VTIMEZONE with the zone's real rules: a client that does not know "Asia/Seoul" by name still places the times right.
        var earliest = SessionTime.ToLocal(session.StartsAtUtc, session.TimeZone).AddYears(-1);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(session.TimeZone, earliest, includeHistoricalData: false));

        var location = string.Join(" | ", new[] { session.Venue, session.JoinUrl }.OfType<string>());
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
            Status = session.IsCancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
