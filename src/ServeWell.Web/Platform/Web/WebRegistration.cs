using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.SharedState;

namespace ServeWell.Web.Platform.Web;

public static class WebRegistration
{
    public static WebApplicationBuilder AddServeWellWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Modules";
                o.Conventions.ConfigureFilter(new MissingHandler());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Platform/Layout/{0}" + RazorViewEngine.ViewExtension));

        // Korean (and any other script) is written as UTF-8 rather than as &#x…; entities: a third of the bytes on a slow phone.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        // Modules add their own policies; rejections answer 429 with Retry-After (see FeedbackRateLimits).
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RateLimitRejection.OnRejectedAsync;
        });
        services.AddExceptionHandler<ServeWellExceptionHandler>();
        services.Configure<Jobs.HealthOptions>(builder.Configuration.GetSection(Jobs.HealthOptions.Section));
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<Jobs.BacklogHealthCheck>("backlogs", tags: ["ready"]);
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<ApiKeyDocumentTransformer>());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PublicUrl>();
        services.Configure<UploadOptions>(builder.Configuration.GetSection(UploadOptions.Section));
        services.AddServeWellForwardedHeaders(builder.Configuration);
        builder.AddServeWellSharedState();
        builder.AddServeWellLogs();
        builder.AddServeWellMetrics();
        return builder;
    }

    public static WebApplication UseServeWellPipeline(this WebApplication app)
    {
        // X-Forwarded-For/-Proto only from ForwardedHeaders:TrustedProxies (default loopback), before anything reads the address.
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationId>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            // A request the server could not read (too large, malformed) is the client's error, not a 500.
            // The database gone for a moment (PostgreSQL restarting) is 503 with Retry-After: send it again (ADR-057).
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when DatabaseUnavailable.Is(ex) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        // The language first, so the friendly error page re-executed below reads the request's ?lang= too (the
        // re-execution drops the query string).
        app.UseRequestLocalization();
        // People get a friendly page for 404 and 403; the API keeps its bare status codes and ProblemDetails.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.UseMiddleware<QueryControlCharacters>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<Security.ApiAntiforgery>();
        app.UseAntiforgery();
        app.MapServeWellMetrics();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("ServeWell API")).AllowAnonymous();
        // An address nothing answers is 404 for everyone; without this the fallback policy made it 401/403.
        app.MapFallback("/{**path}", NotFound).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult NotFound(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API endpoint", detail: "See /openapi/v1.json for the endpoints.")
            : TypedResults.NotFound();
}

public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>The largest roster file accepted, in bytes (default 50 MB).</summary>
    public long MaxRosterBytes { get; set; } = 50L * 1024 * 1024;
}

internal sealed class DatabaseHealthCheck(ServeWellDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
}

/// <summary>Conservative response headers; the API reference page loads its own inline script, so it is left out of the CSP.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        if (!context.Request.Path.StartsWithSegments("/scalar"))
        {
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com https://tv.naver.com; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
        }

        return next(context);
    }
}

/// <summary>Tells the OpenAPI document that the API takes the X-Api-Key header.</summary>
internal sealed class ApiKeyDocumentTransformer : Microsoft.AspNetCore.OpenApi.IOpenApiDocumentTransformer
{
    public Task TransformAsync(Microsoft.OpenApi.OpenApiDocument document, Microsoft.AspNetCore.OpenApi.OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new Microsoft.OpenApi.OpenApiSecurityScheme
        {
            Type = Microsoft.OpenApi.SecuritySchemeType.ApiKey,
            In = Microsoft.OpenApi.ParameterLocation.Header,
            Name = Security.ApiKeyAuthentication.Header,
            Description = "A key issued by an administrator on the API keys page.",
        };
        document.Info.Title = "ServeWell API";
        document.Info.Description = "Org units, employees and roster import. Authenticate with a staff cookie or the X-Api-Key header.";
        return Task.CompletedTask;
    }
}
