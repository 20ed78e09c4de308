using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Certificates;

/// <summary>A training officer withdraws a certificate (issued in error, or obtained improperly), with the reason; audited.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class RevokeModel(ServeWellDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public Certificate Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var certificate = await CertificateLookup.FindAsync(db, code, cancellationToken);
        if (certificate is null)
        {
            return NotFound();
        }

        Certificate = certificate;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = IssueCertificate.NormaliseCode(code);
        var certificate = normalised is null ? null : await db.Certificates.FirstOrDefaultAsync(c => c.Code == normalised, cancellationToken);
        if (certificate is null)
        {
            return NotFound();
        }

        Certificate = certificate;
        if (certificate.RevokedAtUtc is not null)
        {
            return Page();
        }

        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            ModelState.AddModelError(nameof(Reason), string.IsNullOrEmpty(reason) ? l["Give the reason for revoking it."] : l["Keep the reason to 500 characters."]);
            return Page();
        }

        certificate.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        certificate.RevokedBy = User.Identity?.Name;
        certificate.RevocationReason = reason;
        await db.SaveChangesAsync(cancellationToken); // the audit trail records who, when and why (Certificate is audited)
        TempData.Saved(l["The certificate {0} of {1} is revoked.", certificate.Code, certificate.EmployeeName]);
        return Redirect($"/verify/{certificate.Code}");
    }
}
