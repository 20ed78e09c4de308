using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Certificates;

/// <summary>
/// The public page a certificate's QR code opens. Open to anyone by design; it shows only the name, the programme,
/// the completion date (or, for an award, the award and its month) and whether the certificate is valid, expired or revoked.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel(ServeWellDbContext db, IAwardCertificates awards, TimeProvider clock) : PageModel
{
    public string? Code { get; private set; }

    public Certificate? Certificate { get; private set; }

    /// <summary>An award's certificate (ADR-064), when the code is one.</summary>
    public AwardCertificate? Award { get; private set; }

    public CertificateStatus? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, [FromQuery(Name = "q")] string? typed, CancellationToken cancellationToken)
    {
        if (code is null && !string.IsNullOrWhiteSpace(typed))
        {
            return Redirect($"/verify/{Uri.EscapeDataString(IssueCertificate.NormaliseCode(typed) ?? typed.Trim())}");
        }

        Code = code;
        if (code is null)
        {
            return Page();
        }

        Certificate = await CertificateLookup.FindAsync(db, code, cancellationToken);
        if (Certificate is null && await CertificateLookup.FindAwardAsync(awards, code, cancellationToken) is { } award)
        {
            (Award, Status) = (award, CertificateStatus.Valid);
            return Page();
        }

        if (Certificate is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Status = Certificate.StatusOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return Page();
    }
}
