using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.FollowUps.Contacts;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.FollowUps.Notices;

/// <summary>
/// Turns queued follow-up notices into mail: to supervisors in their language (else the city's), to the citizen in the
/// language they answered in. Each notice is claimed with a conditional UPDATE, so of several nodes only one writes it;
/// the mail goes into the outbox in the same transaction that marks the notice done (ADR-031).
/// </summary>
public sealed class FollowUpMailer(
    ServeWellDbContext db, MailOutbox outbox, MailLanguage language, ContactVault vault, BusinessCalendar calendar,
    IConfiguration configuration, TimeProvider clock, ILogger<FollowUpMailer> logger)
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    /// <summary>Sends every notice that is due; returns how many went out.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.Set<FollowUpNotice>().AsNoTracking()
            .Where(n => n.SentAtUtc == null && n.Attempts < MaxAttempts && (n.ClaimedUntilUtc == null || n.ClaimedUntilUtc <= now))
            .OrderBy(n => n.Id).Select(n => n.Id).Take(200).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in ids)
        {
            var until = now + Claim;
            var claimed = await db.Set<FollowUpNotice>()
                .Where(n => n.Id == id && n.SentAtUtc == null && (n.ClaimedUntilUtc == null || n.ClaimedUntilUtc <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntilUtc, until).SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            try
            {
                // The mail and the notice's "done" commit together: a notice is never mailed twice, nor marked done unmailed.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var outcome = await WriteAsync(id, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                var done = clock.GetUtcNow().UtcDateTime;
                await db.Set<FollowUpNotice>().Where(n => n.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAtUtc, done).SetProperty(n => n.LastError, outcome), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                if (outcome is null)
                {
                    sent++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The exception carries no citizen data; the address is not logged.
                logger.LogWarning(ex, "Follow-up notice {NoticeId} could not be written", id);
                db.ChangeTracker.Clear();
                await db.Set<FollowUpNotice>().Where(n => n.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.LastError, ex.GetType().Name).SetProperty(n => n.ClaimedUntilUtc, now + TimeSpan.FromMinutes(1)), cancellationToken);
            }
        }

        return sent;
    }

    /// <summary>Adds one notice's mail to the outbox; returns null when added, or why there was nothing to send (the notice is then done too).</summary>
    private async Task<string?> WriteAsync(long id, CancellationToken cancellationToken)
    {
        var notice = await db.Set<FollowUpNotice>().AsNoTracking().FirstAsync(n => n.Id == id, cancellationToken);
        var followUp = await db.Set<FollowUpCase>().AsNoTracking().Include(c => c.OrgUnit).FirstAsync(c => c.Id == notice.CaseId, cancellationToken);
        if (notice.Kind == FollowUpNoticeKind.Resolved)
        {
            var stored = await db.Set<FollowUpContact>().AsNoTracking().FirstOrDefaultAsync(c => c.CaseId == followUp.Id, cancellationToken);
            var email = stored is null ? null : vault.Unprotect(stored.Protected).Email;
            if (email is null)
            {
                return "no email address any more";
            }

            var citizenLanguage = language.Of(followUp.Language);
            var (subject, body) = language.Write(citizenLanguage, l => (
                (string)l["Your feedback to {0}", followUp.OrgUnit!.DisplayName(Cultures.ReadsEnglish)],
                $"{l["Thank you for telling us about your visit to {0} on {1}.", followUp.OrgUnit!.DisplayName(Cultures.ReadsEnglish), calendar.Today(followUp.AnsweredAtUtc).ToString("D", CultureInfo.CurrentCulture)]}\n\n" +
                $"{l["We looked into what you told us and have resolved the matter. Thank you for helping us serve you better."]}\n\n" +
                $"{followUp.OrgUnit!.DisplayName(Cultures.ReadsEnglish)}\n"));
            outbox.Add(new MailMessage(email, subject, body), citizenLanguage);
            return null;
        }

        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == notice.RecipientUserId)
            .Select(u => new { u.Email, u.PreferredCulture }).FirstOrDefaultAsync(cancellationToken);
        if (recipient?.Email is null)
        {
            return "no recipient any more";
        }

        var link = Link($"/FollowUps/Case/{followUp.Id}");
        var staffLanguage = language.Of(recipient.PreferredCulture);
        var (staffSubject, staffBody) = language.Write(staffLanguage, l =>
        {
            var office = followUp.OrgUnit!.DisplayName(Cultures.ReadsEnglish);
            var due = followUp.DueOn.ToString("D", CultureInfo.CurrentCulture);
            return notice.Kind is FollowUpNoticeKind.Overdue or FollowUpNoticeKind.Escalated
                ? ((string)l["Overdue follow-up at {0}", office],
                    $"{l["A citizen's follow-up case at {0} was due on {1} and is still open.", office, due]}" +
                    $"{(notice.Kind == FollowUpNoticeKind.Escalated ? " " + l["It is escalated to you as the next level up."] : "")}\n\n{link}\n")
                : ((string)l["A citizen's feedback at {0} needs your follow-up", office],
                    $"{l["A citizen rated a service at {0} {1} out of 5.", office, followUp.Overall]} " +
                    $"{(followUp.ContactRequested ? l["They asked to be contacted."] : "")}\n" +
                    $"{l["Please follow up by {0}:", due]}\n\n{link}\n");
        });
        outbox.Add(new MailMessage(recipient.Email, staffSubject, staffBody), staffLanguage);
        return null;
    }

    private string Link(string path)
    {
        // Mail goes from a background job, with no request to take a host from; PublicUrl is required outside Development.
        var configured = configuration[PublicUrl.Setting];
        var root = !string.IsNullOrWhiteSpace(configured) ? configured
            : configuration["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "http://localhost:5080";
        return root.TrimEnd('/') + path;
    }
}
