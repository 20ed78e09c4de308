using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Accounts.ApiKeys;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Platform.Security;

/// <summary>Authenticates machines by the X-Api-Key header against the hashed keys an administrator issued.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ServeWellDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKey.Hash(values[0]!.Trim());
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.KeyHash == hash, Context.RequestAborted);
        if (key is null || key.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            // Recorded at most every few minutes so a busy integration does not write on every call.
            db.AuditEachChange = false;
            key.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
            db.AuditEachChange = true;
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "apikey:" + key.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, "API key: " + key.Name),
            new(ClaimTypes.Role, key.Role),
        };
        if (key.ScopeOrgUnitId is { } scope)
        {
            claims.Add(new Claim(ServeWellClaims.ScopeOrgUnit, scope.ToString(CultureInfo.InvariantCulture)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Header;
        return Task.CompletedTask;
    }
}
