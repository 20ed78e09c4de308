using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Platform.Mail;

/// <summary>
/// Puts a mail into the outbox: it only ADDS a row to the caller's (scoped) DbContext, so the caller's SaveChanges
/// commits the mail with the change it reports, and a change that rolls back takes its mail with it (ADR-031).
/// </summary>
public sealed class MailOutbox(ServeWellDbContext db, TimeProvider clock)
{
    public OutboxMail Add(MailMessage message, string language)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mail = new OutboxMail
        {
            To = message.To, Language = language, Subject = message.Subject, TextBody = message.TextBody, HtmlBody = message.HtmlBody,
            Status = OutboxStatus.Pending, NextAttemptAt = now, CreatedAt = now,
        };
        mail.Attachments.AddRange((message.Attachments ?? []).Select(a => new OutboxAttachment { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content }));
        db.OutboxMails.Add(mail);
        return mail;
    }
}
