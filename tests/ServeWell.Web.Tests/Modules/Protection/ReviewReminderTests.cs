using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Protection.Restrictions;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Protection;

/// <summary>
/// Restriction review reminders (issue 17, ADR-062): seven days before the review, counted in the city's calendar, to the
/// officers over the employee and the issuer, each in their language, once.
/// </summary>
public abstract class ReviewReminderTests(AppHost app)
{
    [Fact]
    public async Task Reminder_GoesSevenCityDaysBeforeTheReview_OnceToEachOfficerAndTheIssuer_InTheirLanguage()
    {
        var cast = await app.CastAsync();
        var korean = await app.AccountAsync(Roles.Employee, null, null, culture: "ko");
        await app.DesignateOfficerAsync(korean, cast.Department.Id);

        // 16:00 UTC on 1 March is already 2 March in Seoul: the reminder for a review on 9 March is due by the city's day, not by UTC's.
        // Years ahead, so the running job (on today's clock) never sees these restrictions first.
        var now = new DateTimeOffset(2031, 3, 1, 16, 0, 0, TimeSpan.Zero);
        var city = app.Services.GetRequiredService<CityClock>();
        city.DateOf(now).ShouldBe(new DateOnly(2031, 3, 2));

        using var employee = await app.SignInAsync(cast.Employee);
        var encounterId = (await employee.LogAsync(ProtectionTestData.NewEncounter(contact: $"review.{Guid.NewGuid():N}@citizen.example"))).GetProperty("id").GetInt32();
        using var officer = await app.SignInAsync(cast.Officer);
        var due = await IssueAsync(officer, encounterId, new DateOnly(2031, 3, 9));
        var later = await IssueAsync(officer, encounterId, new DateOnly(2031, 3, 10));

        await SendAsync(now);
        var mail = await MailAboutAsync(encounterId);
        // The demo city's own officer (designated for the whole city) is over the employee too.
        var cityOfficers = await app.DbAsync(db => db.ProtectionOfficers.Where(o => o.OrgUnit!.Code == Demo.City)
            .Join(db.Users, o => o.UserId, u => u.Id, (o, u) => u.Email!).ToListAsync());
        var readers = new[] { cast.Officer, korean }.Concat(cityOfficers).Distinct().Count();
        mail.Select(m => m.To).OrderBy(t => t).ShouldBe(new[] { cast.Officer, korean }.Concat(cityOfficers).Distinct().OrderBy(t => t));
        mail.Single(m => m.To == korean).Subject.ShouldContain("제한 조치 검토일");
        mail.Single(m => m.To == cast.Officer).Subject.ShouldContain("due for review");
        mail.ShouldAllBe(m => !m.TextBody.Contains("Only in writing"));
        (await SentAsync(due)).ShouldNotBeNull();
        (await SentAsync(later)).ShouldBeNull();

        // Once: the next run the same day sends nothing more for it; the other one goes the day after.
        await SendAsync(now.AddHours(1));
        (await MailAboutAsync(encounterId)).Count.ShouldBe(readers);
        await SendAsync(now.AddDays(1));
        (await MailAboutAsync(encounterId)).Count.ShouldBe(2 * readers);
        (await SentAsync(later)).ShouldNotBeNull();
    }

    private static async Task<int> IssueAsync(StaffClient officer, int encounterId, DateOnly reviewOn)
    {
        var issued = await officer.Http.PostAsJsonAsync($"/api/v1/encounters/{encounterId}/restrictions", new
        {
            scope = "channel", detail = "Only in writing, through the team leader.", startsOn = reviewOn.AddDays(-60), endsOn = reviewOn.AddDays(60), reviewOn, letterLanguage = "ko",
        });
        issued.StatusCode.ShouldBe(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync());
        return (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private Task<int> SendAsync(DateTimeOffset now) => app.UseAsync<ReviewReminders, int>(r => r.SendDueAsync(now, CancellationToken.None));

    private Task<DateTime?> SentAsync(int restrictionId) =>
        app.DbAsync(db => db.ProtectionRestrictions.Where(r => r.Id == restrictionId).Select(r => r.ReviewReminderSentAtUtc).SingleAsync());

    private async Task<List<(string To, string Subject, string TextBody)>> MailAboutAsync(int encounterId)
    {
        var link = $"/Protection/Encounters/{encounterId}\n";
        var rows = await app.DbAsync(db => db.OutboxMails.AsNoTracking().Where(m => m.TextBody.Contains(link) && (m.Subject.Contains("review") || m.Subject.Contains("검토")))
            .Select(m => new { m.To, m.Subject, m.TextBody }).ToListAsync());
        return [.. rows.Select(r => (r.To, r.Subject, r.TextBody))];
    }
}

public sealed class ReviewReminderSqliteTests(SqliteApp app) : ReviewReminderTests(app), IClassFixture<SqliteApp>;

public sealed class ReviewReminderPostgresTests(PostgresApp app) : ReviewReminderTests(app), IClassFixture<PostgresApp>;
