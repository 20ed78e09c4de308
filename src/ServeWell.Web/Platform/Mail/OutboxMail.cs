using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServeWell.Web.Platform.Mail;

public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt (the first, or a retry after a failure).</summary>
    Pending = 0,

    Sent = 1,

    /// <summary>Every attempt failed; an administrator may retry it from the outbox page.</summary>
    Failed = 2,
}

/// <summary>
/// A mail waiting to be sent, or sent: written in the same transaction as the change it reports, sent later by the
/// outbox worker (ADR-031). Holds the recipient and the text, so only administrators see it; not audited.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; private set; }

    public required string To { get; init; }

    /// <summary>The language the mail was written in ("ko", "en").</summary>
    public required string Language { get; init; }

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    public string? HtmlBody { get; init; }

    public List<OutboxAttachment> Attachments { get; } = [];

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the worker may try it (next); while an attempt runs, this is already the time of the retry after it.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Why the last attempt failed: the kind of error and a status code, never an address or the text.</summary>
    public string? LastError { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? SentAt { get; set; }
}

/// <summary>A file sent with an outbox mail (an .ics invitation, a PDF report).</summary>
public sealed class OutboxAttachment
{
    public long Id { get; private set; }

    public long MailId { get; private set; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("outbox_mails");
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Language).HasMaxLength(8);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.LastError).HasMaxLength(300);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MailId).OnDelete(DeleteBehavior.Cascade);
        // The worker's question: what is pending and due?
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CreatedAt);
    }
}

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> builder)
    {
        builder.ToTable("outbox_attachments");
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(200);
    }
}
