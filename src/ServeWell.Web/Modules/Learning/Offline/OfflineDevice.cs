using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Offline;

/// <summary>What the server and the phone agree on for offline reading (ADR-045).</summary>
public static class OfflineDevice
{
    /// <summary>The service worker's address: its folder, /Learning/, is the scope that covers the course and lesson pages.</summary>
    public const string WorkerPath = "/Learning/offline-worker.js";

    public const string WorkerScope = "/Learning/";

    /// <summary>Sent when the phone fetches a lesson to keep it: the copy is not the learner opening the lesson.</summary>
    public const string CopyHeader = "X-ServeWell-Offline-Copy";

    public static string CoursePath(int programmeId) => $"/Learning/Programmes/{programmeId}";

    public static string LessonPath(int programmeId, int key) => $"/Learning/Programmes/{programmeId}/Lessons/{key}";

    /// <summary>
    /// A text lesson can be read and done offline, and a quiz without a time limit answered (ADR-056); <paramref
    /// name="untimedQuizzes"/> are the quizzes of the course that have none. Anything else (a purchased SCORM course, a
    /// timed quiz, any kind added later) needs the server while it runs, so it is shown as "needs a connection".
    /// </summary>
    public static bool ReadableOffline(LessonContent lesson, IReadOnlySet<int>? untimedQuizzes = null) => lesson.Kind switch
    {
        LessonKind.Text => true,
        LessonKind.Quiz => lesson.QuizId is { } quizId && untimedQuizzes?.Contains(quizId) == true,
        _ => false,
    };

    /// <summary>The quizzes of a course's lessons that have no time limit, so can be answered offline.</summary>
    public static async Task<IReadOnlySet<int>> UntimedQuizzesAsync(ServeWellDbContext db, CourseContent content, CancellationToken cancellationToken)
    {
        var ids = content.Lessons.Where(l => l.Kind == LessonKind.Quiz && l.QuizId is not null).Select(l => l.QuizId!.Value).Distinct().ToList();
        return ids.Count == 0
            ? new HashSet<int>()
            : (await db.Quizzes.AsNoTracking().Where(q => ids.Contains(q.Id) && q.TimeLimitMinutes == null).Select(q => q.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    public static string AttemptPath(long attemptId, int? position = null) =>
        position is { } q ? $"/Learning/Quiz/Attempts/{attemptId}?q={q}" : $"/Learning/Quiz/Attempts/{attemptId}";

    public static string SubmitPath(long attemptId) => $"/Learning/Quiz/Attempts/{attemptId}/Submit";

    /// <summary>
    /// Names the account's copies on the phone (cache and queue) without putting its id there: another account signed in
    /// on the same phone has another name and never reads them.
    /// </summary>
    public static string AccountKey(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("servewell-offline:" + id)))[..24];
    }

    /// <summary>Serves the worker from wwwroot under /Learning/, never cached by the browser, so an update reaches phones.</summary>
    public static IEndpointConventionBuilder MapOfflineWorker(this IEndpointRouteBuilder app) =>
        app.MapGet(WorkerPath, (IWebHostEnvironment env) =>
        {
            var file = env.WebRootFileProvider.GetFileInfo("js/learning-offline-worker.js");
            return Results.File(file.CreateReadStream(), "text/javascript; charset=utf-8");
        })
        .AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-cache";
            context.HttpContext.Response.Headers["Service-Worker-Allowed"] = WorkerScope;
            return await next(context);
        })
        .AllowAnonymous().ExcludeFromDescription();
}
