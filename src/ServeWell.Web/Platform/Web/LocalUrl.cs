using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;

namespace ServeWell.Web.Platform.Web;

/// <summary>
/// The framework's local-URL check (IUrlHelper.IsLocalUrl) for code without a page: besides "//" and "/\", it
/// refuses control characters, which browsers strip ("/\t/evil.example" opens evil.example).
/// </summary>
public static class LocalUrl
{
    public static string OrDefault(HttpContext http, string? url, string fallback) =>
        new UrlHelper(new ActionContext(http, http.GetRouteData(), new ActionDescriptor())).IsLocalUrl(url) ? url! : fallback;
}
