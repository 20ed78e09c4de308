using System.Globalization;
using Microsoft.Extensions.Options;

namespace ServeWell.Web.Platform.City;

/// <summary>
/// The city's calendar: which local date an instant falls on, what "today" is, and how a time is shown with its zone
/// named. Store UTC; ask this for anything a person reads or a record is dated by.
/// </summary>
public sealed class CityClock
{
    private readonly TimeProvider _time;

    public CityClock(IOptions<CityOptions> options, TimeProvider time)
    {
        _time = time;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The zone's id as people recognise it, e.g. "Asia/Seoul".</summary>
    public string ZoneName => Zone.Id;

    public DateTimeOffset Now => Local(_time.GetUtcNow());

    public DateOnly Today => DateOf(_time.GetUtcNow());

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The city's local date of an instant (a completion on 30 April 23:30 in Seoul is 30 April, not 1 May UTC-wise).</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>The UTC instant at which a local date begins in the city.</summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>"2026-04-14 09:30 (Asia/Seoul)": a time in the city with its zone named, in the reader's culture.</summary>
    public string Format(DateTimeOffset instant, IFormatProvider? culture = null) =>
        string.Create(culture ?? CultureInfo.CurrentCulture, $"{Local(instant):yyyy-MM-dd HH:mm} ({ZoneName})");

    /// <summary>
    /// <see cref="Format(DateTimeOffset, IFormatProvider?)"/> for a stored UTC <see cref="DateTime"/>, whatever Kind it
    /// comes back from the database with (an Unspecified one would otherwise be taken for the server's local time).
    /// </summary>
    public string Format(DateTime utc, IFormatProvider? culture = null) =>
        Format(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), culture);
}
