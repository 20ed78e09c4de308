using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Jobs;

namespace ServeWell.Web.Platform.Mail;

/// <summary>
/// Sends the outbox's due mails through <see cref="IMailSender"/>. Each mail is claimed first with a conditional UPDATE
/// that counts the attempt and sets the time of the retry should this attempt fail; only the claimer sends it, so two
/// workers never send the same mail (ADR-031). A mail that fails <see cref="MailOptions.MaxAttempts"/> times is Failed.
/// </summary>
public sealed class OutboxDelivery(ServeWellDbContext db, IMailSender sender, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDelivery> logger)
{
    public const int Batch = 100;

    /// <summary>The wait after the <paramref name="attempt"/>-th failed attempt: the first retry, doubled each time, at most the longest.</summary>
    public static TimeSpan RetryAfter(int attempt, MailOptions options)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(options.FirstRetry.Ticks * factor, options.LongestRetry.Ticks));
        return wait;
    }

    /// <summary>Sends every mail that is due, in batches; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.OutboxMails.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => new { m.Id, m.Attempts }).Take(Batch).ToListAsync(cancellationToken);
            var sentNow = 0;
            foreach (var m in due)
            {
                sentNow += await TryOneAsync(m.Id, m.Attempts, cancellationToken) == true ? 1 : 0;
            }

            sent += sentNow;
            // Stop when nothing is left, or when no mail of the batch went out (the server is down: wait for the retries).
            if (due.Count < Batch || sentNow == 0)
            {
                return sent;
            }
        }
    }

    /// <summary>Puts a failed mail back in the queue, due now, with a fresh set of attempts.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboxMails.Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), cancellationToken) == 1;
    }

    /// <summary>null: another worker had it; true: sent; false: this attempt failed.</summary>
    private async Task<bool?> TryOneAsync(long id, int attempts, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = attempts + 1;
        var retryAt = now + RetryAfter(attempt, o);
        var claimed = await db.OutboxMails
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.Attempts == attempts && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempt).SetProperty(m => m.NextAttemptAt, retryAt), cancellationToken);
        if (claimed != 1)
        {
            return null;
        }

        var mail = await db.OutboxMails.AsNoTracking().Include(m => m.Attachments).FirstAsync(m => m.Id == id, cancellationToken);
        try
        {
            await sender.SendAsync(
                new MailMessage(mail.To, mail.Subject, mail.TextBody, mail.HtmlBody, mail.Attachments.OrderBy(a => a.Id).Select(a => new MailAttachment(a.FileName, a.ContentType, a.Content)).ToList()),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = Describe(ex);
            Web.ServeWellMetrics.OutboxFailures.Add(1);
            var status = attempt >= o.MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
            // No address, no subject: the mail's id is enough to find it on the outbox page.
            logger.LogWarning("Outbox mail {MailId}: attempt {Attempt} failed ({Error}); {Status}", id, attempt, error, status);
            await db.OutboxMails.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastError, error).SetProperty(m => m.Status, status), CancellationToken.None);
            return false;
        }

        Web.ServeWellMetrics.OutboxSent.Add(1);
        var done = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMails.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, done).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        return true;
    }

    /// <summary>
    /// What went wrong, in words an administrator can act on and without personal data: a server's reply text may
    /// quote the address, so only the kind of error and its status code are kept.
    /// </summary>
    internal static string Describe(Exception ex) => ex switch
    {
        SocketException s => $"Cannot reach the mail server ({s.SocketErrorCode})",
        SmtpCommandException c => $"The mail server refused the mail ({(int)c.StatusCode} {c.StatusCode}, {c.ErrorCode})",
        SmtpProtocolException => "The mail server broke the SMTP conversation",
        MailKit.Security.AuthenticationException => "The mail server refused the user name or password",
        ServiceNotConnectedException or ServiceNotAuthenticatedException => "The connection to the mail server was lost",
        TimeoutException or OperationCanceledException => "The mail server did not answer in time",
        IOException => "The mail could not be written or read (" + ex.GetType().Name + ")",
        _ => ex.GetType().Name,
    };
}

/// <summary>Every few seconds, one node (the lease) sends the outbox's due mails.</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MailOptions> options, ILogger<OutboxWorker> logger)
    : LeasedPeriodicJob(scopes, clock, logger)
{
    public const string LeaseName = "mail-outbox";

    protected override string Lease => LeaseName;

    protected override TimeSpan Interval => options.Value.OutboxLook;

    protected override TimeSpan Look => options.Value.OutboxLook;

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<OutboxDelivery>().SendDueAsync(cancellationToken);
}

/// <summary>The outbox as a backlog: mails due and not yet sent, and how long the oldest of them has been due.</summary>
internal sealed class OutboxBacklog(ServeWellDbContext db, TimeProvider clock) : IBacklog
{
    public string Name => "outbox";

    public async Task<BacklogState> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = db.OutboxMails.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now);
        var waiting = await due.LongCountAsync(cancellationToken);
        var oldest = waiting == 0 ? (DateTime?)null : await due.MinAsync(m => (DateTime?)m.NextAttemptAt, cancellationToken);
        return new BacklogState(waiting, oldest is { } o && o < now ? now - o : TimeSpan.Zero);
    }
}
