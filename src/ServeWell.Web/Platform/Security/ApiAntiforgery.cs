using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ServeWell.Web.Platform.Security;

/// <summary>
/// A write to /api made with the sign-in cookie must carry the antiforgery token in the X-CSRF-TOKEN header
/// (a page of another origin on the same site sends the cookie, but can neither read the token nor set the
/// header without CORS). Calls with X-Api-Key carry no cookie identity and are unaffected, and so are anonymous
/// endpoints (citizen feedback, kiosks with their device token), which do not act on the cookie (ADR-028).
/// </summary>
internal sealed class ApiAntiforgery(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    public const string Header = "X-CSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsToken(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Antiforgery token missing or invalid",
                    Detail = $"A signed-in browser's API write must send the page's antiforgery token in the {Header} header. Machines use the {ApiKeyAuthentication.Header} header instead.",
                },
            });
            return;
        }

        await next(context);
    }

    private static bool NeedsToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme)
        && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null;
}
