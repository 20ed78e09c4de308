using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Feedback.Surveys;

/// <summary>
/// A survey a touchpoint can ask: which optional questions, and texts that override the standard ones. Staff edit its
/// draft; publishing copies the draft into a new, numbered <see cref="SurveyVersion"/> that never changes (ADR-017).
/// </summary>
public sealed class SurveyDefinition : IAudited
{
    /// <summary>The standard survey every touchpoint without a definition of its own asks; seeded by the migration.</summary>
    public const int DefaultId = 1;

    /// <summary>The seeded standard survey's name (the migration's seed data).</summary>
    public const string DefaultName = "Standard survey";

    public int Id { get; private set; }

    public required string Name { get; set; }

    /// <summary>The draft's asked optional questions, comma-separated (<see cref="SurveyQuestions"/>); overall is always asked.</summary>
    public string DraftQuestions { get; set; } = SurveyQuestions.Join(SurveyQuestions.Optional);

    /// <summary>The draft's custom texts as JSON ("overall.ko": "…"); a missing text is the standard one.</summary>
    public string DraftTexts { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<SurveyVersion> Versions { get; private set; } = [];

    public bool IsDefault => Id == DefaultId;

    string IAudited.AuditKey => Name;
}

/// <summary>
/// A published survey: what citizens were asked and in which words. Answers point at it. It is written once and
/// never changed or deleted (the context refuses to), so past answers always say what they answered.
/// </summary>
public sealed class SurveyVersion : IImmutableRecord
{
    /// <summary>The first version of the standard survey: the questions and texts asked before surveys were versioned.</summary>
    public const int OriginalId = 1;

    public int Id { get; private set; }

    public int SurveyDefinitionId { get; init; }

    public SurveyDefinition? Definition { get; private set; }

    /// <summary>1, 2, 3… within its definition.</summary>
    public int Number { get; init; }

    public required string Questions { get; init; }

    public required string Texts { get; init; }

    public DateTime PublishedAt { get; init; }

    /// <summary>The email of whoever published it; null for the seeded original.</summary>
    public string? PublishedBy { get; init; }

    /// <summary>Parsed once: a version never changes, and the intake asks it about every answer.</summary>
    private HashSet<string>? _asked;

    public bool Asks(string question) => question == SurveyQuestions.Overall || (_asked ??= SurveyQuestions.Parse(Questions)).Contains(question);

    public IReadOnlyDictionary<string, string> CustomTexts => SurveyQuestions.ParseTexts(Texts);
}

/// <summary>The questions a survey can ask and the texts it can override.</summary>
public static class SurveyQuestions
{
    public const string Overall = "overall";

    /// <summary>The questions an administrator may leave out. Commending an employee and "contact me" are always offered (ADR-017).</summary>
    public static readonly string[] Optional = ["timeliness", "knowledge", "courtesy", "fairness", "outcome", "resolved", "comment"];

    public static readonly string[] Drivers = ["timeliness", "knowledge", "courtesy", "fairness", "outcome"];

    /// <summary>Every text a definition can override, in the order the survey shows them.</summary>
    public static readonly string[] TextKeys = ["intro", Overall, .. Optional, "thanks"];

    public static readonly string[] Languages = ["en", "ko"];

    public const int MaxTextLength = 300;

    /// <summary>The standard text of each key, as the resource files translate it (the English text is the resource key).</summary>
    public static string StandardText(string key) => key switch
    {
        "intro" => "30 seconds, anonymous. Only the first question is required.",
        Overall => "Overall, how satisfied are you with the service you received today?",
        "timeliness" => "The time it took",
        "knowledge" => "Staff knowledge and competence",
        "courtesy" => "Courtesy of staff",
        "fairness" => "You were treated fairly",
        "outcome" => "You got what you needed",
        "resolved" => "Was your matter resolved?",
        "comment" => "Anything else you want to tell us?",
        "thanks" => "Your answer has been received. It helps us serve you better.",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a survey text."),
    };

    /// <summary>What staff call each text on the edit page.</summary>
    public static string Label(string key) => "SurveyText:" + key;

    public static string Join(IEnumerable<string> questions) => string.Join(',', Optional.Where(questions.Contains));

    public static HashSet<string> Parse(string questions) =>
        questions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(Optional.Contains).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> ParseTexts(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    /// <summary>Only known keys with a non-blank text, sorted, so equal drafts serialise alike.</summary>
    public static string SerializeTexts(IReadOnlyDictionary<string, string?> texts) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(
            texts.Where(t => !string.IsNullOrWhiteSpace(t.Value) && IsTextKey(t.Key)).ToDictionary(t => t.Key, t => t.Value!.Trim()), StringComparer.Ordinal));

    public static bool IsTextKey(string key) =>
        key.Split('.') is [var k, var lang] && TextKeys.Contains(k) && Languages.Contains(lang);
}

internal sealed class SurveyDefinitionConfiguration : IEntityTypeConfiguration<SurveyDefinition>
{
    public void Configure(EntityTypeBuilder<SurveyDefinition> builder)
    {
        builder.ToTable("survey_definitions");
        // The seeded row takes id 1; PostgreSQL's identity does not move past seeded ids by itself (SQLite's rowid does).
        builder.Property(d => d.Id).HasIdentityOptions(startValue: 100);
        builder.Property(d => d.Name).HasMaxLength(120);
        builder.HasIndex(d => d.Name).IsUnique();
        builder.Property(d => d.DraftQuestions).HasMaxLength(200);
        builder.Property(d => d.DraftTexts).HasMaxLength(20_000);
        builder.Ignore(d => d.IsDefault);
        builder.HasMany(d => d.Versions).WithOne(v => v.Definition).HasForeignKey(v => v.SurveyDefinitionId).OnDelete(DeleteBehavior.Restrict);
        var seeded = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        builder.HasData(new
        {
            Id = SurveyDefinition.DefaultId, Name = SurveyDefinition.DefaultName, DraftQuestions = SurveyQuestions.Join(SurveyQuestions.Optional), DraftTexts = "{}",
            CreatedAt = seeded, UpdatedAt = seeded,
        });
    }
}

internal sealed class SurveyVersionConfiguration : IEntityTypeConfiguration<SurveyVersion>
{
    public void Configure(EntityTypeBuilder<SurveyVersion> builder)
    {
        builder.ToTable("survey_versions");
        builder.Property(v => v.Id).HasIdentityOptions(startValue: 100);
        builder.HasIndex(v => new { v.SurveyDefinitionId, v.Number }).IsUnique();
        builder.Property(v => v.Questions).HasMaxLength(200);
        builder.Property(v => v.Texts).HasMaxLength(20_000);
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
        builder.Ignore(v => v.CustomTexts);
        builder.HasData(new
        {
            Id = SurveyVersion.OriginalId, SurveyDefinitionId = SurveyDefinition.DefaultId, Number = 1,
            Questions = SurveyQuestions.Join(SurveyQuestions.Optional), Texts = "{}", PublishedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        });
    }
}
