using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.FollowUps;
using ServeWell.Web.Modules.FollowUps.Cases;

namespace ServeWell.Web.Tests.Modules.FollowUps;

/// <summary>Deadlines count business days on the city's clock, skipping weekends and the configured holidays.</summary>
public sealed class BusinessCalendarTests
{
    private static BusinessCalendar Calendar(int days = 3, params string[] holidays) => new(Options.Create(new FollowUpOptions
    {
        DeadlineBusinessDays = days, TimeZone = "Asia/Seoul", Holidays = [.. holidays.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture))],
    }));

    [Fact]
    public void Deadline_AnsweredOnFriday_IsDueWednesdayEndingAtSeoulMidnight()
    {
        // Friday 2026-11-20 10:00 in Seoul.
        var (dueOn, dueAt) = Calendar().Deadline(new DateTime(2026, 11, 20, 1, 0, 0, DateTimeKind.Utc));

        dueOn.ShouldBe(new DateOnly(2026, 11, 25));
        dueAt.ShouldBe(new DateTime(2026, 11, 25, 15, 0, 0, DateTimeKind.Utc)); // 2026-11-26 00:00 +09:00
    }

    [Fact]
    public void Deadline_LateFridayUtcIsSaturdayInSeoul_CountsFromSaturday()
    {
        // Friday 16:00 UTC is Saturday 01:00 in Seoul: Monday, Tuesday, Wednesday.
        var (dueOn, _) = Calendar().Deadline(new DateTime(2026, 11, 20, 16, 0, 0, DateTimeKind.Utc));

        dueOn.ShouldBe(new DateOnly(2026, 11, 25));
    }

    [Fact]
    public void Deadline_SkipsHolidays()
    {
        // Wednesday 2026-12-23; Christmas Friday is a holiday: Thursday, Monday, Tuesday.
        var (dueOn, _) = Calendar(3, "2026-12-25").Deadline(new DateTime(2026, 12, 23, 3, 0, 0, DateTimeKind.Utc));

        dueOn.ShouldBe(new DateOnly(2026, 12, 29));
    }

    [Theory]
    [InlineData("2026-11-21", false)]
    [InlineData("2026-11-22", false)]
    [InlineData("2026-11-23", true)]
    [InlineData("2026-12-25", false)]
    public void IsBusinessDay_WeekendsAndHolidaysAreNot(string day, bool expected) =>
        Calendar(3, "2026-12-25").IsBusinessDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    /// <summary>
    /// Korean public holidays on weekdays in 2026–2027, substitute holidays included (Seollal and Chuseok get one only for a
    /// Sunday or another holiday, national days also for a Saturday, Buddha's Birthday and Christmas since 2023), and the
    /// 2026-06-03 local elections. Chuseok 2026 (Sep 24–26) ends on a Saturday, so there is no substitute on the 28th.
    /// </summary>
    private static readonly string[] KoreanHolidays =
    [
        "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-03-02", "2026-05-05", "2026-05-25", "2026-06-03",
        "2026-08-17", "2026-09-24", "2026-09-25", "2026-10-05", "2026-10-09", "2026-12-25",
        "2027-01-01", "2027-02-08", "2027-02-09", "2027-03-01", "2027-05-05", "2027-05-13", "2027-08-16", "2027-09-14",
        "2027-09-15", "2027-09-16", "2027-10-04", "2027-10-11", "2027-12-27",
    ];

    [Fact]
    public void ShippedSettings_ListTheKoreanHolidaysOf2026And2027()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "src", "ServeWell.Web", "appsettings.json")))
        {
            folder = folder.Parent;
        }

        folder.ShouldNotBeNull();
        var options = new FollowUpOptions();
        new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddJsonFile(Path.Combine(folder.FullName, "src", "ServeWell.Web", "appsettings.json")).Build()
            .GetSection(FollowUpOptions.Section).Bind(options);

        options.Holidays.Where(d => d.Year is 2026 or 2027).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(KoreanHolidays);
        options.Holidays.ShouldAllBe(d => d.DayOfWeek != DayOfWeek.Saturday && d.DayOfWeek != DayOfWeek.Sunday);
    }
}
