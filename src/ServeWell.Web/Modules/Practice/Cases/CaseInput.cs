using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>A case as a form or the API sends it, before checks: texts as typed, codes as strings.</summary>
public sealed record CaseInput(
    LocalText? Title,
    LocalText? Situation,
    LocalText? CitizenSaid,
    LocalText? OfficialDid,
    LocalText? Outcome,
    LocalText? Lesson,
    string? Channel,
    string? Kind,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<string>? Competencies,
    IReadOnlyList<string>? Marked)
{
    public const int MaxMarked = 2000;

    /// <summary>The field names, in the order of <see cref="PracticeCase.Texts"/> (the API's camelCase names).</summary>
    public static readonly IReadOnlyList<string> TextFields = ["title", "situation", "citizenSaid", "officialDid", "outcome", "lesson"];

    public IReadOnlyList<LocalText> Texts => [.. new[] { Title, Situation, CitizenSaid, OfficialDid, Outcome, Lesson }.Select(t => t ?? LocalText.Empty)];

    /// <summary>The marked phrases, trimmed, without blanks or repeats.</summary>
    public IReadOnlyList<string> MarkedPhrases => [.. (Marked ?? []).Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>One problem with a case input: the field (API name) and what is wrong, in the reader's language.</summary>
public sealed record CaseProblem(string Field, string Message);

/// <summary>The codes the API and forms use for channels, kinds and tags ("visit", "grievance", "language-barrier").</summary>
public static class CaseCodes
{
    public static readonly IReadOnlyList<(CaseChannel Value, string Code, string Label)> Channels =
    [
        (CaseChannel.Visit, "visit", "Visit"), (CaseChannel.Phone, "phone", "Phone"),
        (CaseChannel.Online, "online", "Online"), (CaseChannel.Written, "written", "Written"),
    ];

    public static readonly IReadOnlyList<(CaseKind Value, string Code, string Label)> Kinds =
    [
        (CaseKind.Statutory, "statutory", "General: statutory"), (CaseKind.Inquiry, "inquiry", "General: inquiry"),
        (CaseKind.Suggestion, "suggestion", "General: suggestion"), (CaseKind.Other, "other", "General: other"),
        (CaseKind.Grievance, "grievance", "Grievance"),
    ];

    public static readonly IReadOnlyList<(CaseTags Value, string Code, string Label)> Tags =
    [
        (CaseTags.Repeated, "repeated", "Repeated"), (CaseTags.Malicious, "malicious", "Malicious"),
        (CaseTags.Threatening, "threatening", "Threatening"), (CaseTags.Unusual, "unusual", "Unusual"),
        (CaseTags.Vulnerable, "vulnerable", "Elderly or vulnerable citizen"), (CaseTags.LanguageBarrier, "language-barrier", "Language barrier"),
    ];

    public static string Of(CaseChannel value) => Channels.Single(c => c.Value == value).Code;

    public static string Of(CaseKind value) => Kinds.Single(c => c.Value == value).Code;

    public static string Of(CaseStatus value) => value.ToString().ToLowerInvariant();

    public static IReadOnlyList<string> Of(CaseTags tags) => [.. Tags.Where(t => (tags & t.Value) != 0).Select(t => t.Code)];

    public static string LabelOf(CaseChannel value) => Channels.Single(c => c.Value == value).Label;

    public static string LabelOf(CaseKind value) => Kinds.Single(c => c.Value == value).Label;

    public static string LabelOf(CaseStatus value) => value switch
    {
        CaseStatus.Draft => "Draft",
        CaseStatus.Submitted => "Waiting for review",
        CaseStatus.Published => "Published",
        CaseStatus.Returned => "Returned to the author",
        _ => "Withdrawn",
    };

    public static CaseChannel? Channel(string? code) => Channels.FirstOrDefault(c => c.Code == code?.Trim().ToLowerInvariant()) is { Code: not null } c ? c.Value : null;

    public static CaseKind? Kind(string? code) => Kinds.FirstOrDefault(c => c.Code == code?.Trim().ToLowerInvariant()) is { Code: not null } c ? c.Value : null;

    public static CaseTags? Tag(string? code) => Tags.FirstOrDefault(c => c.Code == code?.Trim().ToLowerInvariant()) is { Code: not null } c ? c.Value : null;
}

/// <summary>The checks of a case input, for pages and the API alike; competencies are checked against the catalogue by the caller.</summary>
public static class CaseRules
{
    /// <param name="forSubmission">A draft needs a title; a case sent to review needs every text in at least one language.</param>
    public static List<CaseProblem> Check(CaseInput input, bool forSubmission, IStringLocalizer l)
    {
        var problems = CheckTexts(input, forSubmission ? [0, 1, 2, 3, 4, 5] : [0], l);

        if (CaseCodes.Channel(input.Channel) is null)
        {
            problems.Add(new("channel", l["Channel: \"{0}\" is not one of visit, phone, online, written.", input.Channel ?? ""]));
        }

        if (CaseCodes.Kind(input.Kind) is null)
        {
            problems.Add(new("kind", l["Kind: \"{0}\" is not one of statutory, inquiry, suggestion, other, grievance.", input.Kind ?? ""]));
        }

        foreach (var tag in (input.Tags ?? []).Where(t => CaseCodes.Tag(t) is null))
        {
            problems.Add(new("tags", l["Tags: \"{0}\" is not one of repeated, malicious, threatening, unusual, vulnerable, language-barrier.", tag]));
        }

        if (input.MarkedPhrases.Sum(m => m.Length + 1) > CaseInput.MaxMarked)
        {
            problems.Add(new("marked", l["Marked words: at most {0} characters in all.", CaseInput.MaxMarked]));
        }

        return problems;
    }

    /// <summary>Lengths of every text, and the texts at <paramref name="required"/> present in at least one language.</summary>
    public static List<CaseProblem> CheckTexts(CaseInput input, IReadOnlyList<int> required, IStringLocalizer l)
    {
        var problems = new List<CaseProblem>();
        var texts = input.Texts;
        string[] names = [l["Title"], l["The situation"], l["What the citizen said and wanted"], l["What the official did"], l["How it ended"], l["The lesson"]];
        for (var i = 0; i < texts.Count; i++)
        {
            var message = required.Contains(i) ? l["Write {0} in Korean or English.", names[i]].Value : null;
            var max = i == 0 ? PracticeCase.MaxTitle : PracticeCase.MaxText;
            problems.AddRange(LocalTextRules.Check(texts[i], CaseInput.TextFields[i], max, message, l)
                .Select(p => new CaseProblem(p.Field, p.Field.Contains('.') ? $"{names[i]}: {p.Message}" : p.Message)));
        }

        return problems;
    }
}
