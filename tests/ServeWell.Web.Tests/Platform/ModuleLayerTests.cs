using System.Text.RegularExpressions;
using Shouldly;

namespace ServeWell.Web.Tests.Platform;

/// <summary>
/// The modules form layers (ADR-033): a module may use the modules of the layers below it, never one beside or above
/// it; those talk to it through contracts in Platform (events such as IRosterChanged, IFeedbackReceived). Platform sits
/// below every module, save the one DbContext (ADR-002) and the security plumbing that reads accounts and org units.
/// </summary>
public sealed partial class ModuleLayerTests
{
    /// <summary>Lowest first. A new module must be placed here before its first file compiles into the app.</summary>
    public static readonly string[][] Layers =
    [
        ["People"],
        ["Accounts"],
        ["Training", "Feedback"],
        ["Learning", "FollowUps"],
        ["Practice", "Recognition"],
        ["Protection"],
        ["Insights"],
        ["Admin", "Home"],
        ["Demo"],
    ];

    /// <summary>What Platform may use, outside Platform/Data (which maps every module's entities).</summary>
    private static readonly string[] PlatformMayUse = ["People", "Accounts"];

    [Fact]
    public void Every_module_folder_has_a_place_in_the_layers()
    {
        var placed = Layers.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        var unplaced = Directory.EnumerateDirectories(ModulesRoot())
            .Select(Path.GetFileName)
            .Where(name => !placed.Contains(name!))
            .ToList();

        unplaced.ShouldBeEmpty("Place these modules in ModuleLayerTests.Layers (and ADR-033).");
    }

    [Fact]
    public void A_module_uses_only_modules_of_the_layers_below_it()
    {
        var layerOf = Layers.SelectMany((layer, i) => layer.Select(m => (m, i))).ToDictionary(x => x.m, x => x.i, StringComparer.Ordinal);
        var offences = new List<string>();
        foreach (var file in SourceFiles(ModulesRoot()))
        {
            var relative = Path.GetRelativePath(ModulesRoot(), file);
            // Files at the root of Modules (the home and error pages, view imports) belong to Home.
            var module = relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) ? relative.Split(Path.DirectorySeparatorChar)[0] : "Home";
            if (!layerOf.TryGetValue(module, out var own))
            {
                continue; // reported by the test above
            }

            foreach (var used in UsedModules(file).Where(u => u != module))
            {
                if (!layerOf.TryGetValue(used, out var theirs) || theirs >= own)
                {
                    offences.Add($"{relative} ({module}, layer {own}) uses {used} ({(theirs >= 0 && layerOf.ContainsKey(used) ? $"layer {theirs}" : "not a module")})");
                }
            }
        }

        offences.ShouldBeEmpty("A module may use only modules below it; turn the dependency around with a contract in Platform.");
    }

    [Fact]
    public void Platform_uses_no_module_except_for_the_one_DbContext_and_security_plumbing()
    {
        var platform = Path.Combine(SrcRoot(), "Platform");
        var data = Path.Combine(platform, "Data") + Path.DirectorySeparatorChar;
        var offences = SourceFiles(platform)
            .Where(f => !f.StartsWith(data, StringComparison.Ordinal))
            .SelectMany(f => UsedModules(f).Where(u => !PlatformMayUse.Contains(u)).Select(u => $"{Path.GetRelativePath(platform, f)} uses {u}"))
            .ToList();

        offences.ShouldBeEmpty("Platform is below every module; move this into the module or add a contract.");
    }

    [Fact]
    public void The_check_sees_a_use_written_in_any_of_the_usual_ways()
    {
        UsedModules("using ServeWell.Web.Modules.Training;\n").ShouldBe(["Training"]);
        UsedModules("var x = new Modules.Insights.Rollups.Cube();").ShouldBe(["Insights"]);
        UsedModules("@using ServeWell.Web.Modules.FollowUps.Cases").ShouldBe(["FollowUps"]);
        UsedModules("// ServeWell.Web.Modules is the root").ShouldBeEmpty();
    }

    private static IEnumerable<string> UsedModules(string fileOrText) =>
        ModuleUse().Matches(File.Exists(fileOrText) ? File.ReadAllText(fileOrText) : fileOrText)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"\bModules\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex ModuleUse();

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal));

    private static string ModulesRoot() => Path.Combine(SrcRoot(), "Modules");

    private static string SrcRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServeWell.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("ServeWell.slnx not found above the test folder."), "src", "ServeWell.Web");
    }
}
