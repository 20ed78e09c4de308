using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Platform.Web;

/// <summary>A rule of the domain was broken by the request; the message is safe to show.</summary>
public sealed class DomainRuleException(string message) : Exception(message);

/// <summary>
/// One place for errors: the API gets ProblemDetails, people get the friendly error page; nobody gets a
/// stack trace. The log line carries the exception but never request bodies.
/// </summary>
public sealed class ServeWellExceptionHandler(IProblemDetailsService problems, ILogger<ServeWellExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            DomainRuleException => (StatusCodes.Status400BadRequest, exception.Message),
            _ when DatabaseUnavailable.Is(exception) => (StatusCodes.Status503ServiceUnavailable, "The database cannot be reached for the moment. Send the request again in a few seconds; with the same Idempotency-Key an answer is stored once."),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read."),
            OperationCanceledException => (499, "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side. It has been logged; please try again."),
        };
        // By now the middleware has pointed the request at the error page; the feature keeps where it really went.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected while PostgreSQL restarts: one line per request, no stack trace; the client is told when to come back.
            httpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            logger.LogWarning("Database unavailable on {Method} {Path}: {Error}", httpContext.Request.Method, path, exception.GetBaseException().GetType().Name);
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, path);
        }

        if (!path.StartsWithSegments("/api"))
        {
            return false; // the error page takes it from here
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Extensions = { ["traceId"] = httpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? httpContext.TraceIdentifier } },
        });
    }
}
