namespace ServeWell.Web.Platform.Web;

/// <summary>
/// The address people use to reach ServeWell (e.g. https://servewell.city.go.kr), for links in mail.
/// Links are never built from the request's Host header outside Development: an attacker could set it and
/// have a password-reset mail point to their own site.
/// </summary>
public sealed class PublicUrl(IConfiguration configuration, IWebHostEnvironment environment, IServiceProvider services)
{
    public const string Setting = "PublicUrl";

    public string For(HttpRequest request, string pathAndQuery)
    {
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + pathAndQuery;
        }

        if (environment.IsDevelopment())
        {
            return $"{request.Scheme}://{request.Host}{pathAndQuery}";
        }

        throw new InvalidOperationException($"Set {Setting} to the address people use to reach ServeWell; it is needed for links in mail.");
    }

    /// <summary>
    /// For mail sent by background work, where there is no request: the configured address, or in Development the
    /// address the server listens on.
    /// </summary>
    public string ForBackground(string pathAndQuery)
    {
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + pathAndQuery;
        }

        var listening = services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return (listening?.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/')
            ?? "http://localhost") + pathAndQuery;
    }

    /// <summary>Fails at start-up, with the reason, rather than at the first password reset.</summary>
    public static void Require(WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(app.Configuration[Setting]))
        {
            throw new InvalidOperationException(
                $"Set {Setting} (e.g. {Setting}=https://servewell.example.go.kr): the address people use to reach ServeWell, used in emailed links. It is required outside Development.");
        }
    }
}
