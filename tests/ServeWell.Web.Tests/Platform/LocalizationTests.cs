using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shouldly;
using Xunit;

namespace ServeWell.Web.Tests.Platform;

/// <summary>Every UI text the source asks for has a Korean translation that keeps its placeholders.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string Src = Path.Combine(RepoRoot(), "src", "ServeWell.Web");

    [Fact]
    public void KoreanResource_HasEveryTextTheSourceUses()
    {
        var korean = Resource("SharedResource.ko.resx");
        var missing = UsedKeys().Where(k => !korean.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        missing.ShouldBeEmpty($"Add these to SharedResource.ko.resx:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void KoreanResource_KeepsEveryPlaceholder()
    {
        var wrong = Resource("SharedResource.ko.resx")
            .Where(p => !Placeholders(p.Key).SetEquals(Placeholders(p.Value)))
            .Select(p => $"{p.Key} → {p.Value}")
            .ToList();
        wrong.ShouldBeEmpty(string.Join("\n", wrong));
    }

    [Fact]
    public void NeutralResource_NamesEveryEnumLabel()
    {
        var neutral = Resource("SharedResource.resx");
        var korean = Resource("SharedResource.ko.resx");
        foreach (var key in neutral.Keys)
        {
            korean.ShouldContainKey(key);
        }

        neutral.Keys.ShouldContain("Role:TrainingOfficer");
        neutral.Keys.ShouldContain("Kind:CommunityCentre");
    }

    private static IEnumerable<string> UsedKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Src, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (var regex in new[] { LocalizerCall(), ErrorMessage(), NavigationText() })
            {
                foreach (Match m in regex.Matches(text))
                {
                    var key = Regex.Unescape(m.Groups[1].Value);
                    // "Role:" + role and the like are labels of enum values, checked through the neutral resource.
                    if (!key.EndsWith(':'))
                    {
                        keys.Add(key);
                    }
                }
            }
        }

        return keys;
    }

    private static Dictionary<string, string> Resource(string name) =>
        XDocument.Load(Path.Combine(Src, "Platform", "Localization", name)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServeWell.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ServeWell.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""\b[lL]\[\s*"((?:[^"\\]|\\.)*)"\s*[\],]""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex("""ErrorMessage\s*=\s*"((?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex("""new NavigationItem\("((?:[^"\\]|\\.)*)"\s*,""")]
    private static partial Regex NavigationText();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
