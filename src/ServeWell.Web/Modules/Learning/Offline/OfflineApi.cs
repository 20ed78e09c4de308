using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Platform.Data;
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
            .WithSummary("Starts the learner's attempt if needed (so the version is fixed) and lists the pages a phone keeps for offline reading: text lessons, and for each quiz without a time limit not yet passed its attempt (started or resumed now) question by question. Other lessons need a connection.");
        api.MapPost("/learning/offline/sync", SyncAsync).RequireAuthorization(Policies.Staff).WithName("SyncOfflineProgress")
            .WithSummary($"Records up to {SyncProgress.MaxActions} things done on a phone while offline, in order, each with its own key and its own result: type lesson-done (programmeId, lessonKey), quiz-answer (attemptId, position, answer: the answer form's fields) or quiz-submit (attemptId). doneAt is when it happened on the phone, kept between the attempt's start and now. A replay changes nothing and answers the same; an answer older than the one saved is not applied.");
        api.MapGet("/learning/offline/token", Token).RequireAuthorization(Policies.Staff).WithName("GetOfflineSyncToken")
            .WithSummary("A fresh antiforgery token for the sync, as a page kept for days may carry a stale one.");
        return api;
    }

    private static async Task<Results<Ok<OfflineCopyDto>, NotFound, ProblemHttpResult>> CopyAsync(
        int programmeId, ClaimsPrincipal user, StudyCourse study, TakeQuiz take, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        if (await study.BeginAsync(programmeId, employee, cancellationToken) is not { } view)
        {
            return TypedResults.NotFound();
        }

        var untimed = await OfflineDevice.UntimedQuizzesAsync(db, view.Content, cancellationToken);
        var pages = new List<string> { OfflineDevice.CoursePath(programmeId) };
        var needsConnection = new List<int>();
        foreach (var lesson in view.Content.Lessons)
        {
            if (!OfflineDevice.ReadableOffline(lesson, untimed))
            {
                needsConnection.Add(lesson.Key);
                continue;
            }

            // An untimed quiz not yet passed (ADR-056): its attempt is started (or resumed) now, so the questions are drawn
            // on the server and the phone keeps each of them; answers made offline are saved to this same attempt.
            if (lesson.Kind == LessonKind.Quiz && !view.Progress.DoneKeys.Contains(lesson.Key)
                && (await take.StartAsync(lesson.QuizId!.Value, employee, cancellationToken)).Attempt is { } attempt)
            {
                pages.Add(OfflineDevice.AttemptPath(attempt.Id));
                pages.AddRange(attempt.Slots.Select(s => OfflineDevice.AttemptPath(attempt.Id, s.Position)).Order());
                pages.Add(OfflineDevice.SubmitPath(attempt.Id));
            }

            pages.Add(OfflineDevice.LessonPath(programmeId, lesson.Key));
        }

        return TypedResults.Ok(new OfflineCopyDto(programmeId, view.Progress.VersionNumber, pages, needsConnection));
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
