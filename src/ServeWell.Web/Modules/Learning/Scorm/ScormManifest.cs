namespace ServeWell.Web.Modules.Learning.Scorm;

public enum ScormVersion
{
    Scorm12 = 12,
    Scorm2004 = 2004,
}

/// <summary>What ServeWell keeps of a package's imsmanifest.xml: its name, its version, and the things a learner launches.</summary>
public sealed record ScormManifest(string Identifier, string Title, ScormVersion Version, IReadOnlyList<ScormManifestItem> Scos);

/// <summary>
/// One launchable item: the organisation's item (or, in a manifest without organisations, the SCO resource itself),
/// with the path of its launch file inside the package (xml:base and parameters applied) and its mastery score.
/// </summary>
public sealed record ScormManifestItem(string Identifier, string Title, string LaunchPath, string? Parameters, decimal? MasteryScore, int Depth);

/// <summary>
/// Why a package was refused, as an English format text with its values, so the page shows it in the reader's
/// language (the Korean text is in SharedResource.ko.resx under the same key).
/// </summary>
public sealed record ScormProblem(string Text, params object[] Values)
{
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Text, Values);
}

public sealed class ScormPackageException(ScormProblem problem) : Exception(problem.ToString())
{
    public ScormProblem Problem { get; } = problem;
}
