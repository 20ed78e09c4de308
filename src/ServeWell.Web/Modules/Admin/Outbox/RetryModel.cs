using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Admin.Outbox;

/// <summary>Asks before a failed mail is sent again, then queues it with a fresh set of attempts and says so.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class RetryModel(ServeWellDbContext db, OutboxDelivery delivery, IStringLocalizer<SharedResource> l) : PageModel
{
    public IndexModel.MailRow Mail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var mail = await db.OutboxMails.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mail is null)
        {
            return NotFound();
        }

        if (mail.Status != OutboxStatus.Failed)
        {
            return Redirect($"/Admin/Outbox/{id}");
        }

        Mail = IndexModel.Row(mail);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var mail = await db.OutboxMails.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mail is null)
        {
            return NotFound();
        }

        TempData.Saved(await delivery.RetryAsync(id, cancellationToken)
            ? l["The mail to {0} is queued again and will be sent within a minute.", mail.To].Value
            : l["The mail to {0} was not failed any more, so nothing changed.", mail.To].Value);
        return Redirect($"/Admin/Outbox/{id}");
    }
}
