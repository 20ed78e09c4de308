using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>Whether the citizen speaks at a node or the scene is described (ADR-054).</summary>
public enum NodeKind
{
    Citizen = 0,
    Scene = 1,
}

/// <summary>
/// A reply the employee may choose: its text, the node it leads to, a score per competency (by catalogue code, -5..+5)
/// and feedback that explains the score.
/// </summary>
public sealed record ScenarioChoice(LocalText Text, string Target, IReadOnlyDictionary<string, int> Scores, LocalText Feedback)
{
    public int ScoreFor(string competency) => Scores.TryGetValue(competency, out var score) ? score : 0;
}

/// <summary>
/// One step of the conversation, named by a key that stays the same across versions (the Twee passage name).
/// An ending has no choices and carries the debrief and what an experienced official would have said.
/// </summary>
public sealed record ScenarioNode(
    string Key, NodeKind Kind, LocalText Text, IReadOnlyList<ScenarioChoice> Choices,
    bool IsEnding = false, LocalText? Debrief = null, LocalText? Expert = null)
{
    public LocalText DebriefText => Debrief ?? LocalText.Empty;

    public LocalText ExpertText => Expert ?? LocalText.Empty;
}

/// <summary>
/// A scenario's whole text and graph: the draft an author edits and, frozen, each published version (ADR-054). Stored as
/// one JSON document, as course versions are (ADR-042).
/// </summary>
public sealed partial record ScenarioContent(
    LocalText Title, LocalText Intro, IReadOnlyList<string> Competencies, string Start, IReadOnlyList<ScenarioNode> Nodes)
{
    public const int MinScore = -5;
    public const int MaxScore = 5;
    public const int MaxKey = 60;
    public const int MaxText = 4000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static ScenarioContent Empty(LocalText title) => new(title, LocalText.Empty, [], "", []);

    public ScenarioNode? Find(string key) => Nodes.FirstOrDefault(n => n.Key == key);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ScenarioContent FromJson(string json) =>
        JsonSerializer.Deserialize<ScenarioContent>(json, Json) ?? Empty(LocalText.Empty);

    /// <summary>The same scenario (texts, graph, scores), compared by value: records compare their lists by reference.</summary>
    public bool SameAs(ScenarioContent other) => ToJson() == other.ToJson();

    /// <summary>A node key: letters, digits, spaces, '-' and '_', so it is also a Twee passage name without escapes.</summary>
    public static bool IsValidKey(string key) => key.Length is > 0 and <= MaxKey && KeyPattern().IsMatch(key);

    [GeneratedRegex(@"^[\p{L}\p{N}_\- ]+$")]
    private static partial Regex KeyPattern();
}
