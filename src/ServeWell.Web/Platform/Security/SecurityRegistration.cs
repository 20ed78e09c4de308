using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Platform.Security;

public static class SecurityRegistration
{
    private const string SmartScheme = "ServeWell";

    public static WebApplicationBuilder AddServeWellSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Keys in the database: every node decrypts every other node's cookies, and a restart signs no one out.
        services.AddDataProtection().SetApplicationName("ServeWell").PersistKeysToDbContext<ServeWellDbContext>();

        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                // OWASP ASVS 2.1: at least 12 characters, no composition rules.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ServeWellDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            o.OnRefreshingPrincipal = SignInSessions.KeepSession;
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "servewell.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/Accounts/SignIn";
            o.LogoutPath = "/Accounts/SignOut";
            o.AccessDeniedPath = "/Accounts/AccessDenied";
            // The API answers with a status code, never a redirect to a sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            // Signing out ends the session on every node, not only in the browser that asked (ADR-028).
            o.Events.OnSigningIn = SignInSessions.OnSigningIn;
            o.Events.OnValidatePrincipal = SignInSessions.OnValidatePrincipal;
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Staff cookie or API key", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(ApiKeyAuthentication.Header) ? ApiKeyAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);

        services.AddAuthorization(Policies.Register);
        services.AddScoped<StaffScope>();
        services.Configure<AttemptThrottleOptions>(builder.Configuration.GetSection(AttemptThrottleOptions.Section));
        services.AddSingleton<MemoryAttemptThrottle>();
        // Counted in Redis when it is configured (ADR-055), else on this node as before.
        services.AddSingleton<IAttemptThrottle>(sp => sp.GetRequiredService<SharedState.SharedWindow>().Shared
            ? ActivatorUtilities.CreateInstance<SharedAttemptThrottle>(sp)
            : sp.GetRequiredService<MemoryAttemptThrottle>());
        services.AddHttpContextAccessor();
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "servewell.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        return builder;
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
