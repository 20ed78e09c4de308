using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Accounts;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<StaffUser> signIn, ServeWellDbContext db, IOptionsMonitor<CookieAuthenticationOptions> cookies, TimeProvider clock) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var lifetime = cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
        await SignInSessions.EndAsync(User, db, lifetime, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await signIn.SignOutAsync();
        return Redirect("/Accounts/SignIn");
    }
}
