using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>Where the conversation happened.</summary>
public enum CaseChannel
{
    Visit = 0,
    Phone = 1,
    Online = 2,
    Written = 3,
}

/// <summary>The kind of complaint as Korean law classifies it: general (statutory, inquiry, suggestion, other) or grievance.</summary>
public enum CaseKind
{
    Statutory = 0,
    Inquiry = 1,
    Suggestion = 2,
    Other = 3,
    Grievance = 4,
}

[Flags]
public enum CaseTags
{
    None = 0,
    Repeated = 1,
    Malicious = 2,
    Threatening = 4,
    Unusual = 8,
    Vulnerable = 16,
    LanguageBarrier = 32,
}

/// <summary>Draft (author only) → submitted → published or returned (author edits again) → withdrawn, never deleted (ADR-053).</summary>
public enum CaseStatus
{
    Draft = 0,
    Submitted = 1,
    Published = 2,
    Returned = 3,
    Withdrawn = 4,
}

/// <summary>
/// A real civil-complaint case told by an official, for others to learn from (ADR-053). Its texts are the scrubbed ones:
/// what anybody but the author may read. The author's own words live in <see cref="CaseOriginal"/> while the case is a
/// draft and are deleted when it is submitted.
/// </summary>
public sealed class PracticeCase : IAudited
{
    public const int MaxTitle = 200;
    public const int MaxText = 3000;
    public const int MaxNote = 1000;

    public int Id { get; private set; }

    /// <summary>"CASE-…": known before the insert, for the audit log and for people to quote.</summary>
    public required string Reference { get; init; }

    /// <summary>The account that wrote it; never shown to readers (the author is often the official in the story).</summary>
    public required string AuthorUserId { get; init; }

    public CaseStatus Status { get; set; }

    public CaseChannel Channel { get; set; }

    public CaseKind Kind { get; set; }

    public CaseTags Tags { get; set; }

    public required LocalText Title { get; set; }

    public LocalText Situation { get; set; } = LocalText.Empty;

    /// <summary>What the citizen said and wanted.</summary>
    public LocalText CitizenSaid { get; set; } = LocalText.Empty;

    /// <summary>What the official did.</summary>
    public LocalText OfficialDid { get; set; } = LocalText.Empty;

    /// <summary>How it ended.</summary>
    public LocalText Outcome { get; set; } = LocalText.Empty;

    public LocalText Lesson { get; set; } = LocalText.Empty;

    /// <summary>The reviewer's note when returned, or the reason when withdrawn.</summary>
    public string? Note { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    public DateTime? WithdrawnAtUtc { get; set; }

    public List<PracticeCaseCompetency> Competencies { get; } = [];

    string IAudited.AuditKey => Reference;

    /// <summary>The six texts in the order the form and the scrubber take them.</summary>
    public IReadOnlyList<LocalText> Texts => [Title, Situation, CitizenSaid, OfficialDid, Outcome, Lesson];

    public void SetTexts(IReadOnlyList<LocalText> texts)
    {
        (Title, Situation, CitizenSaid, OfficialDid, Outcome, Lesson) = (texts[0], texts[1], texts[2], texts[3], texts[4], texts[5]);
    }

    public bool AuthorMayEdit => Status is CaseStatus.Draft or CaseStatus.Returned;
}

public sealed class PracticeCaseCompetency
{
    public int CaseId { get; set; }

    public int CompetencyId { get; set; }
}

/// <summary>
/// The author's words as typed and the phrases they marked, while the case is a draft: read by the author only, never
/// audited, deleted on submission (ADR-053).
/// </summary>
public sealed class CaseOriginal
{
    public int CaseId { get; set; }

    public required LocalText Title { get; set; }

    public LocalText Situation { get; set; } = LocalText.Empty;

    public LocalText CitizenSaid { get; set; } = LocalText.Empty;

    public LocalText OfficialDid { get; set; } = LocalText.Empty;

    public LocalText Outcome { get; set; } = LocalText.Empty;

    public LocalText Lesson { get; set; } = LocalText.Empty;

    /// <summary>One marked phrase per line.</summary>
    public string Marked { get; set; } = "";

    public IReadOnlyList<LocalText> Texts => [Title, Situation, CitizenSaid, OfficialDid, Outcome, Lesson];

    public void SetTexts(IReadOnlyList<LocalText> texts)
    {
        (Title, Situation, CitizenSaid, OfficialDid, Outcome, Lesson) = (texts[0], texts[1], texts[2], texts[3], texts[4], texts[5]);
    }
}

/// <summary>One search term of a published case (ADR-053): a Hangul bigram or a lower-cased Latin word, with its weight.</summary>
public sealed class CaseTerm
{
    public int CaseId { get; set; }

    public required string Term { get; set; }

    public int Weight { get; set; }
}
