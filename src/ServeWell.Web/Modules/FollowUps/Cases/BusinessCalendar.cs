using Microsoft.Extensions.Options;

namespace ServeWell.Web.Modules.FollowUps.Cases;

/// <summary>Counts business days on the city's clock: weekends and the configured public holidays are skipped.</summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(IOptions<FollowUpOptions> options)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        _holidays = [.. options.Value.Holidays];
        BusinessDays = Math.Max(1, options.Value.DeadlineBusinessDays);
    }

    public TimeZoneInfo Zone { get; }

    public int BusinessDays { get; }

    public bool IsBusinessDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    public DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(ToLocal(utcNow));

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// The last day to act on: the <see cref="BusinessDays"/>-th business day after the local day of
    /// <paramref name="fromUtc"/> (an answer on Friday with 3 days is due on Wednesday), and the instant it ends.
    /// </summary>
    public (DateOnly DueOn, DateTime DueAtUtc) Deadline(DateTime fromUtc)
    {
        var day = Today(fromUtc);
        for (var counted = 0; counted < BusinessDays;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day))
            {
                counted++;
            }
        }

        var endLocal = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return (day, TimeZoneInfo.ConvertTimeToUtc(endLocal, Zone));
    }
}
