using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ServeWell.Web.Platform.Mail;

public enum MailMode
{
    /// <summary>Each message is written as an .eml file into <see cref="MailOptions.Folder"/> and shown on the admin outbox page.</summary>
    Folder,
    Smtp,
}

public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailMode Mode { get; set; } = MailMode.Folder;

    public string Folder { get; set; } = "data/outbox";

    public string From { get; set; } = "ServeWell <no-reply@servewell.local>";

    public string SmtpHost { get; set; } = "localhost";

    public int SmtpPort { get; set; } = 587;

    public bool SmtpStartTls { get; set; } = true;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }
}

/// <summary>A file sent with a message, e.g. an iCalendar invitation (text/calendar; method=REQUEST).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record MailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<MailAttachment>? Attachments = null);

public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through MailKit: over SMTP, or as .eml files in a folder in development.</summary>
public sealed class MailKitSender(IOptions<MailOptions> options, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(o.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Date = clock.GetUtcNow();
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();

        if (o.Mode == MailMode.Folder)
        {
            var folder = Path.GetFullPath(o.Folder);
            Directory.CreateDirectory(folder);
            var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml";
            var temp = Path.Combine(folder, name + ".tmp");
            await mime.WriteToAsync(temp, cancellationToken);
            File.Move(temp, Path.Combine(folder, name));
            return;
        }

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SmtpStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            await smtp.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", cancellationToken);
        }

        await smtp.SendAsync(mime, cancellationToken);
        await smtp.DisconnectAsync(true, cancellationToken);
    }
}

public static class MailRegistration
{
    public static WebApplicationBuilder AddServeWellMail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
        builder.Services.AddSingleton<IMailSender, MailKitSender>();
        return builder;
    }
}
