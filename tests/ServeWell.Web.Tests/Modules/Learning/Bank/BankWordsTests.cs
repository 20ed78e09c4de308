using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ServeWell.Web.Tests.Modules.Learning.Bank;

/// <summary>Import problems reach the page through the localizer from variables, which the resource test cannot see; this one can.</summary>
public sealed partial class BankWordsTests
{
    [Fact]
    public void EveryProblemTemplate_HasAKoreanText()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "../../../../../src/ServeWell.Web/Modules/Learning/Bank");
        var korean = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "../../../../../src/ServeWell.Web/Platform/Localization/SharedResource.ko.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var templates = Directory.GetFiles(folder, "*.cs")
            .SelectMany(f => Template().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Where(t => t.Contains(' ', StringComparison.Ordinal)).Distinct().ToList();

        templates.Count.ShouldBeGreaterThan(30);
        templates.Where(t => !korean.Contains(t)).ShouldBeEmpty();
    }

    // The templates of ImportProblem.Line/Element/File (after an element name), of a ternary's second branch, of
    // BankRules' Add(...) and of ImportProblem's At… constants.
    [GeneratedRegex("""(?:ImportProblem\.(?:Line|Element|File)\([^"]*?(?:"\w+",[^"]*?)?|\bAdd\(|\bAt\w+ = |\)\."\s:\s)"((?:[^"\\]|\\.)*)"(?=[,);])""")]
    private static partial Regex Template();
}
