namespace ServeWell.Web.Platform.Privacy;

/// <summary>A piece of the original or the scrubbed text; <see cref="Finding"/> is set where something was removed.</summary>
public sealed record TextPart(string Text, ScrubFinding? Finding);

/// <summary>The two texts of <c>_ScrubbedSideBySide</c> cut into pieces: the original with what was found, the scrubbed text with what stands there now.</summary>
public static class SideBySide
{
    public static IReadOnlyList<TextPart> Original(ScrubResult result) => Parts(result, f => f.Original);

    public static IReadOnlyList<TextPart> Scrubbed(ScrubResult result) => Parts(result, f => f.Replacement);

    private static List<TextPart> Parts(ScrubResult result, Func<ScrubFinding, string> shown)
    {
        var parts = new List<TextPart>(result.Findings.Count * 2 + 1);
        var at = 0;
        foreach (var finding in result.Findings)
        {
            if (finding.Start > at)
            {
                parts.Add(new TextPart(result.Original[at..finding.Start], null));
            }

            parts.Add(new TextPart(shown(finding), finding));
            at = finding.Start + finding.Length;
        }

        if (at < result.Original.Length)
        {
            parts.Add(new TextPart(result.Original[at..], null));
        }

        return parts;
    }
}
