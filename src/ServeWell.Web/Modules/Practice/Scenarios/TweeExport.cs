using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>
/// Writes a scenario as Twine's Twee 3 text (ADR-054): StoryTitle, StoryData (ifid, format, start), one info passage
/// tagged <c>servewell</c>, then one passage per node. Korean is the passage's own text and the links' text (what Twine
/// shows); English, scores, feedback and debriefs ride in HTML comments, which Harlowe, SugarCube and Chapbook do not show.
/// <see cref="TweeImport"/> reads exactly this back.
/// </summary>
public static class TweeExport
{
    public const string Format = "Harlowe";
    public const string FormatVersion = "3.3.9";

    public static string Write(ScenarioContent content, Guid ifid)
    {
        var text = new StringBuilder();
        text.Append(":: StoryTitle\n").Append(content.Title.Ko.Length > 0 ? content.Title.Ko : content.Title.En).Append("\n\n");
        var data = new JsonObject
        {
            ["ifid"] = ifid.ToString("D").ToUpperInvariant(),
            ["format"] = Format,
            ["format-version"] = FormatVersion,
            ["start"] = content.Start,
            ["zoom"] = 1,
        };
        text.Append(":: StoryData\n").Append(data.ToJsonString(new JsonSerializerOptions { WriteIndented = true })).Append("\n\n");

        text.Append(":: ").Append(TweeImport.InfoPassage).Append(" [").Append(TweeImport.InfoTag).Append("]\n");
        Comments(text, "title ko", content.Title.Ko);
        Comments(text, "title en", content.Title.En);
        Comments(text, "intro ko", content.Intro.Ko);
        Comments(text, "intro en", content.Intro.En);
        if (content.Competencies.Count > 0)
        {
            Comment(text, "competencies", string.Join(' ', content.Competencies));
        }

        text.Append('\n');
        foreach (var node in content.Nodes)
        {
            Passage(text, node);
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void Passage(StringBuilder text, ScenarioNode node)
    {
        var tags = new List<string>();
        if (node.Kind == NodeKind.Scene)
        {
            tags.Add(TweeImport.SceneTag);
        }

        if (node.IsEnding)
        {
            tags.Add(TweeImport.EndingTag);
        }

        text.Append(":: ").Append(node.Key);
        if (tags.Count > 0)
        {
            text.Append(" [").Append(string.Join(' ', tags)).Append(']');
        }

        text.Append('\n');
        if (node.Text.Ko.Length > 0)
        {
            text.Append(node.Text.Ko).Append('\n');
        }

        Comments(text, "en", node.Text.En);
        Both(text, "debrief", node.DebriefText);
        Both(text, "expert", node.ExpertText);
        foreach (var choice in node.Choices)
        {
            text.Append("[[").Append(choice.Text.Ko.Length > 0 ? choice.Text.Ko : choice.Text.En).Append("->").Append(choice.Target).Append("]]\n");
            Comments(text, "en", choice.Text.En);

            if (choice.Scores.Count > 0)
            {
                Comment(text, "score", string.Join(' ', choice.Scores.Select(s => s.Key + s.Value.ToString("+0;-0;+0", CultureInfo.InvariantCulture))));
            }

            Both(text, "feedback", choice.Feedback);
        }

        text.Append('\n');
    }

    private static void Both(StringBuilder text, string key, LocalText value)
    {
        Comments(text, key + " ko", value.Ko);
        Comments(text, key + " en", value.En);
    }

    /// <summary>One comment per line of <paramref name="value"/>, so a multi-line text survives (the reader joins them).</summary>
    private static void Comments(StringBuilder text, string key, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        foreach (var line in value.Split('\n'))
        {
            Comment(text, key, line.TrimEnd('\r'));
        }
    }

    private static void Comment(StringBuilder text, string key, string value) =>
        text.Append("<!-- ").Append(key).Append(": ").Append(value.Replace("-->", "-- >", StringComparison.Ordinal)).Append(" -->\n");
}
