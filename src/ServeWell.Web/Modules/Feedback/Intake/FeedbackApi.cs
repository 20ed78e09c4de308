using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ServeWell.Web.Modules.Feedback.Intake;

public static class FeedbackApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapFeedbackApi(this RouteGroupBuilder api)
    {
        // Citizens answer without signing in: the intake is open by design, and guarded by keys, limits and the duplicate window.
        api.MapPost("/feedback", SubmitAsync)
            .AllowAnonymous()
            .RequireRateLimiting(FeedbackRateLimiting.PerAddress)
            .DisableAntiforgery()
            .Accepts<JsonElement>("application/json")
            .WithName("SubmitFeedback")
            .WithSummary("Stores one citizen answer. Needs an Idempotency-Key header: the same key with the same body answers the original result again; with another body, 422.");
        return api;
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, SubmitFeedback submit, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        FeedbackRequest? request = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
            request = FeedbackRequestReader.Read(body.RootElement, problems);
        }
        catch (JsonException ex)
        {
            problems.Add("body", $"The body is not valid JSON: {ex.Message}");
        }

        if (request is null || problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var key = http.Request.Headers[IdempotencyHeader].ToString();
        var result = await submit.SubmitAsync(request, key, new FeedbackSource(http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), cancellationToken);
        return ToHttp(result, http);
    }

    public static IResult ToHttp(FeedbackResult result, HttpContext http)
    {
        if (result.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return result.Status switch
        {
            StatusCodes.Status400BadRequest => TypedResults.ValidationProblem(result.Problems ?? new FieldProblems()),
            StatusCodes.Status422UnprocessableEntity => TypedResults.Problem(result.Detail, statusCode: 422, title: "Idempotency-Key reused"),
            _ => TypedResults.Content(result.Json, "application/json", Encoding.UTF8, result.Status),
        };
    }
}
