using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace ServeWell.Web.Platform.Layout;

/// <summary>A link in the main navigation; shown only to users the policy admits. Text is an English UI key.</summary>
public sealed record NavigationItem(string Text, string Href, string Policy, int Order);

/// <summary>Modules add their links at start-up; the layout asks for the ones the current user may follow.</summary>
public sealed class Navigation
{
    private readonly List<NavigationItem> _items = [];

    public void Add(NavigationItem item) => _items.Add(item);

    public async Task<IReadOnlyList<NavigationItem>> VisibleToAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var visible = new List<NavigationItem>();
        foreach (var item in _items.OrderBy(i => i.Order))
        {
            if ((await authorization.AuthorizeAsync(user, item.Policy)).Succeeded)
            {
                visible.Add(item);
            }
        }

        return visible;
    }
}

public static class NavigationRegistration
{
    public static WebApplicationBuilder AddNavigation(this WebApplicationBuilder builder, params NavigationItem[] items)
    {
        var existing = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(Navigation))?.ImplementationInstance as Navigation;
        if (existing is null)
        {
            existing = new Navigation();
            builder.Services.AddSingleton(existing);
        }

        foreach (var item in items)
        {
            existing.Add(item);
        }

        return builder;
    }
}
