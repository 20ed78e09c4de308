using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Offline;

/// <summary>The pages a phone keeps for one course: the course page and each lesson that can be read without a connection.</summary>
public sealed record OfflineCopyDto(int ProgrammeId, int Version, IReadOnlyList<string> Pages, IReadOnlyList<int> NeedsConnection);

public sealed record OfflineTokenDto(string Token);

/// <summary>The learner's offline copy and the sync of what they did offline (ADR-045); all for the signed-in employee only.</summary>
public static class OfflineApi
{
    public static RouteGroupBuilder MapOfflineApi(this RouteGroupBuilder api)
    {
        api.MapPost("/learning/programmes/{programmeId:int}/offline-copy", CopyAsync).RequireAuthorization(Policies.Staff).WithName("KeepCourseOffline")
            .WithSummary("Starts the learner's attempt if needed (so the version is fixed) and lists the pages a phone keeps for offline reading; lessons that are not text need a connection.");
        api.MapPost("/learning/offline/sync", SyncAsync).RequireAuthorization(Policies.Staff).WithName("SyncOfflineProgress")
            .WithSummary($"Records up to {SyncProgress.MaxActions} lessons marked done on a phone while offline, each with its own key and its own result; a replayed key changes nothing and answers the same. doneAt is kept between the attempt's start and now.");
        api.MapGet("/learning/offline/token", Token).RequireAuthorization(Policies.Staff).WithName("GetOfflineSyncToken")
            .WithSummary("A fresh antiforgery token for the sync, as a page kept for days may carry a stale one.");
        return api;
    }

    private static async Task<Results<Ok<OfflineCopyDto>, NotFound, ProblemHttpResult>> CopyAsync(
        int programmeId, ClaimsPrincipal user, StudyCourse study, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        if (await study.BeginAsync(programmeId, employee, cancellationToken) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var lessons = view.Content.Lessons;
        var pages = new List<string> { OfflineDevice.CoursePath(programmeId) };
        pages.AddRange(lessons.Where(OfflineDevice.ReadableOffline).Select(l => OfflineDevice.LessonPath(programmeId, l.Key)));
        return TypedResults.Ok(new OfflineCopyDto(
            programmeId, view.Progress.VersionNumber, pages, [.. lessons.Where(l => !OfflineDevice.ReadableOffline(l)).Select(l => l.Key)]));
    }

    private static async Task<Results<Ok<OfflineSyncResponse>, ProblemHttpResult>> SyncAsync(
        [FromBody] OfflineSyncRequest? request, ClaimsPrincipal user, SyncProgress sync, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        if (request?.Actions is not { Count: > 0 and <= SyncProgress.MaxActions } actions)
        {
            return TypedResults.Problem($"actions: send 1 to {SyncProgress.MaxActions} actions.", statusCode: 400, title: "No actions");
        }

        return TypedResults.Ok(await sync.RunAsync(employee, actions, cancellationToken));
    }

    private static Ok<OfflineTokenDto> Token(HttpContext http, IAntiforgery antiforgery) =>
        TypedResults.Ok(new OfflineTokenDto(antiforgery.GetAndStoreTokens(http).RequestToken!));

    private static ProblemHttpResult NotLinked() =>
        TypedResults.Problem("Your account is not linked to an employee record, so it has no courses.", statusCode: 403, title: "No employee record");
}
