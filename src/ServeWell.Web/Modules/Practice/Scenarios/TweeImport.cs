using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>A line of a Twee file that could not be read, and why (line 1 is the first line).</summary>
public sealed record TweeError(int Line, string Message);

/// <summary>
/// Reads Twine's Twee 3 text into a scenario (ADR-054): passages become nodes, links (<c>[[text->Target]]</c>,
/// <c>[[Target&lt;-text]]</c>, <c>[[text|Target]]</c>, <c>[[Target]]</c>) become replies, the tag <c>ending</c> marks an
/// ending and <c>scene</c> a described scene; StoryData's <c>start</c> names the first node. ServeWell's own data rides in
/// comment lines <c>&lt;!-- key: value --&gt;</c>: before a passage's first link they belong to the node (<c>en</c>,
/// <c>debrief ko</c>, <c>debrief en</c>, <c>expert ko</c>, <c>expert en</c>), after a link to that reply (<c>en</c>,
/// <c>score: empathy+2 difficult-situations-1</c>, <c>feedback ko</c>, <c>feedback en</c>). Any error means nothing is
/// imported: the caller gets every error with its line.
/// </summary>
public sealed partial class TweeImport(IStringLocalizer l)
{
    public const string InfoPassage = "ServeWell";
    public const string InfoTag = "servewell";
    public const string EndingTag = "ending";
    public const string SceneTag = "scene";

    private static readonly string[] NodeKeys = ["en", "debrief ko", "debrief en", "expert ko", "expert en"];
    private static readonly string[] ChoiceKeys = ["en", "score", "feedback ko", "feedback en"];
    private static readonly string[] InfoKeys = ["title ko", "title en", "intro ko", "intro en", "competencies"];

    private readonly List<TweeError> _errors = [];

    /// <summary>The scenario, or null with the errors; <paramref name="knownCompetencies"/> are the catalogue's codes.</summary>
    public (ScenarioContent? Content, IReadOnlyList<TweeError> Errors) Read(string twee, IReadOnlyCollection<string> knownCompetencies)
    {
        _errors.Clear();
        var passages = Passages(twee.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));
        if (passages.Count == 0 && _errors.Count == 0)
        {
            _errors.Add(new TweeError(1, l["No passages: a passage starts with a line \":: Name\"."]));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in passages.Where(p => !names.Add(p.Name)))
        {
            _errors.Add(new TweeError(passage.Line, l["A second passage is named \"{0}\".", passage.Name]));
        }

