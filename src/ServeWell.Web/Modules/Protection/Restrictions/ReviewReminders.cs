using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Modules.Protection.Support;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Protection.Restrictions;

/// <summary>When the reminder before a restriction's review goes out (<c>Protection:Restrictions</c>).</summary>
public sealed class RestrictionOptions
{
    public const string Section = "Protection:Restrictions";

    /// <summary>Days before the review date, in the city's calendar, when the officers and the issuer are reminded.</summary>
    public int ReviewReminderDays { get; set; } = 7;
}

/// <summary>
/// Reminds the protection officers over the employee's unit and the restriction's issuer that a restriction is due for
/// review (issue 17, ADR-062): from <see cref="RestrictionOptions.ReviewReminderDays"/> days before the review date, in
/// the city's calendar, once — the reminder's time is set in the same SaveChanges as the outbox mail. Each recipient
/// reads it in their own language; it names the scope, the dates and the encounter's reference, never the person.
/// </summary>
public sealed class ReviewReminders(
    ServeWellDbContext db, EncounterNotices notices, MailOutbox outbox, MailLanguage language, CityClock city, PublicUrl publicUrl,
    IOptions<RestrictionOptions> options)
{
    /// <summary>Sends the reminders due at <paramref name="now"/>; returns how many restrictions were reminded of.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = city.DateOf(now);
        var horizon = today.AddDays(options.Value.ReviewReminderDays);
        var due = await db.ProtectionRestrictions
            .Where(r => r.ReviewReminderSentAtUtc == null && r.ReviewOn >= today && r.ReviewOn <= horizon && r.EndsOn >= today)
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var restriction in due)
        {
            var encounter = await db.ProtectionEncounters.AsNoTracking().Where(e => e.Id == restriction.EncounterId)
                .Select(e => new { e.Id, e.Reference, e.Employee!.OrgUnit!.Path }).SingleAsync(cancellationToken);
            var issuer = await db.Users.AsNoTracking().Where(u => u.Id == restriction.IssuedByUserId && u.Email != null)
                .Select(u => new EncounterNotices.Recipient(u.Id, u.Email!, u.PreferredCulture)).ToListAsync(cancellationToken);
            var recipients = (await notices.OfficersOverAsync(encounter.Path, cancellationToken)).Concat(issuer).DistinctBy(r => r.UserId);
            var link = publicUrl.ForBackground($"/Protection/Encounters/{encounter.Id}");
            foreach (var r in recipients)
            {
                var lang = language.Of(r.PreferredCulture);
                var (subject, body) = language.Write(lang, l =>
                {
                    var review = restriction.ReviewOn.ToString("D", CultureInfo.CurrentCulture);
                    var scope = l[ProtectionActions.Scopes.First(s => s.Value == restriction.Scope).Label];
                    return ((string)l["Staff protection: a restriction is due for review on {0}", review],
                        $"{l["The restriction \"{0}\" issued after encounter {1} runs until {2} and is due for review on {3}.", scope, encounter.Reference, restriction.EndsOn.ToString("D", CultureInfo.CurrentCulture), review]}\n" +
                        $"{l["Decide whether it is still needed, and change or end it if not:"]}\n\n{link}\n");
                });
                outbox.Add(new MailMessage(r.Email, subject, body), lang);
            }

            restriction.ReviewReminderSentAtUtc = now.UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return due.Count;
    }
}

/// <summary>The leased job that sends the review reminders, on one node at a time (ADR-055).</summary>
public sealed class ReviewReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReviewReminderJob> logger)
    : Platform.Jobs.LeasedPeriodicJob(scopes, clock, logger)
{
    protected override string Lease => "protection-restriction-reviews";

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override TimeSpan Look => TimeSpan.FromMinutes(10);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var sent = await services.GetRequiredService<ReviewReminders>().SendDueAsync(now, cancellationToken);
        if (sent > 0)
        {
            logger.LogInformation("Protection: review reminders sent for {Count} restrictions", sent);
        }
    }
}
