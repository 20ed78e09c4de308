namespace ServeWell.Web.BrowserTests.Infrastructure;

/// <summary>A screen the tests look at the app on.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    public static readonly Viewport Desktop = new("desktop", 1280, 900, false);

    /// <summary>A common phone (iPhone 12–15 class) in portrait.</summary>
    public static readonly Viewport Phone = new("phone", 390, 844, true);

    public static Viewport Named(string name) => name switch
    {
        "desktop" => Desktop,
        "phone" => Phone,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use \"desktop\" or \"phone\"."),
    };

    public override string ToString() => Name;
}
