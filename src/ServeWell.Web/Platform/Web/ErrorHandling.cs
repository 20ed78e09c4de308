using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

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
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read."),
            OperationCanceledException => (499, "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side. It has been logged; please try again."),
        };
        // By now the middleware has pointed the request at the error page; the feature keeps where it really went.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value);
        if (status >= 500)
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
