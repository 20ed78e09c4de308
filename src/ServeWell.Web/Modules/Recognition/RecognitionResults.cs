using Microsoft.AspNetCore.Http.HttpResults;
using ServeWell.Web.Modules.Recognition.Rounds;

namespace ServeWell.Web.Modules.Recognition;

/// <summary>Turns a recognition step's outcome into the API's answer: 404, 409 with the reason, 400 with a message per field.</summary>
internal static class RecognitionResults
{
    public static Results<Ok<TDto>, NotFound, ValidationProblem, ProblemHttpResult> Of<T, TDto>(RecognitionOutcome<T> outcome, Func<T, TDto> map) =>
        outcome.Failure switch
        {
            RecognitionFailure.NotFound => TypedResults.NotFound(),
            RecognitionFailure.Conflict => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status409Conflict),
            RecognitionFailure.Invalid => TypedResults.ValidationProblem(outcome.Problems),
            _ => TypedResults.Ok(map(outcome.Value!)),
        };
}
