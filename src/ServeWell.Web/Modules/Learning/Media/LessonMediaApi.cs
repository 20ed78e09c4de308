using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Media;

public sealed record LessonMediumDto(int Id, int LessonKey, string Kind, string FileName, string ContentType, long Bytes, string? AltText, string? Language, string Url, string Markdown, DateTime UploadedAt);

/// <summary>Lesson media (ADR-051): upload, list and remove on a draft lesson for training officers, and serving to readers.</summary>
public static class LessonMediaApi
{
    public static RouteGroupBuilder MapLessonMediaApi(this RouteGroupBuilder api)
    {
        api.MapGet("/courses/{id:int}/lessons/{key:int}/media", ListAsync).RequireAuthorization(Policies.ManageTraining).WithName("ListLessonMedia")
            .WithSummary("The media in a draft lesson: images, files, an MP4 video and its captions, each with its address and a Markdown snippet.");
        api.MapPost("/courses/{id:int}/lessons/{key:int}/media", UploadAsync).RequireAuthorization(Policies.ManageTraining)
            .DisableAntiforgery() // cookie calls need X-CSRF-TOKEN (ApiAntiforgery, ADR-028); key calls nothing
            .WithMetadata(new RequestSizeLimitAttribute(LessonMediaLimits.RequestCeilingBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = LessonMediaLimits.RequestCeilingBytes })
            .WithName("UploadLessonMedia")
            .WithSummary("Uploads files to a draft lesson (multipart: one or more \"file\" fields; an \"alt\" field per image, in their order; \"language\" ko or en for a WebVTT captions file). Checked by their bytes; all are stored or none (400 with a reason per file).");
        api.MapDelete("/courses/{id:int}/lessons/{key:int}/media/{mediumId:int}", DeleteAsync).RequireAuthorization(Policies.ManageTraining).WithName("RemoveLessonMedium")
            .WithSummary("Removes a medium from the draft lesson; published versions that list it keep serving it to their learners.");
        return api;
    }

    /// <summary>The media themselves, from this app's origin, under /Learning/ so a course kept offline keeps its images (ADR-045).</summary>
    public static IEndpointRouteBuilder MapLessonMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet(LessonMediaUrls.Prefix + "{id:int}/{**name}", ServeAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Who may read a medium: training officers (any, to preview), and learners whose version of the course lists it in the
    /// lesson (an employee not enrolled, or studying a version without it, is answered 404).
    /// </summary>
    public static async Task<bool> MayReadAsync(ClaimsPrincipal user, LessonMedium medium, IAuthorizationService authorization, ServeWellDbContext db, StudyCourse study, CancellationToken cancellationToken)
    {
        if ((await authorization.AuthorizeAsync(user, Policies.ManageTraining)).Succeeded)
        {
            return true;
        }

        if (user.EmployeeId() is not { } employee)
        {
            return false;
        }

        var programmeId = await db.Courses.Where(c => c.Id == medium.CourseId).Select(c => c.ProgrammeId).FirstAsync(cancellationToken);
        return await study.ReadAsync(programmeId, employee, cancellationToken) is { } view
            && view.Content.Lessons.Any(l => l.Key == medium.LessonKey && l.MediaOrNone.Any(m => m.Id == medium.Id));
    }

    private static async Task<IResult> ServeAsync(
        int id, HttpContext context, ServeWellDbContext db, LessonMediaLibrary library, IAuthorizationService authorization, StudyCourse study, CancellationToken cancellationToken)
    {
        var medium = await db.LessonMedia.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (medium is null || !await MayReadAsync(context.User, medium, authorization, db, study, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var file = await library.FileAsync(medium, cancellationToken);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Private: only the reader's own browser (and their offline copy) may keep it; a medium never changes, so a day is safe.
        headers.CacheControl = "private, max-age=86400";
        return TypedResults.PhysicalFile(
            file, medium.ContentType, medium.Kind == MediumKind.File ? medium.FileName : null,
            new DateTimeOffset(DateTime.SpecifyKind(medium.UploadedAt, DateTimeKind.Utc)), new EntityTagHeaderValue($"\"{medium.Sha256[..32]}\""), enableRangeProcessing: true);
    }

    private static async Task<Results<Ok<List<LessonMediumDto>>, NotFound>> ListAsync(int id, int key, EditCourse edit, LessonMediaLibrary library, CancellationToken cancellationToken)
    {
        if (!await IsDraftLessonAsync(edit, id, key, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await library.DraftAsync(id, key, cancellationToken)).Select(Dto).ToList());
    }

    private static async Task<Results<Created<List<LessonMediumDto>>, NotFound, ProblemHttpResult, ValidationProblem>> UploadAsync(
        int id, int key, HttpRequest request, EditCourse edit, LessonMediaLibrary library, ClaimsPrincipal user, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!await IsDraftLessonAsync(edit, id, key, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(l["Send the files as multipart form fields named \"file\"."], statusCode: StatusCodes.Status400BadRequest, title: l["No file"]);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var (added, problems) = await library.AddAsync(
            id, key, Uploads(form.Files), [.. form["alt"].Select(a => a ?? "")], form["language"].FirstOrDefault(), user.Identity?.Name ?? "api", cancellationToken);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["file"] = [.. problems.Select(p => p.In(l))] },
                title: l["Nothing was uploaded: every file must be accepted for any to be stored."]);
        }

        return TypedResults.Created($"/api/v1/courses/{id}/lessons/{key}/media", added.Select(Dto).ToList());
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(int id, int key, int mediumId, ServeWellDbContext db, LessonMediaLibrary library, CancellationToken cancellationToken)
    {
        var medium = await db.LessonMedia.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediumId && m.CourseId == id && m.LessonKey == key && m.RemovedAt == null, cancellationToken);
        if (medium is null)
        {
            return TypedResults.NotFound();
        }

        await library.RemoveAsync(medium, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The files of a form as uploads the library reads (each as often as it needs).</summary>
    public static List<MediumUpload> Uploads(IEnumerable<IFormFile> files) =>
        [.. files.Select(f => new MediumUpload(f.FileName, f.Length, f.OpenReadStream))];

    public static async Task<bool> IsDraftLessonAsync(EditCourse edit, int courseId, int key, CancellationToken cancellationToken) =>
        await edit.LoadAsync(courseId, cancellationToken) is { } course && course.Sections.Any(s => s.Lessons.Any(x => x.Id == key));

    public static string Snippet(LessonMedium m) => m.Kind switch
    {
        MediumKind.Image => $"![{m.AltText}]({LessonMediumContent.UrlOf(m.Id, m.FileName)})",
        MediumKind.File => $"[{m.FileName}]({LessonMediumContent.UrlOf(m.Id, m.FileName)})",
        _ => "",
    };

    private static LessonMediumDto Dto(LessonMedium m) => new(
        m.Id, m.LessonKey, m.Kind.ToString(), m.FileName, m.ContentType, m.Bytes, m.AltText, m.Language, LessonMediumContent.UrlOf(m.Id, m.FileName), Snippet(m), m.UploadedAt);
}
