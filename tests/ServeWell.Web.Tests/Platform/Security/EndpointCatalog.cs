using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Tests.Platform.Security;

/// <summary>One routed endpoint of the app, as the authorization tests see it.</summary>
public sealed record EndpointInfo(RouteEndpoint Endpoint)
{
    public string Route => "/" + Endpoint.RoutePattern.RawText?.TrimStart('/');

    public string Name => $"{Route} ({Endpoint.DisplayName})";

    public bool IsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    public IReadOnlyList<string> PolicyNames =>
        Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Where(p => p.Length > 0).Distinct().ToList();

    public bool HasExplicitAuthorization => IsAnonymous || PolicyNames.Count > 0;

    public bool IsApi => Route.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>Pages and endpoints without a method restriction answer GET too.</summary>
    public bool AnswersGet =>
        Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
        || methods.HttpMethods.Count == 0
        || methods.HttpMethods.Contains(HttpMethods.Get);

    /// <summary>True when every route parameter is optional, so the route can be requested without any.</summary>
    public bool NeedsNoParameters =>
        Endpoint.RoutePattern.Parameters.All(p => p.IsOptional || p.IsCatchAll || p.Default is not null);

    /// <summary>The route with its (optional) parameters left out.</summary>
    public string PathWithoutParameters =>
        "/" + string.Join('/', Endpoint.RoutePattern.PathSegments.TakeWhile(s => s.Parts.All(p => p.IsLiteral))
            .Select(s => string.Concat(s.Parts.OfType<RoutePatternLiteralPart>().Select(l => l.Content))));

    /// <summary>Whether a user in <paramref name="role"/> passes every policy on the endpoint (null: anonymous).</summary>
    public bool Admits(string? role) =>
        IsAnonymous || (role is not null && PolicyNames.All(p => Policies.RolesByPolicy[p].Contains(role)));
}

public static class EndpointCatalog
{
    public static IReadOnlyList<EndpointInfo> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new EndpointInfo(e))
            .OrderBy(e => e.Route, StringComparer.Ordinal)
            .ToList();

    public static EndpointInfo ByRoute(IServiceProvider services, string route) =>
        All(services).FirstOrDefault(e => e.Route == route)
        ?? throw new InvalidOperationException($"No endpoint has the route {route}; the test's list of routes with real ids needs updating.");

    /// <summary>Static files are open by design and many; the matrix requests the ones that are not.</summary>
    public static bool IsStaticAsset(EndpointInfo endpoint) =>
        endpoint.Endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal));

    public static IReadOnlyList<string> KnownPolicies => [.. Policies.RolesByPolicy.Keys];
}
