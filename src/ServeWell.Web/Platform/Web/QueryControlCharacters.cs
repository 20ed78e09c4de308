namespace ServeWell.Web.Platform.Web;

/// <summary>
/// A query value with a control character (a NUL from "?unit=%00") is refused with 400 naming the parameter, before any
/// page or endpoint runs: PostgreSQL cannot store or compare a NUL in text and answered 500, SQLite "not found".
/// Tab and line breaks pass (a pasted value may carry them).
/// </summary>
internal sealed class QueryControlCharacters(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        foreach (var (name, values) in context.Request.Query)
        {
            if (values.Any(v => v is not null && v.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'))))
            {
                var detail = $"The query value “{name}” contains a control character.";
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                // The API answers ProblemDetails; people get the friendly 400 page (status code pages re-execute).
                return context.Request.Path.StartsWithSegments("/api")
                    ? Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context)
                    : Task.CompletedTask;
            }
        }

        return next(context);
    }
}
