using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Scorm;

public sealed record ScormScoDto(int Id, int Position, int Depth, string Identifier, string Title, string LaunchPath, decimal? MasteryScore);

public sealed record ScormPackageDto(int Id, string Title, string Version, string FileName, long PackedBytes, int FileCount, DateTime UploadedAt, IReadOnlyList<ScormScoDto> Scos);

/// <summary>What a SCO's commit sends: the values it set since the last commit, and whether the session ends (LMSFinish / Terminate).</summary>
public sealed record ScormCommit(string Session, Dictionary<string, string> Values, bool Finish);

public sealed record ScormAttemptDto(int ScoId, string LessonStatus, decimal? ScoreRaw, decimal TotalSeconds, DateTime? CompletedAt);

/// <summary>The SCORM API (ADR-043): packages for training officers, a learner's commits, and the package's files for the player.</summary>
public static class ScormApi
{
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    public static RouteGroupBuilder MapScormApi(this RouteGroupBuilder api)
    {
        api.MapGet("/scorm/packages", ListAsync).RequireAuthorization(Policies.ManageTraining)
            .WithName("ListScormPackages").WithSummary("Purchased SCORM packages with the items each launches.");
        api.MapGet("/scorm/packages/{id:int}", GetAsync).RequireAuthorization(Policies.ManageTraining)
            .WithName("GetScormPackage").WithSummary("One SCORM package with its items.");
        api.MapPost("/scorm/packages", UploadAsync).RequireAuthorization(Policies.ManageTraining)
            .DisableAntiforgery() // cookie calls need X-CSRF-TOKEN (ApiAntiforgery, ADR-028); key calls nothing
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes + 1024 * 1024), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxUploadBytes + 1024 * 1024 })
            .WithName("UploadScormPackage").WithSummary("Upload a SCORM 1.2 or 2004 package (a zip, multipart field \"file\"); refused with the reason when it is not one.");
        api.MapPost("/scorm/scos/{scoId:int}/commit", CommitAsync).RequireAuthorization(Policies.Staff)
            .WithName("CommitScormValues").WithSummary("The run-time's commit: the values the SCO set, stored on the signed-in learner's attempt, all or none.");
        api.MapGet("/scorm/scos/{scoId:int}/attempt", AttemptAsync).RequireAuthorization(Policies.Staff)
            .WithName("GetScormAttempt").WithSummary("The signed-in learner's attempt at a SCO.");
        return api;
    }

    /// <summary>The package's files, for the player's frame, from this app's origin.</summary>
    public static IEndpointRouteBuilder MapScormContent(this IEndpointRouteBuilder app)
    {
        app.MapGet("/learning/scorm/{packageId:int}/content/{**path}", ContentAsync).RequireAuthorization(Policies.Staff);
        return app;
    }

    /// <summary>Who may open a package: training officers (to preview) and learners it is offered to (ADR-043).</summary>
    public static async Task<bool> MayLaunchAsync(ClaimsPrincipal user, int packageId, IAuthorizationService authorization, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if ((await authorization.AuthorizeAsync(user, Policies.ManageTraining)).Succeeded)
        {
            return true;
        }

        return user.EmployeeId() is { } employee && await ScormOffers.OfferedToAsync(db, packageId, employee, cancellationToken);
    }

    private static async Task<Ok<List<ScormPackageDto>>> ListAsync(ServeWellDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Set<ScormPackage>().AsNoTracking().Include(p => p.Scos).Where(p => p.RetiredAt == null).OrderByDescending(p => p.UploadedAt).ThenByDescending(p => p.Id).ToListAsync(cancellationToken))
            .Select(Dto).ToList());

    private static async Task<Results<Ok<ScormPackageDto>, NotFound>> GetAsync(int id, ServeWellDbContext db, CancellationToken cancellationToken) =>
        await db.Set<ScormPackage>().AsNoTracking().Include(p => p.Scos).FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } p
            ? TypedResults.Ok(Dto(p))
            : TypedResults.NotFound();

    private static async Task<Results<Created<ScormPackageDto>, ProblemHttpResult>> UploadAsync(
        IFormFile? file, ScormLibrary library, ClaimsPrincipal user, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return TypedResults.Problem(l["Send the package as a multipart form field named \"file\" (a .zip)."], statusCode: StatusCodes.Status400BadRequest, title: l["No file"]);
        }

        if (file.Length > MaxUploadBytes)
        {
            return TypedResults.Problem(l["The package is {0}; at most {1} is accepted.", ScormLimits.Megabytes(file.Length), ScormLimits.Megabytes(MaxUploadBytes)], statusCode: StatusCodes.Status413PayloadTooLarge, title: l["File too large"]);
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var package = await library.AddAsync(stream, file.FileName, user.Identity?.Name ?? "", cancellationToken);
            return TypedResults.Created($"/api/v1/scorm/packages/{package.Id}", Dto(package));
        }
        catch (ScormPackageException ex)
        {
            return TypedResults.Problem(l[ex.Problem.Text, ex.Problem.Values], statusCode: StatusCodes.Status400BadRequest, title: l["“{0}” is not a SCORM package ServeWell can play", Path.GetFileName(file.FileName)]);
        }
    }

    private static async Task<Results<Ok<ScormAttemptDto>, NotFound, ForbidHttpResult, ValidationProblem>> CommitAsync(
        int scoId, ScormCommit commit, ClaimsPrincipal user, ServeWellDbContext db, IAuthorizationService authorization, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sco = await db.Set<ScormSco>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == scoId, cancellationToken);
        if (sco is null)
        {
            return TypedResults.NotFound();
        }

        if (user.EmployeeId() is not { } employee || !await MayLaunchAsync(user, sco.PackageId, authorization, db, cancellationToken))
        {
            return TypedResults.Forbid();
        }

        var version = await db.Set<ScormPackage>().Where(p => p.Id == sco.PackageId).Select(p => p.Version).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = await db.Set<ScormAttempt>().FirstOrDefaultAsync(a => a.ScoId == scoId && a.EmployeeId == employee, cancellationToken);
        if (attempt is null)
        {
            attempt = new ScormAttempt { ScoId = scoId, EmployeeId = employee, StartedAt = now };
            db.Add(attempt);
        }

        var session = commit.Session.Length > 64 ? commit.Session[..64] : commit.Session;
        if (attempt.CurrentSession != session)
        {
            // A new visit: the last one's time counts even if it ended without LMSFinish (a closed tab).
            if (attempt.CurrentSession is not null)
            {
                ScormRuntime.EndSession(attempt);
            }

            attempt.CurrentSession = session;
        }

        var errors = ScormRuntime.Commit(version, attempt, sco.MasteryScore, commit.Values ?? [], commit.Finish, now);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Element).ToDictionary(g => g.Key, g => g.Select(e => $"\"{e.Value}\" is {e.Why}.").ToArray()),
                title: "The SCO set values outside the SCORM data model; nothing of this commit was stored.");
        }

        if (commit.Finish)
        {
            attempt.CurrentSession = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ScormAttemptDto(scoId, attempt.LessonStatus, attempt.ScoreRaw, attempt.TotalSeconds, attempt.CompletedAt));
    }

    private static async Task<Results<Ok<ScormAttemptDto>, NotFound>> AttemptAsync(int scoId, ClaimsPrincipal user, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var employee = user.EmployeeId();
        var attempt = await db.Set<ScormAttempt>().AsNoTracking().FirstOrDefaultAsync(a => a.ScoId == scoId && a.EmployeeId == employee, cancellationToken);
        return attempt is null ? TypedResults.NotFound() : TypedResults.Ok(new ScormAttemptDto(scoId, attempt.LessonStatus, attempt.ScoreRaw, attempt.TotalSeconds, attempt.CompletedAt));
    }

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static async Task<IResult> ContentAsync(
        int packageId, string path, HttpContext context, ScormLibrary library, ServeWellDbContext db, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var package = await db.Set<ScormPackage>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == packageId, cancellationToken);
        if (package is null || !await MayLaunchAsync(context.User, packageId, authorization, db, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var folder = await library.FolderAsync(package, cancellationToken);
        var file = ScormLibrary.FileIn(folder, path);
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        // The vendor's pages run in the player's frame, on this origin (the run-time API must be reachable from them):
        // they may use inline script, but may load nothing from elsewhere and be framed only by ServeWell itself.
        var headers = context.Response.Headers;
        headers.XFrameOptions = "SAMEORIGIN";
        headers.ContentSecurityPolicy = "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; frame-ancestors 'self'; form-action 'self'; base-uri 'self'";
        headers.CacheControl = "private, max-age=3600";
        if (!ContentTypes.TryGetContentType(file, out var type))
        {
            type = "application/octet-stream";
        }

        return TypedResults.PhysicalFile(file, type, enableRangeProcessing: true);
    }

    private static ScormPackageDto Dto(ScormPackage p) => new(
        p.Id, p.Title, p.Version == ScormVersion.Scorm12 ? "1.2" : "2004", p.FileName, p.PackedBytes, p.FileCount, p.UploadedAt,
        [.. p.Scos.OrderBy(s => s.Position).Select(s => new ScormScoDto(s.Id, s.Position, s.Depth, s.Identifier, s.Title, s.LaunchPath, s.MasteryScore))]);
}
