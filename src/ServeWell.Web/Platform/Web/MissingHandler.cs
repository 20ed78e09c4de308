using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ServeWell.Web.Platform.Web;

/// <summary>
/// A POST (or PUT, DELETE) to a page that has no handler for it answers 400. Razor Pages would otherwise render the
/// page without running any handler, and a page whose model is filled by OnGet then failed with a 500.
/// </summary>
internal sealed class MissingHandler : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
