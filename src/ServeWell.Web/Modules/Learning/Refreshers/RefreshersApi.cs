using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Refreshers;

/// <summary>Whether the signed-in employee gets refreshers.</summary>
public sealed record RefresherChoiceRequest(bool OptedOut);

public sealed record RefresherChoiceDto(bool OptedOut);

/// <summary>The signed-in employee's refreshers, and per-course figures for training officers (ADR-050).</summary>
public static class RefreshersApi
{
    public static RouteGroupBuilder MapRefreshersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/learning/refreshers", TodayAsync).RequireAuthorization(Policies.Staff).WithName("GetMyRefreshers")
            .WithSummary("The signed-in employee's refresher for today: at most 5 due questions (missed in a completed course's quizzes, spaced by Leitner boxes after 1, 3, 7, 14 and 30 days), in the reader's language; none when opted out.");
        api.MapPost("/learning/refreshers/{cardId:long}/answers", AnswerAsync).RequireAuthorization(Policies.Staff).WithName("AnswerRefresher")
            .WithSummary("Answers one due question (body as a quiz answer: chosen, text, order). Needs an Idempotency-Key header: the same key answers the first result again (200); new answers 201 with right or wrong, feedback and the next day. 404 for a question that is not the caller's; 409 when it is not due today, today's five are used or the caller opted out; 422 when the answer does not fit or the key was used for another question.");
        api.MapPut("/learning/refreshers/opt-out", ChooseAsync).RequireAuthorization(Policies.Staff).WithName("SetRefresherOptOut")
            .WithSummary("Opts the signed-in employee out of refreshers ({\"optedOut\": true}) or back in (false); the boxes are kept.");
        api.MapGet("/learning/refreshers/figures", FiguresAsync).RequireAuthorization(Policies.ViewCompliance).WithName("GetRefresherFigures")
            .WithSummary("Per course, within the reader's scope: employees with questions still asked and the share of questions that reached the last box; withheld below the city's minimum group size. No per-employee figures.");
        return api;
    }

    /// <summary>An account without an employee record has no refreshers: an empty day, as the course list answers an empty list.</summary>
    private static async Task<Ok<RefresherToday>> TodayAsync(ClaimsPrincipal user, RefresherSchedule schedule, CityClock city, CancellationToken cancellationToken) =>
        TypedResults.Ok(user.EmployeeId() is { } employee ? await schedule.TodayAsync(employee, cancellationToken) : new RefresherToday(false, city.Today, 0, [], null, 0));

    private static async Task<Results<Created<RefresherResult>, Ok<RefresherResult>, NotFound, ProblemHttpResult>> AnswerAsync(
        long cardId, QuizAnswerRequest request, HttpContext http, RefresherSchedule schedule, CancellationToken cancellationToken)
    {
        if (http.User.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        var key = http.Request.Headers[CoursesApi.IdempotencyHeader].ToString().Trim();
        if (key.Length is 0 or > 100)
        {
            return TypedResults.Problem("Send an Idempotency-Key header of 1 to 100 characters, one per answer.", statusCode: 400, title: "Idempotency-Key missing");
        }

        var result = await schedule.AnswerAsync(employee, cardId, new QuestionResponse(request.Chosen ?? [], request.Text, request.Order), key, cancellationToken);
        return result.Outcome switch
        {
            RefresherOutcome.Answered => TypedResults.Created($"/api/v1/learning/refreshers/answers/{result.Result!.AnswerId}", result.Result),
            RefresherOutcome.Repeated => TypedResults.Ok(result.Result),
            RefresherOutcome.NotDue => TypedResults.Problem("This question is not due today, today's refresher is done, or you opted out of refreshers.", statusCode: 409, title: "Not due"),
            RefresherOutcome.KeyReused => TypedResults.Problem("This Idempotency-Key was already used for another answer.", statusCode: 422, title: "Idempotency-Key reused"),
            RefresherOutcome.Invalid => TypedResults.Problem(result.Problem, statusCode: 422, title: "Answer does not fit the question"),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<RefresherChoiceDto>, ProblemHttpResult>> ChooseAsync(
        RefresherChoiceRequest request, ClaimsPrincipal user, RefresherSchedule schedule, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        await schedule.SetOptedOutAsync(employee, request.OptedOut, cancellationToken);
        return TypedResults.Ok(new RefresherChoiceDto(request.OptedOut));
    }

    private static async Task<Ok<IReadOnlyList<RefresherCourseFigures>>> FiguresAsync(RefresherFigures figures, StaffScope scope, CancellationToken cancellationToken) =>
        TypedResults.Ok(await figures.ReadAsync(await scope.GetAsync(cancellationToken), cancellationToken));

    private static ProblemHttpResult NotLinked() =>
        TypedResults.Problem("Your account is not linked to an employee record, so it has no refreshers.", statusCode: 403, title: "No employee record");
}
