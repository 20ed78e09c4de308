namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>Between the wall-clock time in a session's IANA zone and the UTC instant that is stored (ADR-008).</summary>
public static class SessionTime
{
    public const string DefaultZone = "Asia/Seoul";

    /// <summary>Only IANA names ("Asia/Seoul", "UTC"): calendars and other systems understand them, Windows names they may not.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) || !zone.HasIanaId)
        {
            return null;
        }

        return zone;
    }

    /// <summary>The UTC instant of a wall-clock time; null when the time does not exist there (skipped by a clock change).</summary>
    public static DateTime? ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(unspecified) ? null : TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    public static DateTime ToLocal(DateTime utc, string zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), FindZone(zoneId) ?? TimeZoneInfo.Utc);
}
