namespace ServeWell.Web.Tests.Modules.People;

/// <summary>People is below Training: Training reads the roster, People tells whoever listens through Platform contracts (IRosterChanged).</summary>
public sealed class PeopleBoundaryTests
{
    [Fact]
    public void PeopleModule_NeverReferencesTraining()
    {
        var people = Path.Combine(RepoRoot(), "src", "ServeWell.Web", "Modules", "People");

        var offenders = Directory.EnumerateFiles(people, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("Modules.Training", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(people, f))
            .ToList();

        offenders.ShouldBeEmpty("These People files reach into Training; use a contract in Platform instead.");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServeWell.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ServeWell.slnx not found above the test folder.");
    }
}
