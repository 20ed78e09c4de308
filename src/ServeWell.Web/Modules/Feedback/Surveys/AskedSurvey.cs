using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Feedback.Surveys;

/// <summary>
/// A survey as a citizen meets it: the questions of one published version (or of a draft, in a preview) and its
/// texts in the reader's language. A custom text in the other language does not stand in for a missing one: the
/// standard translated text does (ADR-017).
/// </summary>
public sealed class AskedSurvey(int? versionId, int? number, string definitionName, IReadOnlySet<string> questions, IReadOnlyDictionary<string, string> texts)
{
    /// <summary>Null for a draft in preview.</summary>
    public int? VersionId { get; } = versionId;

    public int? Number { get; } = number;

    public string DefinitionName { get; } = definitionName;

    public bool Asks(string question) => question == SurveyQuestions.Overall || questions.Contains(question);

    public bool AsksAnyDriver => SurveyQuestions.Drivers.Any(Asks);

    public IEnumerable<string> AskedDrivers => SurveyQuestions.Drivers.Where(Asks);

    /// <summary>The custom text in <paramref name="language"/>, or null.</summary>
    public string? CustomText(string key, string language) => texts.TryGetValue($"{key}.{language}", out var t) ? t : null;

    /// <summary>The text in the current UI culture.</summary>
    public string Text(string key, IStringLocalizer localizer) =>
        CustomText(key, Cultures.Normalise(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)) ?? localizer[SurveyQuestions.StandardText(key)];

    /// <summary>The text in a given language, whatever the current culture (the kiosk's JSON carries both).</summary>
    public string Text(string key, string language, IStringLocalizer localizer) =>
        CustomText(key, language) ?? InCulture(language, () => localizer[SurveyQuestions.StandardText(key)].Value);

    public static string InCulture(string language, Func<string> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    public static AskedSurvey Of(SurveyVersion version, string definitionName) =>
        new(version.Id, version.Number, definitionName, SurveyQuestions.Parse(version.Questions), version.CustomTexts);

    public static AskedSurvey DraftOf(SurveyDefinition definition) =>
        new(null, null, definition.Name, SurveyQuestions.Parse(definition.DraftQuestions), SurveyQuestions.ParseTexts(definition.DraftTexts));

    /// <summary>The current (latest) published version of the touchpoint's survey; the standard survey when it names none.</summary>
    public static async Task<AskedSurvey> ForTouchpointAsync(ServeWellDbContext db, int? surveyDefinitionId, CancellationToken cancellationToken)
    {
        var version = await CurrentVersionAsync(db, surveyDefinitionId ?? SurveyDefinition.DefaultId, cancellationToken)
            ?? await CurrentVersionAsync(db, SurveyDefinition.DefaultId, cancellationToken)
            ?? throw new InvalidOperationException("The standard survey has no published version; the migration seeds one.");
        return Of(version, version.Definition!.Name);
    }

    public static Task<SurveyVersion?> CurrentVersionAsync(ServeWellDbContext db, int definitionId, CancellationToken cancellationToken) =>
        db.SurveyVersions.AsNoTracking().Include(v => v.Definition)
            .Where(v => v.SurveyDefinitionId == definitionId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
}
