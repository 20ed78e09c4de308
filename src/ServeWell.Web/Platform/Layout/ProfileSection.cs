using System.Security.Claims;

namespace ServeWell.Web.Platform.Layout;

/// <summary>A section of the person's profile page that a module adds: a partial view and its model.</summary>
public sealed record ProfileSection(string Partial, object Model);

/// <summary>
/// A module's part of "My profile" (ADR-050). The profile page belongs to Accounts, below the modules that have settings
/// of a person (ADR-033), so they reach it through this contract, as navigation items do; null shows nothing.
/// </summary>
public interface IProfileSection
{
    Task<ProfileSection?> ReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
