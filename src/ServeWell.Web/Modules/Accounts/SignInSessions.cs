using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Accounts;

/// <summary>
/// Signing out ends the session for good: each sign-in puts a session id in its cookie, signing out records that id
/// (in the Identity user-token table, so every node sees it at once), and a cookie whose session was signed out is
/// refused on its next request. Without this a copied cookie kept working until it expired (ADR-028).
/// </summary>
public static class SignInSessions
{
    public const string ClaimType = "servewell:session";

    // A row per signed-out session: LoginProvider = this, Name = the session id, Value = when the cookie would have expired.
    private const string SignedOut = "ServeWell.SignedOut";

    /// <summary>Cookie event: a new sign-in gets a new session id.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == ClaimType))
        {
            identity.AddClaim(new Claim(ClaimType, Guid.NewGuid().ToString("N")));
        }

        return Task.CompletedTask;
    }

    /// <summary>Cookie event: Identity's security-stamp check, then the refusal of signed-out sessions.</summary>
    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } principal)
        {
            return;
        }

        var session = principal.FindFirstValue(ClaimType);
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var db = context.HttpContext.RequestServices.GetRequiredService<ServeWellDbContext>();
        if (session is null || userId is null || await db.UserTokens.AnyAsync(
                t => t.UserId == userId && t.LoginProvider == SignedOut && t.Name == session, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Security-stamp refresh rebuilds the claims; the session id must survive it.</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimType) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(ClaimType, session.Value));
        }

        return Task.CompletedTask;
    }

    /// <summary>Records the current session as signed out, and forgets signed-out sessions whose cookies have expired anyway.</summary>
    public static async Task EndAsync(ClaimsPrincipal user, ServeWellDbContext db, TimeSpan cookieLifetime, DateTime now, CancellationToken cancellationToken)
    {
        var session = user.FindFirstValue(ClaimType);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (session is null || userId is null)
        {
            return;
        }

        var earlier = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == SignedOut).ToListAsync(cancellationToken);
        db.UserTokens.RemoveRange(earlier.Where(t => !DateTime.TryParse(t.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var until) || until < now));
        if (!earlier.Any(t => t.Name == session))
        {
            db.UserTokens.Add(new IdentityUserToken<string>
            {
                UserId = userId,
                LoginProvider = SignedOut,
                Name = session,
                Value = (now + cookieLifetime).ToString("O", CultureInfo.InvariantCulture),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
