using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Home;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public string? TraceId { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        // After an exception the handler has already set the status it maps to (413 for a too-large body).
        var code = status ?? (Response.StatusCode >= 400 ? Response.StatusCode : 500);
        Response.StatusCode = code;
        TraceId = code >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
        (Title, Message) = code switch
        {
            404 => (l["Page not found"], l["There is no page at this address. Check the link, or start again from the start page."]),
            403 => (l["Not allowed"], l["Your account may not open this page."]),
            400 => (l["Bad request"], l["The request could not be understood."]),
            413 => (l["Too large"], l["What you sent is larger than this page accepts."]),
            503 => (l["Back in a moment"], l["ServeWell cannot reach its database for the moment. Try again in a few seconds."]),
            _ => (l["Something went wrong"], l["Something went wrong on our side. It has been logged; please try again."]),
        };
    }
}
