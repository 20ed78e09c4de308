using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Admin.Outbox;

/// <summary>The mail outbox: every mail with its status, attempts, next try and last error (ADR-031); one mail opened.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(ServeWellDbContext db) : PageModel
{
    public const int Shown = 200;

    public sealed record MailRow(long Id, string To, string Language, string Subject, OutboxStatus Status, int Attempts, DateTime NextAttemptAt, string? LastError, DateTime CreatedAt, DateTime? SentAt);

    [BindProperty(SupportsGet = true)]
    public OutboxStatus? Status { get; set; }

    public IReadOnlyList<MailRow> Mails { get; private set; } = [];

    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();

    public MailRow? Open { get; private set; }

    public string OpenBody { get; private set; } = "";

    public IReadOnlyList<string> OpenAttachments { get; private set; } = [];


    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var mail = await db.OutboxMails.AsNoTracking().Include(m => m.Attachments).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (mail is null)
            {
                return NotFound();
            }

            Open = Row(mail);
            OpenBody = mail.TextBody;
            OpenAttachments = mail.Attachments.OrderBy(a => a.Id).Select(a => a.FileName).ToList();
            return Page();
        }

        Counts = (await db.OutboxMails.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);
        var query = db.OutboxMails.AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        Mails = (await query.OrderByDescending(m => m.Id).Take(Shown).ToListAsync(cancellationToken)).Select(Row).ToList();
        return Page();
    }

    internal static MailRow Row(OutboxMail m) => new(m.Id, m.To, m.Language, m.Subject, m.Status, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt);
}
