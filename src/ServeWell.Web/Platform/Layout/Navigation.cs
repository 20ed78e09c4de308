using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace ServeWell.Web.Platform.Layout;

/// <summary>
/// Where a link sits in the main menu (ADR-034): one of the areas of work, or the top level. Areas keep every role at
/// about six top-level entries; the enum order is the order of the areas in the header.
/// </summary>
public enum NavigationArea
{
    TopLevel,
    Training,
    CitizenFeedback,
    FollowUps,
    Insights,
    Administration,
}

/// <summary>
/// A link in the main navigation; shown only to users the policy admits. Text is an English UI key. Without an area
/// the link is a top-level entry, so a module that registers no area still compiles and still shows its link.
/// </summary>
public sealed record NavigationItem(string Text, string Href, string Policy, int Order, NavigationArea Area = NavigationArea.TopLevel);

/// <summary>One top-level entry of the main menu: a single link, or an area with the links of it the user may follow.</summary>
public sealed record NavigationEntry(NavigationArea Area, IReadOnlyList<NavigationItem> Items)
{
    /// <summary>The English UI key of an area's name ("Citizen feedback").</summary>
    public string AreaText => Area switch
    {
        NavigationArea.Training => "Training",
        NavigationArea.CitizenFeedback => "Citizen feedback",
        NavigationArea.FollowUps => "Follow-ups",
        NavigationArea.Insights => "Insights",
        NavigationArea.Administration => "Administration",
        _ => Items[0].Text,
    };

    /// <summary>An area with one link the user may follow is shown as that link: a menu of one is a needless click.</summary>
    public bool IsMenu => Area != NavigationArea.TopLevel && Items.Count > 1;
}

/// <summary>A step of the breadcrumb a page may put in <c>ViewData["Breadcrumb"]</c>; the last step is the page itself.</summary>
public sealed record Crumb(string Text, string? Href = null);

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

    /// <summary>
    /// The menu as the header shows it: top-level links before the areas when their order is below every area's
    /// (Home), the areas in their fixed order, then the remaining top-level links (My profile).
    /// </summary>
    /// <summary>The link that leads to the page at <paramref name="path"/>: the longest matching href wins.</summary>
    public static NavigationItem? CurrentFor(IReadOnlyList<NavigationItem> visible, string path) =>
        visible.Where(i => IsAt(i.Href, path)).MaxBy(i => i.Href.Length);

    private static bool IsAt(string href, string path) =>
        href == "/"
            ? path == "/"
            : path.Equals(href, StringComparison.OrdinalIgnoreCase)
              || path.StartsWith(href.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<NavigationEntry> Group(IReadOnlyList<NavigationItem> visible)
    {
        var areas = visible
            .Where(i => i.Area != NavigationArea.TopLevel)
            .GroupBy(i => i.Area)
            .OrderBy(g => g.Key)
            .Select(g => new NavigationEntry(g.Key, [.. g.OrderBy(i => i.Order)]))
            .ToList();
        var firstAreaOrder = areas.Count == 0 ? int.MaxValue : areas.Min(a => a.Items.Min(i => i.Order));
        var single = visible.Where(i => i.Area == NavigationArea.TopLevel).OrderBy(i => i.Order).ToList();

        return
        [
            .. single.Where(i => i.Order < firstAreaOrder).Select(i => new NavigationEntry(NavigationArea.TopLevel, [i])),
            .. areas,
            .. single.Where(i => i.Order >= firstAreaOrder).Select(i => new NavigationEntry(NavigationArea.TopLevel, [i])),
        ];
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
