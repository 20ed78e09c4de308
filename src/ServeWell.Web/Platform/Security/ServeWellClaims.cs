using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Accounts;

namespace ServeWell.Web.Platform.Security;

public static class ServeWellClaims
{
    public const string ScopeOrgUnit = "sw:scope";
    public const string Employee = "sw:employee";
    public const string DisplayName = "sw:name";

    public static int? ScopeOrgUnitId(this ClaimsPrincipal user) => IntClaim(user, ScopeOrgUnit);

    public static int? EmployeeId(this ClaimsPrincipal user) => IntClaim(user, Employee);

    public static string ShownName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    private static int? IntClaim(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>Adds scope, employee link and display name to the staff cookie.</summary>
public sealed class StaffClaimsFactory(
    UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ServeWellClaims.DisplayName, user.DisplayName));
        if (user.ScopeOrgUnitId is { } scope)
        {
            identity.AddClaim(new Claim(ServeWellClaims.ScopeOrgUnit, scope.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.EmployeeId is { } employee)
        {
            identity.AddClaim(new Claim(ServeWellClaims.Employee, employee.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