        var title = passages.FirstOrDefault(p => p.Name == "StoryTitle")?.Body.Select(b => b.Text).FirstOrDefault(t => t.Trim().Length > 0)?.Trim() ?? "";
        var start = StartOf(passages.FirstOrDefault(p => p.Name == "StoryData"));
        var info = passages.FirstOrDefault(p => p.Name == InfoPassage || p.Tags.Contains(InfoTag));
        var values = info is null ? new Dictionary<string, List<string>>() : Comments(info.Body, InfoKeys);
        var declared = Joined(values, "competencies").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var unknown in declared.Where(c => !knownCompetencies.Contains(c)))
        {
            _errors.Add(new TweeError(info!.Line, l["\"{0}\" is not a competency of the catalogue.", unknown]));
        }

        var story = passages.Where(p => p != info && p.Name is not ("StoryTitle" or "StoryData")).ToList();
        var used = new List<string>();
        var nodes = story.Select(p => Node(p, names, declared, knownCompetencies, used)).ToList();
        start ??= story.FirstOrDefault(p => p.Name == "Start")?.Name ?? story.FirstOrDefault()?.Name ?? "";
        if (story.Count > 0 && !story.Any(p => p.Name == start))
        {
            _errors.Add(new TweeError(passages.First(p => p.Name == "StoryData").Line, l["StoryData names the start passage \"{0}\", which does not exist.", start]));
        }

        if (_errors.Count > 0)
        {
            return (null, _errors.OrderBy(e => e.Line).ToList());
        }

        var content = new ScenarioContent(
            LocalText.Of(Joined(values, "title en"), values.ContainsKey("title ko") ? Joined(values, "title ko") : title),
            LocalText.Of(Joined(values, "intro en"), Joined(values, "intro ko")),
            declared.Count > 0 ? declared : used.Distinct().ToList(),
            start,
            nodes);
        return (content, []);
    }

    private sealed record Line(int Number, string Text);

    private sealed record Passage(int Line, string Name, IReadOnlyList<string> Tags, List<Line> Body);

    private List<Passage> Passages(string[] lines)
    {
        var passages = new List<Passage>();
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            if (text.StartsWith("::", StringComparison.Ordinal))
            {
                if (Header(i + 1, text[2..]) is { } passage)
                {
                    passages.Add(passage);
                }

                continue;
            }

            if (passages.Count > 0)
            {
                passages[^1].Body.Add(new Line(i + 1, text));
            }
            else if (text.Trim().Length > 0)
            {
                _errors.Add(new TweeError(i + 1, l["Text before the first passage: a passage starts with a line \":: Name\"."]));
            }
        }

        return passages;
    }

    /// <summary><c>Name [tags] {metadata}</c>, with Twee's escapes (<c>\[</c> and the like) in the name.</summary>
    private Passage? Header(int line, string header)
    {
        var match = HeaderPattern().Match(header);
        var name = match.Success ? Unescape(match.Groups["name"].Value).Trim() : "";
        if (name.Length == 0)
        {
            _errors.Add(new TweeError(line, l["A passage has no name."]));
            return null;
        }

        if (match.Groups["meta"].Success)
        {
            try
            {
                using var _ = JsonDocument.Parse(match.Groups["meta"].Value);
            }
            catch (JsonException)
            {
                _errors.Add(new TweeError(line, l["The passage's metadata {...} is not valid JSON."]));
            }
        }

        var tags = match.Groups["tags"].Success ? match.Groups["tags"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        return new Passage(line, name, tags, []);
    }

    private string? StartOf(Passage? data)
    {
        if (data is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(string.Join('\n', data.Body.Select(b => b.Text)));
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("start", out var start) && start.ValueKind == JsonValueKind.String
                ? start.GetString()
                : null;
        }
        catch (JsonException)
        {
            _errors.Add(new TweeError(data.Line, l["StoryData is not valid JSON."]));
            return null;
        }
    }

    private ScenarioNode Node(Passage passage, HashSet<string> names, List<string> declared, IReadOnlyCollection<string> known, List<string> used)
    {
        if (!ScenarioContent.IsValidKey(passage.Name))
        {
            _errors.Add(new TweeError(passage.Line, l["The passage name \"{0}\" may hold only letters, digits, spaces, '-' and '_' (at most {1} characters).", passage.Name, ScenarioContent.MaxKey]));
        }

        var text = new List<string>();
        var nodeValues = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var choices = new List<ChoiceDraft>();
        foreach (var line in passage.Body)
        {
            if (CommentPattern().Match(line.Text) is { Success: true } comment)
            {
                var key = comment.Groups["key"].Value.Trim();
                var value = comment.Groups["value"].Value.Trim();
                var target = choices.Count > 0 ? choices[^1].Values : nodeValues;
                var allowed = choices.Count > 0 ? ChoiceKeys : NodeKeys;
                if (!allowed.Contains(key))
                {
                    _errors.Add(new TweeError(line.Number, choices.Count > 0
                        ? l["\"{0}\" is not a reply's line here: after a link come en, score, feedback ko and feedback en.", key]
                        : l["\"{0}\" is not a passage's line: before the first link come en, debrief ko/en and expert ko/en.", key]));
                    continue;
                }

                if (key == "score")
                {
                    choices[^1].Scores = Scores(line.Number, value, declared, known, used);
                }

                Add(target, key, value);
                continue;
            }

            var rest = LinkPattern().Replace(line.Text, link =>
            {
                choices.Add(Link(line.Number, link.Groups["link"].Value, names));
                return "";
            });
            if (rest.Trim().Length > 0 && !rest.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                text.Add(rest.TrimEnd());
            }
        }

        var isEnding = passage.Tags.Contains(EndingTag);
        return new ScenarioNode(
            passage.Name,
            passage.Tags.Contains(SceneTag) ? NodeKind.Scene : NodeKind.Citizen,
            LocalText.Of(Joined(nodeValues, "en"), string.Join('\n', text).Trim('\n')),
            choices.Select(c => new ScenarioChoice(
                LocalText.Of(Joined(c.Values, "en"), c.Text), c.Target, c.Scores,
                LocalText.Of(Joined(c.Values, "feedback en"), Joined(c.Values, "feedback ko")))).ToList(),
            isEnding,
            isEnding || nodeValues.ContainsKey("debrief ko") || nodeValues.ContainsKey("debrief en")
                ? LocalText.Of(Joined(nodeValues, "debrief en"), Joined(nodeValues, "debrief ko")) : null,
            isEnding || nodeValues.ContainsKey("expert ko") || nodeValues.ContainsKey("expert en")
                ? LocalText.Of(Joined(nodeValues, "expert en"), Joined(nodeValues, "expert ko")) : null);
    }

    private sealed class ChoiceDraft(string text, string target)
    {
        public string Text { get; } = text;

        public string Target { get; } = target;

        public Dictionary<string, int> Scores { get; set; } = [];

        public Dictionary<string, List<string>> Values { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The four link forms of Twine 2: <c>-></c> (the rightmost) and <c>&lt;-</c> (the leftmost) first, then <c>|</c>, else the
    /// whole is both text and target. A Harlowe/SugarCube setter (<c>][…</c>) is dropped.
    /// </summary>
    private ChoiceDraft Link(int line, string inner, HashSet<string> names)
    {
        var setter = inner.IndexOf("][", StringComparison.Ordinal);
        if (setter >= 0)
        {
            inner = inner[..setter];
        }

        string text, target;
        var arrow = inner.LastIndexOf("->", StringComparison.Ordinal);
        var back = inner.IndexOf("<-", StringComparison.Ordinal);
        var pipe = inner.IndexOf('|', StringComparison.Ordinal);
        if (arrow >= 0)
        {
            (text, target) = (inner[..arrow], inner[(arrow + 2)..]);
        }
        else if (back >= 0)
        {
            (target, text) = (inner[..back], inner[(back + 2)..]);
        }
        else if (pipe >= 0)
        {
            (text, target) = (inner[..pipe], inner[(pipe + 1)..]);
        }
        else
        {
            (text, target) = (inner, inner);
        }

        (text, target) = (text.Trim(), target.Trim());
        if (target.Length == 0)
        {
            _errors.Add(new TweeError(line, l["The link [[{0}]] names no passage.", inner]));
        }
        else if (!names.Contains(target))
        {
            _errors.Add(new TweeError(line, l["The link [[{0}]] leads to \"{1}\", which is not a passage.", inner, target]));
        }

        return new ChoiceDraft(text, target);
    }

    private Dictionary<string, int> Scores(int line, string value, List<string> declared, IReadOnlyCollection<string> known, List<string> used)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = ScorePattern().Match(token);
            if (!match.Success || !int.TryParse(match.Groups["score"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score))
            {
                _errors.Add(new TweeError(line, l["\"{0}\" is not a score: write a competency and a signed number, as in empathy+2.", token]));
                continue;
            }

            var code = match.Groups["code"].Value;
            if (!known.Contains(code))
            {
                _errors.Add(new TweeError(line, l["\"{0}\" is not a competency of the catalogue.", code]));
            }
            else if (declared.Count > 0 && !declared.Contains(code))
            {
                _errors.Add(new TweeError(line, l["\"{0}\" is not among the scenario's competencies (the line competencies: of the ServeWell passage).", code]));
            }
            else if (score is < ScenarioContent.MinScore or > ScenarioContent.MaxScore)
            {
                _errors.Add(new TweeError(line, l["The score {0} is outside {1} to +{2}.", token, ScenarioContent.MinScore, ScenarioContent.MaxScore]));
            }
            else if (!scores.TryAdd(code, score))
            {
                _errors.Add(new TweeError(line, l["\"{0}\" is scored twice for the same reply.", code]));
            }
            else
            {
                used.Add(code);
            }
        }

        return scores;
    }

    private static Dictionary<string, List<string>> Comments(IEnumerable<Line> lines, string[] keys)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var match in lines.Select(b => CommentPattern().Match(b.Text)).Where(m => m.Success && keys.Contains(m.Groups["key"].Value.Trim())))
        {
            Add(values, match.Groups["key"].Value.Trim(), match.Groups["value"].Value.Trim());
        }

        return values;
    }

    private static void Add(Dictionary<string, List<string>> values, string key, string value)
    {
        if (!values.TryGetValue(key, out var list))
        {
            values[key] = list = [];
        }

        list.Add(value);
    }

    private static string Joined(Dictionary<string, List<string>> values, string key) =>
        values.TryGetValue(key, out var list) ? string.Join('\n', list) : "";

    private static string Unescape(string text) => EscapePattern().Replace(text, "$1");

    [GeneratedRegex(@"^\s*(?<name>(?:\\.|[^\\\[\]{}])*)\s*(?:\[(?<tags>(?:\\.|[^\]])*)\])?\s*(?<meta>\{.*\})?\s*$")]
    private static partial Regex HeaderPattern();

    /// <summary>A ServeWell line: <c>&lt;!-- key: value --&gt;</c> alone on its line; other comments are the story's own.</summary>
    [GeneratedRegex(@"^\s*<!--\s*(?<key>[a-z]+(?: [a-z]+)?)\s*:(?<value>.*?)-->\s*$")]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"\[\[(?<link>(?:[^\]]|\](?!\]))+)\]\]")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^(?<code>[a-z][a-z0-9-]*?)(?<score>[+-]\d+)$")]
    private static partial Regex ScorePattern();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex EscapePattern();
}
