using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>What the contribute/edit page posts; marked words one per line.</summary>
public sealed class CaseForm
{
    public LocalTextForm Title { get; set; } = new();

    public LocalTextForm Situation { get; set; } = new();

    public LocalTextForm CitizenSaid { get; set; } = new();

    public LocalTextForm OfficialDid { get; set; } = new();

    public LocalTextForm Outcome { get; set; } = new();

    public LocalTextForm Lesson { get; set; } = new();

    public string? Channel { get; set; } = "visit";

    public string? Kind { get; set; } = "statutory";

    public List<string> Tags { get; set; } = [];

    public List<string> Competencies { get; set; } = [];

    public string? Marked { get; set; }

    /// <summary>The form's field names in the order of <see cref="PracticeCase.Texts"/>, for errors under the right input.</summary>
    public static readonly IReadOnlyList<string> TextNames = [nameof(Title), nameof(Situation), nameof(CitizenSaid), nameof(OfficialDid), nameof(Outcome), nameof(Lesson)];

    public CaseInput ToInput() => new(
        Title.ToText(), Situation.ToText(), CitizenSaid.ToText(), OfficialDid.ToText(), Outcome.ToText(), Lesson.ToText(),
        Channel, Kind, Tags, Competencies, (Marked ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    public static CaseForm From(CaseInput input) => new()
    {
        Title = LocalTextForm.From(input.Title), Situation = LocalTextForm.From(input.Situation), CitizenSaid = LocalTextForm.From(input.CitizenSaid),
        OfficialDid = LocalTextForm.From(input.OfficialDid), Outcome = LocalTextForm.From(input.Outcome), Lesson = LocalTextForm.From(input.Lesson),
        Channel = input.Channel, Kind = input.Kind, Tags = [.. input.Tags ?? []], Competencies = [.. input.Competencies ?? []],
        Marked = string.Join('\n', input.MarkedPhrases),
    };

    /// <summary>The form key of an API field name ("situation.ko" → "Form.Situation.Ko").</summary>
    public static string KeyOf(string field)
    {
        var parts = field.Split('.');
        var index = CaseInput.TextFields.ToList().IndexOf(parts[0]);
        var name = index >= 0 ? TextNames[index] : field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..];
        return parts.Length > 1 ? $"Form.{name}.{char.ToUpperInvariant(parts[1][0])}{parts[1][1..]}" : name.Length == 0 ? "" : "Form." + name;
    }
}
