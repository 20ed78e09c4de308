using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ServeWell.Web.Modules.Learning.Courses;

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
    /// Only a text lesson can be read and done offline. Anything else (a purchased SCORM course, a timed quiz, any kind
    /// added later) needs the server while it runs, so it is shown as "needs a connection".
    /// </summary>
    public static bool ReadableOffline(LessonContent lesson) => lesson.Kind == LessonKind.Text;

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
