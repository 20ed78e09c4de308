using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Security;

/// <summary>Every page and endpoint says who may use it; the fallback policy (closed to all) is a safety net, not a design.</summary>
public sealed class EndpointAuthorizationMetadataTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void Endpoints_All_HaveExplicitPolicyOrAllowAnonymous()
    {
        var endpoints = EndpointCatalog.All(app.Services);

        var offenders = endpoints.Where(e => !e.HasExplicitAuthorization).Select(e => e.Name).ToList();

        endpoints.Count.ShouldBeGreaterThan(10);
        offenders.ShouldBeEmpty(
            "These endpoints name no policy and do not allow anonymous access:\n  " + string.Join("\n  ", offenders));
    }

    [Fact]
    public void Endpoints_NamingAPolicy_NameOneThatExists()
    {
        var unknown = EndpointCatalog.All(app.Services)
            .SelectMany(e => e.PolicyNames.Where(p => !EndpointCatalog.KnownPolicies.Contains(p)).Select(p => $"{e.Name}: \"{p}\""))
            .ToList();

        unknown.ShouldBeEmpty("These endpoints name a policy that Policies.RolesByPolicy does not define:\n  " + string.Join("\n  ", unknown));
    }

    [Fact]
    public void Endpoints_Catalog_CoversPagesAndApi()
    {
        var routes = EndpointCatalog.All(app.Services).Select(e => e.Route).ToList();

        routes.ShouldContain("/api/v1/employees");
        routes.ShouldContain("/People/Employees");
        routes.ShouldContain("/Accounts/SignIn");
    }
}
