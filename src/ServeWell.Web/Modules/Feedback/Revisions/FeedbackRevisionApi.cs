using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback.Revisions;

/// <summary>Leaves an answer out of every figure.</summary>
public sealed class ExclusionRequest
{
    /// <summary>spam, test, duplicate, abusive or other.</summary>
    public string? Reason { get; set; }

    /// <summary>Optional, at most 500 characters; kept with the answer and in the audit log.</summary>
    public string? Note { get; set; }
}

public static class FeedbackRevisionApi
{
    public static RouteGroupBuilder MapFeedbackRevisionApi(this RouteGroupBuilder api)
    {
        api.MapGet("/feedback/answers/{id:long}/exclusion", GetAsync)
            .RequireAuthorization(Policies.ReviseFeedback)
            .WithName("GetFeedbackExclusion")
            .WithSummary("Whether an answer is excluded from the figures, why, by whom and when; 404 outside the caller's scope.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/feedback/answers/{id:long}/exclusion", ExcludeAsync)
            .RequireAuthorization(Policies.ReviseFeedback)
            .WithName("ExcludeFeedbackAnswer")
            .WithSummary("Leaves an answer out of every figure (rollups within a minute, drill-down, exports, API); it stays stored and can be restored. reason: spam, test, duplicate, abusive or other; note optional. 201; 404 outside the caller's scope; 409 already excluded.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/feedback/answers/{id:long}/exclusion", RestoreAsync)
            .RequireAuthorization(Policies.ReviseFeedback)
            .WithName("RestoreFeedbackAnswer")
            .WithSummary("Restores an excluded answer to every figure. 200; 404 outside the caller's scope; 409 when it is not excluded.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<AnswerExclusionDto>, NotFound>> GetAsync(
        long id, StaffScope scope, ReviseFeedback revise, CancellationToken cancellationToken) =>
        await revise.FindAsync(id, await scope.GetAsync(cancellationToken), cancellationToken) is { } answer
            ? TypedResults.Ok(answer)
            : TypedResults.NotFound();

    private static async Task<Results<Created<AnswerExclusionDto>, NotFound, ValidationProblem, ProblemHttpResult>> ExcludeAsync(
        long id, ExclusionRequest? request, ClaimsPrincipal user, StaffScope scope, ReviseFeedback revise, CancellationToken cancellationToken)
    {
        var result = await revise.ExcludeAsync(id, request?.Reason, request?.Note, await scope.GetAsync(cancellationToken), user, cancellationToken);
        return result.Outcome switch
        {
            RevisionOutcome.NotFound => TypedResults.NotFound(),
            RevisionOutcome.Invalid => TypedResults.ValidationProblem(result.Problems!),
            RevisionOutcome.Conflict => TypedResults.Problem(
                "The answer is already excluded.", statusCode: StatusCodes.Status409Conflict, title: "Already excluded"),
            _ => TypedResults.Created($"/api/v1/feedback/answers/{id}/exclusion", result.Answer!),
        };
    }

    private static async Task<Results<Ok<AnswerExclusionDto>, NotFound, ProblemHttpResult>> RestoreAsync(
        long id, StaffScope scope, ReviseFeedback revise, CancellationToken cancellationToken)
    {
        var result = await revise.RestoreAsync(id, await scope.GetAsync(cancellationToken), cancellationToken);
        return result.Outcome switch
        {
            RevisionOutcome.NotFound => TypedResults.NotFound(),
            RevisionOutcome.Conflict => TypedResults.Problem(
                "The answer is not excluded.", statusCode: StatusCodes.Status409Conflict, title: "Not excluded"),
            _ => TypedResults.Ok(result.Answer!),
        };
    }
}
