using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Feedback.Surveys;

/// <summary>What staff set in a survey's draft. Not the entity. Texts are keyed "overall.en", "intro.ko"…; blank means the standard text.</summary>
public sealed class SurveyDraftForm
{
    public string Name { get; set; } = "";

    public List<string> Questions { get; set; } = [];

    public Dictionary<string, string?> Texts { get; set; } = [];
}

/// <summary>Creates survey definitions, saves their drafts and publishes a draft as a new version (ADR-017).</summary>
public sealed class ManageSurveys(ServeWellDbContext db, TimeProvider clock, Intake.FeedbackLookups lookups)
{
    public sealed record Problem(string Field, string Message);

    public async Task<(SurveyDefinition? Definition, IReadOnlyList<Problem> Problems)> SaveDraftAsync(int? id, SurveyDraftForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var name = form.Name.Trim();
        if (name.Length is 0 or > 120)
        {
            problems.Add(new("Name", "Enter a name of at most 120 characters."));
        }
        else if (await db.SurveyDefinitions.AnyAsync(d => d.Name == name && d.Id != (id ?? 0), cancellationToken))
        {
            problems.Add(new("Name", "Another survey has this name."));
        }

        foreach (var q in form.Questions.Where(q => !SurveyQuestions.Optional.Contains(q)))
        {
            problems.Add(new("Questions", "Choose the questions from the list."));
        }

        foreach (var (key, text) in form.Texts)
        {
            if (!SurveyQuestions.IsTextKey(key))
            {
                problems.Add(new("Texts", "A text is keyed by a question and a language, like overall.ko."));
            }
            else if (text is { Length: > SurveyQuestions.MaxTextLength })
            {
                problems.Add(new("Texts[" + key + "]", "A text has at most 300 characters."));
            }
        }

        var definition = id is null ? null : await db.SurveyDefinitions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (id is not null && definition is null)
        {
            problems.Add(new("", "The survey does not exist."));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (definition is null)
        {
            definition = new SurveyDefinition { Name = name, CreatedAt = now };
            db.SurveyDefinitions.Add(definition);
        }

        definition.Name = name;
        definition.DraftQuestions = SurveyQuestions.Join(form.Questions);
        definition.DraftTexts = SurveyQuestions.SerializeTexts(form.Texts);
        definition.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return (definition, []);
    }

    /// <summary>
    /// Copies the draft into version n + 1. Refused when the draft asks and says exactly what the current version does:
    /// a version that changes nothing would only muddle the history.
    /// </summary>
    public async Task<(SurveyVersion? Version, IReadOnlyList<Problem> Problems)> PublishAsync(int id, string? publishedBy, CancellationToken cancellationToken)
    {
        var definition = await db.SurveyDefinitions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (definition is null)
        {
            return (null, [new("", "The survey does not exist.")]);
        }

        var current = await AskedSurvey.CurrentVersionAsync(db, id, cancellationToken);
        if (current is not null && current.Questions == definition.DraftQuestions && current.Texts == definition.DraftTexts)
        {
            return (null, [new("", "The draft is the same as the published version; change something before publishing.")]);
        }

        var version = new SurveyVersion
        {
            SurveyDefinitionId = id, Number = (current?.Number ?? 0) + 1, Questions = definition.DraftQuestions, Texts = definition.DraftTexts,
            PublishedAt = clock.GetUtcNow().UtcDateTime, PublishedBy = publishedBy,
        };
        db.SurveyVersions.Add(version);
        db.Audit("publish", nameof(SurveyDefinition), definition.Name, null, new { version = version.Number, questions = version.Questions, texts = version.Texts });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two publishes at the same instant both chose the same next number; the unique index kept one.
            db.ChangeTracker.Clear();
            return (null, [new("", "Someone else published this survey at the same moment. Reload it to see their version.")]);
        }

        lookups.Invalidate();
        return (version, []);
    }

    /// <summary>The form for a definition's draft (or, for a new one, the standard survey's questions and no custom texts).</summary>
    public static SurveyDraftForm FormOf(SurveyDefinition? definition) => definition is null
        ? new SurveyDraftForm { Questions = [.. SurveyQuestions.Optional] }
        : new SurveyDraftForm
        {
            Name = definition.Name,
            Questions = [.. SurveyQuestions.Parse(definition.DraftQuestions)],
            Texts = SurveyQuestions.ParseTexts(definition.DraftTexts).ToDictionary(t => t.Key, t => (string?)t.Value),
        };
}
