namespace ServeWell.Web.Platform.City.Identity;

/// <summary>
/// A primary colour the city may choose, as the five KRDS primary shades the stylesheet reads (ADR-034, ADR-038).
/// Every shade drawn under white text (50, 60, 70) passes 4.5:1 against white; a test checks it.
/// </summary>
public sealed record CityColour(string Key, string Name, string Shade5, string Shade10, string Shade50, string Shade60, string Shade70)
{
    /// <summary>The shades that carry white text or sit as text on white.</summary>
    public IEnumerable<string> TextShades => [Shade50, Shade60, Shade70];
}

/// <summary>The accessible palette: KRDS blue (the default), KRDS navy and green, and teal and purple built to the same contrast.</summary>
public static class CityColours
{
    public static readonly CityColour Default = new("krds-blue", "KRDS blue", "#ecf2fe", "#d8e5fd", "#256ef4", "#0b50d0", "#083891");

    public static readonly IReadOnlyList<CityColour> All =
    [
        Default,
        new("navy", "Navy", "#eef2f7", "#d6e0eb", "#346fb2", "#1c589c", "#063a74"),
        new("green", "Green", "#eaf6ec", "#d8eedd", "#228738", "#267337", "#285d33"),
        new("teal", "Teal", "#e6f5f5", "#c8e9e9", "#0f7c80", "#0b6466", "#094d4f"),
        new("purple", "Purple", "#f2eefb", "#e2d9f6", "#6f4bc2", "#5a36a8", "#43277f"),
    ];

    public static CityColour? Find(string? key) => All.FirstOrDefault(c => c.Key == key);

    /// <summary>WCAG 2.x contrast ratio between two #rrggbb colours.</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = Convert.ToInt32(hex.Substring(at, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(hex, 1)) + (0.7152 * Channel(hex, 3)) + (0.0722 * Channel(hex, 5));
    }
}
