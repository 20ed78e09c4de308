using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Certificates;

/// <summary>What anyone may learn from a verification code: whose, what, when, and whether it still stands. Nothing else.</summary>
public sealed record CertificateVerificationDto(
    string Code, string Status, string Name, string? Programme, string? CompletedOn, string? ValidUntil, string Kind = "completion", string? Award = null, string? Month = null);

public sealed record CompletionDto(
    string Programme, int ProgrammeId, int Cycle, string CompletedOn, string? CertificateCode, string? CertificateStatus, string? ValidUntil);

public static class CertificatesApi
{
    public static RouteGroupBuilder MapCertificatesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/certificates/{code}", VerifyAsync)
            .AllowAnonymous() // public by design: the QR code on a printed certificate opens it, no sign-in
            .WithName("VerifyCertificate")
            .WithSummary("Public verification of a certificate code: status (Valid, Expired, Revoked), name, programme and dates.");
        api.MapGet("/employees/{employeeNumber}/completions", CompletionsAsync)
            .RequireAuthorization(Policies.ViewPeople)
            .WithName("ListEmployeeCompletions")
            .WithSummary("An employee's completions in every cycle, with their certificates; within the caller's scope.");
        return api;
    }

    /// <summary>The PDF, for its owner and for staff whose scope covers the owner; everyone else gets "not found".</summary>
    public static WebApplication MapCertificateDownload(this WebApplication app)
    {
        app.MapGet("/Training/Certificates/{code}/pdf", DownloadAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<CertificateVerificationDto>, NotFound>> VerifyAsync(
        string code, ServeWellDbContext db, IAwardCertificates awards, TimeProvider clock, CancellationToken cancellationToken)
    {
        var certificate = await CertificateLookup.FindAsync(db, code, cancellationToken);
        if (certificate is null)
        {
            // An award's certificate stands as long as the award does (ADR-064): there is no expiry and no revocation.
            return await CertificateLookup.FindAwardAsync(awards, code, cancellationToken) is { } award
                ? TypedResults.Ok(new CertificateVerificationDto(award.Code, nameof(CertificateStatus.Valid), award.EmployeeName, null, null, null, "award",
                    award.AwardName.ToString(), award.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)))
                : TypedResults.NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(new CertificateVerificationDto(
            certificate.Code, certificate.StatusOn(today).ToString(), certificate.EmployeeName, certificate.ProgrammeTitle, Iso(certificate.CompletedOn), certificate.ExpiresOn is { } e ? Iso(e) : null));
    }

    private static async Task<Results<Ok<List<CompletionDto>>, NotFound>> CompletionsAsync(
        string employeeNumber, ServeWellDbContext db, StaffScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        var employeeId = await filter.Apply(db.Employees).Where(e => e.EmployeeNumber == employeeNumber).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (employeeId is null)
        {
            return TypedResults.NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var completions = await db.Completions.AsNoTracking().Where(c => c.EmployeeId == employeeId)
            .Join(db.Programmes, c => c.ProgrammeId, p => p.Id, (c, p) => new { c, p.Title })
            .OrderByDescending(x => x.c.CompletedOn).ThenByDescending(x => x.c.Id).ToListAsync(cancellationToken);
        var ids = completions.Select(x => x.c.Id).ToList();
        var certificates = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.CompletionId)).ToDictionaryAsync(c => c.CompletionId, cancellationToken);
        return TypedResults.Ok(completions.Select(x =>
        {
            var certificate = certificates.GetValueOrDefault(x.c.Id);
            return new CompletionDto(x.Title.ToString(), x.c.ProgrammeId, x.c.Cycle, Iso(x.c.CompletedOn), certificate?.Code, certificate?.StatusOn(today).ToString(),
                certificate?.ExpiresOn is { } e ? Iso(e) : null);
        }).ToList());
    }

    private static async Task<IResult> DownloadAsync(
        string code, HttpContext http, ServeWellDbContext db, StaffScope scope, IAwardCertificates awards, CertificatePdf pdf, PublicUrl publicUrl,
        CancellationToken cancellationToken)
    {
        var certificate = await CertificateLookup.FindAsync(db, code, cancellationToken);
        var award = certificate is null ? await CertificateLookup.FindAwardAsync(awards, code, cancellationToken) : null;
        var owner = certificate?.EmployeeId ?? award?.EmployeeId;
        if (owner is null || !await MayReadAsync(http, db, scope, owner.Value, cancellationToken))
        {
            return Results.NotFound();
        }

        var stored = certificate?.Code ?? award!.Code;
        var url = publicUrl.For(http.Request, $"/verify/{stored}");
        var bytes = certificate is not null
            ? await pdf.RenderAsync(certificate, url, cancellationToken)
            : await pdf.RenderAwardAsync(award!, url, cancellationToken);
        return Results.File(bytes, "application/pdf", $"certificate-{stored}.pdf");
    }

    /// <summary>The owner, and staff whose scope covers the owner.</summary>
    private static async Task<bool> MayReadAsync(HttpContext http, ServeWellDbContext db, StaffScope scope, int ownerEmployeeId, CancellationToken cancellationToken)
    {
        if (http.User.EmployeeId() == ownerEmployeeId)
        {
            return true;
        }

        var filter = await scope.GetAsync(cancellationToken);
        return filter.SeesOthers && await filter.Apply(db.Employees).AnyAsync(e => e.Id == ownerEmployeeId, cancellationToken);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public static class CertificateLookup
{
    /// <summary>The certificate of a code as typed (any case, with or without dashes), or null.</summary>
    public static async Task<Certificate?> FindAsync(ServeWellDbContext db, string? typed, CancellationToken cancellationToken) =>
        IssueCertificate.NormaliseCode(typed) is { } code
            ? await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken)
            : null;

    /// <summary>The award certificate of a code as typed (ADR-064), or null.</summary>
    public static async Task<AwardCertificate?> FindAwardAsync(IAwardCertificates awards, string? typed, CancellationToken cancellationToken) =>
        IssueCertificate.NormaliseCode(typed) is { } code ? await awards.FindAsync(code, cancellationToken) : null;
}
