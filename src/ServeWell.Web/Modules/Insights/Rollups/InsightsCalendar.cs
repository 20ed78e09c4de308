namespace ServeWell.Web.Modules.Insights.Rollups;

public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>The city's time zone: an answer belongs to the local month it was given in.</summary>
    public string TimeZone { get; set; } = "Asia/Seoul";

    /// <summary>How often the rollup worker looks at the queue.</summary>
    public TimeSpan RollupLook { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Local months and their UTC bounds.</summary>
public sealed class InsightsCalendar(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public static InsightsCalendar For(string timeZoneId)
    {
        try
        {
            return new InsightsCalendar(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        }
        catch (TimeZoneNotFoundException) when (timeZoneId == "Asia/Seoul")
        {
            // A container without tzdata: Seoul has had no daylight saving since 1988.
            return new InsightsCalendar(TimeZoneInfo.CreateCustomTimeZone("Asia/Seoul", TimeSpan.FromHours(9), "Asia/Seoul", "KST"));
        }
    }

    /// <summary>The first day of the local month an instant falls in.</summary>
    public DateOnly MonthOf(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        return new DateOnly(local.Year, local.Month, 1);
    }

    /// <summary>The UTC instants [from, to) of a local month.</summary>
    public (DateTime From, DateTime To) Bounds(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        return (ToUtc(first), ToUtc(first.AddMonths(1)));
    }

    private DateTime ToUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Zone);
}
