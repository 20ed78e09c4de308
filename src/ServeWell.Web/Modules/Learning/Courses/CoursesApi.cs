using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Media;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Courses;

public sealed record CourseSummaryDto(int Id, int ProgrammeId, LocalText Title, int? LatestVersion, int Lessons, int Minutes);

public sealed record CourseDto(int Id, int ProgrammeId, LocalText Title, int? LatestVersion, DateTime DraftUpdatedAt, CourseContent Draft);

public sealed record VersionDto(int CourseId, int Number, int Lessons, int Minutes, DateTime PublishedAtUtc);

public sealed record MyCourseDto(
    int ProgrammeId, string Title, string? DueDate, int Version, int Done, int Total, int Percent, int SecondsSpent, DateTime? CompletedAtUtc, int? ResumeLessonKey);

public sealed record VideoDto(string Url, string? EmbedUrl);

public sealed record LessonReadDto(int Key, string Section, string Title, string Html, VideoDto? Video, int Minutes, bool Done);

public sealed record MyCourseContentDto(MyCourseDto Progress, IReadOnlyList<LessonReadDto> Lessons);

/// <summary>What an offline device says about when a lesson was done; both optional (ADR-042).</summary>
public sealed record LessonDoneRequest(DateTimeOffset? DoneAt, int? SecondsSpent);

