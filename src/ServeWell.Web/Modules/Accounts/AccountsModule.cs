using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Accounts;

public static class AccountsModule
{
    public static WebApplicationBuilder AddAccountsModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PasswordResetMail>();
        // "My profile" is the person's name in the header's utility bar, not a main-menu entry: it kept the administrator at
        // seven top-level entries (ADR-036).
        return builder.AddNavigation(new NavigationItem("Home", "/", Policies.Staff, 0));
    }

    public static WebApplication MapAccountsModule(this WebApplication app)
    {
        // The language switch in the header: remembered in a cookie, and on the account when signed in.
        app.MapPost("/culture", async ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http, UserManager<StaffUser> users) =>
        {
            var chosen = Cultures.Normalise(culture);
            LocalizationRegistration.RememberCulture(http.Response, chosen);
            if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user)
            {
                user.PreferredCulture = chosen;
                await users.UpdateAsync(user);
            }

            return TypedResults.LocalRedirect(LocalUrl.OrDefault(http, returnUrl, "/"));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
