using System.Text.RegularExpressions;

namespace ServeWell.Web.Tests.Platform.Layout;

/// <summary>The web font subset (ADR-034) holds every Hangul syllable of the Korean UI, so no label is set in two faces.</summary>
public sealed partial class WebFontTests
{
    [Fact]
    public void HangulSubset_CoversEveryKoreanUiText()
    {
        var root = RepoRoot();
        var resx = File.ReadAllText(Path.Combine(root, "src", "ServeWell.Web", "Platform", "Localization", "SharedResource.ko.resx"));
        var subset = File.ReadAllText(Path.Combine(root, "scripts", "subset-fonts.hangul.txt")).ToHashSet();

        var missing = Hangul().Matches(resx).Select(m => m.Value[0]).Where(c => !subset.Contains(c)).Distinct().Order().ToList();

        missing.ShouldBeEmpty($"Run scripts/subset-fonts.py: the web font lacks {string.Concat(missing)}");
        foreach (var file in new[] { "400-latin", "400-hangul", "400-hangul-rare", "700-latin", "700-hangul", "700-hangul-rare" })
        {
            File.Exists(Path.Combine(root, "src", "ServeWell.Web", "wwwroot", "fonts", $"servewell-sans-{file}.woff2")).ShouldBeTrue(file);
        }
    }

    [GeneratedRegex("[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServeWell.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ServeWell.slnx not found above the test folder");
    }
}
