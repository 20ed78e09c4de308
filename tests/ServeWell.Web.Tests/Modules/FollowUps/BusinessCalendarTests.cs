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
}
