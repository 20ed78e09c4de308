using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Protection.Evidence;

public sealed record EvidenceDto(string FileName, string Kind, string ContentType, long Size, DateTime UploadedAtUtc, DateTime DeleteAfterUtc);

/// <summary>Evidence of an encounter (ADR-059): upload (multipart, field "files"), list, and the audited download.</summary>
public static class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        api.MapPost("/encounters/{id:int}/evidence", UploadAsync).RequireAuthorization(Policies.Staff).WithName("UploadEncounterEvidence")
            .DisableAntiforgery() // cookie calls need X-CSRF-TOKEN (ApiAntiforgery, ADR-028); key calls nothing
            .WithMetadata(new RequestSizeLimitAttribute(EvidenceOptions.RequestCeilingBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = EvidenceOptions.RequestCeilingBytes })
            .WithSummary("Adds photos (JPEG, PNG, HEIC), recordings (MP3, M4A, WAV) or PDF documents, judged by content; at most 10 MB a file and 5 an encounter. Encrypted at rest. All files or none.");
        api.MapGet("/encounters/{id:int}/evidence", ListAsync).RequireAuthorization(Policies.Staff).WithName("ListEncounterEvidence")
            .WithSummary("The evidence of an encounter the caller may see, without content.");
        api.MapGet("/encounters/{id:int}/evidence/{fileName}", DownloadAsync).RequireAuthorization(Policies.Staff).WithName("DownloadEncounterEvidence")
            .WithSummary("One piece of evidence, decrypted: only for the employee and the protection officers; every download is audited.");
        return api;
    }

    private static async Task<Results<Ok<List<EvidenceDto>>, NotFound, ValidationProblem>> UploadAsync(
        int id, [FromForm] IFormFileCollection files, ClaimsPrincipal user, ServeWellDbContext db, EvidenceLocker locker, CancellationToken cancellationToken)
    {
        var reader = await EncounterReader.ForAsync(user, db, cancellationToken);
        var (added, problems, notFound) = await locker.AddAsync(id, EvidenceUpload.Of(files), reader, cancellationToken);
        if (notFound)
        {
            return TypedResults.NotFound();
        }

        return problems.Count > 0 ? ProtectionResults.Invalid(problems) : TypedResults.Ok(added.Select(Dto).ToList());
    }

    private static async Task<Results<Ok<List<EvidenceDto>>, NotFound>> ListAsync(int id, ClaimsPrincipal user, ServeWellDbContext db, EncounterBook book, EvidenceLocker locker, CancellationToken cancellationToken)
    {
        var reader = await EncounterReader.ForAsync(user, db, cancellationToken);
        if (await book.FindAsync(id, reader, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await locker.ListAsync(id, cancellationToken)).Select(Dto).ToList());
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(int id, string fileName, ClaimsPrincipal user, ServeWellDbContext db, EvidenceLocker locker, CancellationToken cancellationToken)
    {
        var reader = await EncounterReader.ForAsync(user, db, cancellationToken);
        return await locker.OpenAsync(id, fileName, reader, cancellationToken) is { } opened
            ? TypedResults.File(opened.Bytes, opened.ContentType, opened.FileName)
            : TypedResults.NotFound();
    }

    public static EvidenceDto Dto(EncounterEvidence e) =>
        new(e.FileName, e.Kind.ToString().ToLowerInvariant(), e.ContentType, e.Size, e.UploadedAtUtc, e.DeleteAfterUtc);
}
