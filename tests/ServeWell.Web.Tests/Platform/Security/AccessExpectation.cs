using System.Net;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Security;

/// <summary>What a request should get, derived from the endpoint's policies and the caller's role.</summary>
public static class AccessExpectation
{
    private const string SignInPath = "/Accounts/SignIn";
    private const string AccessDeniedPath = "/Accounts/AccessDenied";

    /// <summary>Requests <paramref name="path"/> and returns a description of each way the answer is wrong (none when right).</summary>
    public static async Task<IEnumerable<string>> CheckAsync(StaffClient client, EndpointInfo endpoint, string path, string? role, bool hiddenByScope)
    {
        using var response = await client.GetAsync(path);
        var status = (int)response.StatusCode;
        var location = RedirectPath(response);
        var got = location is null ? $"{status}" : $"{status} → {location}";
        var (expected, ok) = Expect(endpoint, role, hiddenByScope, response.StatusCode, location);
        return ok ? [] : [$"GET {path}: expected {expected}, got {got} (policies: {string.Join(", ", endpoint.PolicyNames)}{(endpoint.IsAnonymous ? "anonymous" : "")})"];
    }

    private static (string Expected, bool Ok) Expect(EndpointInfo endpoint, string? role, bool hiddenByScope, HttpStatusCode status, string? location)
    {
        var redirect = status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther;
        if (endpoint.IsAnonymous)
        {
            // Open pages may answer with their own status (the error page, the access-denied page), never an auth refusal.
            var refused = status == HttpStatusCode.Unauthorized || (redirect && location is SignInPath or AccessDeniedPath);
            return ("no sign-in or access refusal", !refused);
        }

        if (role is null)
        {
            return endpoint.IsApi
                ? ("401", status == HttpStatusCode.Unauthorized)
                : ($"302 → {SignInPath}", redirect && location == SignInPath);
        }

        if (endpoint.Admits(role))
        {
            return hiddenByScope ? ("404 (outside the caller's scope)", status == HttpStatusCode.NotFound) : ("200", status == HttpStatusCode.OK);
        }

        return endpoint.IsApi
            ? ("403", status == HttpStatusCode.Forbidden)
            : ($"403 or 302 → {AccessDeniedPath}", status == HttpStatusCode.Forbidden || (redirect && location == AccessDeniedPath));
    }

    private static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(StaffClient.BaseAddress, location).AbsolutePath : null;
}
