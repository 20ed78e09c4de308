using ServeWell.Web.Platform.Layout;

namespace ServeWell.Web.Tests.Platform.Layout;

/// <summary>The main menu groups links by area (ADR-034): few top-level entries, areas in a fixed order.</summary>
public sealed class NavigationTests
{
    private static NavigationItem Item(string text, string href, int order, NavigationArea area = NavigationArea.TopLevel) =>
        new(text, href, "policy", order, area);

    [Fact]
    public void Group_PutsHomeFirstAreasInTheirOrderAndLaterTopLevelLinksLast()
    {
        var entries = Navigation.Group(
        [
            Item("Home", "/", 0),
            Item("Organisation", "/People/OrgUnits", 10, NavigationArea.Administration),
            Item("Employees", "/People/Employees", 20, NavigationArea.Administration),
            Item("My training", "/Training/My", 45, NavigationArea.Training),
            Item("Training programmes", "/Training/Programmes", 50, NavigationArea.Training),
            Item("Insights", "/Insights", 80, NavigationArea.Insights),
            Item("My profile", "/Accounts/Profile", 90),
        ]);

        entries.Select(e => e.AreaText).ShouldBe(["Home", "Training", "Insights", "Administration", "My profile"]);
        entries.Select(e => e.IsMenu).ShouldBe([false, true, false, true, false]);
        entries.Single(e => e.Area == NavigationArea.Administration).Items.Select(i => i.Text).ShouldBe(["Organisation", "Employees"]);
    }

    [Fact]
    public void NavigationItem_WithoutArea_IsATopLevelLink()
    {
        var item = new NavigationItem("Reports", "/Reports", "policy", 85);

        item.Area.ShouldBe(NavigationArea.TopLevel);
        Navigation.Group([item]).Single().IsMenu.ShouldBeFalse();
    }

    [Theory]
    [InlineData("/Insights/Me", "My feedback")]
    [InlineData("/Insights/Services", "Insights")]
    [InlineData("/", "Home")]
    [InlineData("/InsightsElsewhere", null)]
    public void CurrentFor_PicksTheLongestMatchingLink(string path, string? expected)
    {
        IReadOnlyList<NavigationItem> visible =
        [
            Item("Home", "/", 0),
            Item("Insights", "/Insights", 80, NavigationArea.Insights),
            Item("My feedback", "/Insights/Me", 81, NavigationArea.Insights),
        ];

        (Navigation.CurrentFor(visible, path)?.Text).ShouldBe(expected);
    }
}
