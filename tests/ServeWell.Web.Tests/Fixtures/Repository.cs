namespace ServeWell.Web.Tests.Fixtures;

/// <summary>The checkout the tests run from: files a test reads as the repository has them (resx, deploy files, fixtures).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServeWell.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ServeWell.slnx not found above " + AppContext.BaseDirectory);
    }
}