/// <summary>Courses for training officers, and the signed-in learner's own courses and progress (ADR-042).</summary>
public static class CoursesApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapCoursesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/courses", ListAsync).RequireAuthorization(Policies.ViewTraining).WithName("ListCourses")
            .WithSummary("Every programme's self-study course: its latest published version, lessons and estimated minutes.");
        api.MapGet("/courses/{id:int}", GetAsync).RequireAuthorization(Policies.ViewTraining).WithName("GetCourse")
            .WithSummary("A course's draft: sections and lessons (Markdown per language, video link, minutes).");
        api.MapPost("/courses/{id:int}/versions", PublishAsync).RequireAuthorization(Policies.ManageTraining).WithName("PublishCourse")
            .WithSummary("Publishes the draft as version n + 1; learners who started an earlier version finish that one. 409 when the draft is empty or equals the latest version.");
        api.MapGet("/courses/{id:int}/progress", ProgressAsync).RequireAuthorization(Policies.ViewCompliance).WithName("GetCourseProgress")
            .WithSummary("Enrolled, not started, in progress, done and overdue learners of the course's programme, within the reader's scope.");
        api.MapGet("/learning/courses", MineAsync).RequireAuthorization(Policies.Staff).WithName("ListMyCourses")
            .WithSummary("The signed-in employee's self-study courses with their progress.");
        api.MapGet("/learning/programmes/{programmeId:int}/course", MyCourseAsync).RequireAuthorization(Policies.Staff).WithName("GetMyCourse")
            .WithSummary("The version the employee studies, every lesson rendered to sanitised HTML in their language, and which are done.");
        api.MapPost("/learning/programmes/{programmeId:int}/lessons/{key:int}/done", DoneAsync).RequireAuthorization(Policies.Staff).WithName("MarkLessonDone")
            .WithSummary("Marks a lesson done. Needs an Idempotency-Key header (offline sync replays it): the same key answers the current progress again; used for another lesson, 422. doneAt (not later than now) and secondsSpent (at most 2 hours) are optional.");
        return api;
    }

    private static async Task<Ok<List<CourseSummaryDto>>> ListAsync(ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Courses.AsNoTracking()
            .Join(db.Programmes, c => c.ProgrammeId, p => p.Id, (c, p) => new { c.Id, c.ProgrammeId, p.Title })
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var latest = await db.CourseVersions.AsNoTracking().GroupBy(v => v.CourseId)
            .Select(g => g.OrderByDescending(v => v.Number).Select(v => new { v.CourseId, v.Number, v.LessonCount, v.Minutes }).First())
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => latest.FirstOrDefault(v => v.CourseId == r.Id) is { } v
            ? new CourseSummaryDto(r.Id, r.ProgrammeId, r.Title, v.Number, v.LessonCount, v.Minutes)
            : new CourseSummaryDto(r.Id, r.ProgrammeId, r.Title, null, 0, 0)).ToList());
    }

    private static async Task<Results<Ok<CourseDto>, NotFound>> GetAsync(int id, EditCourse edit, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } course)
        {
            return TypedResults.NotFound();
        }

        var title = await db.Programmes.Where(p => p.Id == course.ProgrammeId).Select(p => p.Title).FirstAsync(cancellationToken);
        var latest = await db.CourseVersions.Where(v => v.CourseId == id).MaxAsync(v => (int?)v.Number, cancellationToken);
        var media = await db.LessonMedia.AsNoTracking().Where(m => m.CourseId == id && m.RemovedAt == null).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CourseDto(course.Id, course.ProgrammeId, title, latest, course.DraftUpdatedAt, CourseContent.Of(course, media)));
    }

    private static async Task<Results<Created<VersionDto>, NotFound, ProblemHttpResult>> PublishAsync(
        int id, EditCourse edit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } course)
        {
            return TypedResults.NotFound();
        }

        var (version, problems) = await edit.PublishAsync(course, user.Identity?.Name ?? "api", cancellationToken);
        return version is null
            ? TypedResults.Problem(problems[0].Message, statusCode: StatusCodes.Status409Conflict, title: "Nothing to publish")
            : TypedResults.Created($"/api/v1/courses/{id}", new VersionDto(id, version.Number, version.LessonCount, version.Minutes, version.PublishedAtUtc));
    }

    private static async Task<Results<Ok<CourseProgressSummary>, NotFound>> ProgressAsync(
        int id, CourseProgressReport report, StaffScope scope, CancellationToken cancellationToken) =>
        await report.ReadAsync(id, await scope.GetAsync(cancellationToken), cancellationToken) is { } summary ? TypedResults.Ok(summary) : TypedResults.NotFound();

    /// <summary>An account without an employee record (an administrator) truly has no courses: an empty list, not a refusal.</summary>
    private static async Task<Ok<List<MyCourseDto>>> MineAsync(ClaimsPrincipal user, StudyCourse study, CancellationToken cancellationToken) =>
        TypedResults.Ok(user.EmployeeId() is { } employee ? (await study.MineAsync(employee, cancellationToken)).Select(Dto).ToList() : []);

    private static async Task<Results<Ok<MyCourseContentDto>, NotFound, ProblemHttpResult>> MyCourseAsync(
        int programmeId, ClaimsPrincipal user, StudyCourse study, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        if (await study.ReadAsync(programmeId, employee, cancellationToken) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var lessons = view.Content.Sections.SelectMany(s => s.Lessons.Select(l => new LessonReadDto(
            l.Key, s.Title.ToString(), l.Title.ToString(), LessonMarkdown.ToHtml(l.Body.ToString(), l.Media),
            LessonMarkdown.Video(l.VideoUrl) is { } v ? new VideoDto(v.Url, v.EmbedUrl) : null, l.Minutes, view.Progress.DoneKeys.Contains(l.Key)))).ToList();
        return TypedResults.Ok(new MyCourseContentDto(Dto(view), lessons));
    }

    private static async Task<Results<Ok<MyCourseDto>, NotFound, ProblemHttpResult>> DoneAsync(
        int programmeId, int key, [FromBody] LessonDoneRequest? request, HttpContext http, StudyCourse study, CancellationToken cancellationToken)
    {
        if (http.User.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        var idempotencyKey = http.Request.Headers[IdempotencyHeader].ToString().Trim();
        if (idempotencyKey.Length is 0 or > 100)
        {
            return TypedResults.Problem("Send an Idempotency-Key header of 1 to 100 characters, one per lesson marked done.", statusCode: 400, title: "Idempotency-Key missing");
        }

        var outcome = await study.MarkDoneAsync(
            programmeId, employee, key, request?.DoneAt?.UtcDateTime, request?.SecondsSpent, idempotencyKey, cancellationToken);
        if (outcome == MarkDoneOutcome.DoneByPackage)
        {
            return TypedResults.Problem("This lesson plays a purchased course; it is done when every item of that course is completed in the player.", statusCode: 409, title: "Done by its package");
        }

        if (outcome == MarkDoneOutcome.DoneByQuiz)
        {
            return TypedResults.Problem("This lesson is a quiz; it is done when the learner passes the quiz.", statusCode: 409, title: "Done by its quiz");
        }

        if (outcome == MarkDoneOutcome.KeyReused)
        {
            return TypedResults.Problem("This Idempotency-Key was already used to mark another lesson done.", statusCode: 422, title: "Idempotency-Key reused");
        }

        return outcome == MarkDoneOutcome.NotFound || await study.ReadAsync(programmeId, employee, cancellationToken) is not { } view
            ? TypedResults.NotFound()
            : TypedResults.Ok(Dto(view));
    }

    private static ProblemHttpResult NotLinked() =>
        TypedResults.Problem("Your account is not linked to an employee record, so it has no courses.", statusCode: 403, title: "No employee record");

    private static MyCourseDto Dto(StudyView v) => new(
        v.Programme.Id, v.Programme.Title.ToString(), v.Programme.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        v.Progress.VersionNumber, v.Progress.Done, v.Progress.Total, v.Progress.Percent, v.Progress.SecondsSpent, v.Progress.CompletedAtUtc, v.Progress.ResumeKey);
}
