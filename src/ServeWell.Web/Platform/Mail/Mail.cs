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

    /// <summary>How often each node looks for due mail in the outbox (one node at a time sends, ADR-031).</summary>
    public TimeSpan OutboxLook { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the first failed attempt; it doubles with every further failure, up to <see cref="LongestRetry"/>.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LongestRetry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a mail is Failed (about four hours of retries with the defaults).</summary>
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>A file sent with a message, e.g. an iCalendar invitation (text/calendar; method=REQUEST).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record MailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<MailAttachment>? Attachments = null);

/// <summary>Hands one message to the mail server (or the folder). Only the outbox worker calls it; everything else adds to <see cref="MailOutbox"/>.</summary>
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

        // A stalled server must not hold the outbox worker for MailKit's default two minutes.
        using var smtp = new SmtpClient { Timeout = 30_000 };
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
        builder.Services.AddOptions<MailOptions>()
            .Bind(builder.Configuration.GetSection(MailOptions.Section))
            .Validate(o => o.MaxAttempts >= 1 && o.FirstRetry > TimeSpan.Zero && o.LongestRetry >= o.FirstRetry && o.OutboxLook > TimeSpan.Zero,
                "Mail: MaxAttempts must be at least 1, FirstRetry and OutboxLook more than zero, LongestRetry at least FirstRetry.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IMailSender, MailKitSender>();
        builder.Services.AddScoped<MailOutbox>();
        builder.Services.AddScoped<OutboxDelivery>();
        builder.Services.AddScoped<Jobs.IBacklog, OutboxBacklog>();
        builder.Services.AddScoped<MailLanguage>();
        builder.Services.AddHostedService<OutboxWorker>();
        return builder;
    }
}
