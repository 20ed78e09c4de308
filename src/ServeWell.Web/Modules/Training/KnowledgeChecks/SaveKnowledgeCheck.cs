using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

/// <summary>What a training officer types for a programme's question set. Blank question slots are left out.</summary>
public sealed class KnowledgeCheckForm
{
    public int? PassMarkPercent { get; set; } = 70;

    public List<QuestionForm> Questions { get; set; } = [];
}

public sealed class QuestionForm
{
    /// <summary>The question per language; at least one.</summary>
    public LocalTextForm Text { get; set; } = new();

    /// <summary>Up to <see cref="KnowledgeQuestion.MaxOptions"/> options, each per language; blank ones are left out.</summary>
    public List<LocalTextForm> Options { get; set; } = [];

    /// <summary>The correct option, counted from 1 as shown on the page.</summary>
    public int? Correct { get; set; }

    public bool IsBlank => Text.ToText().IsEmpty && Options.All(o => o.ToText().IsEmpty);

    public static QuestionForm From(KnowledgeQuestion q) => new()
    {
        Text = LocalTextForm.From(q.Text), Options = [.. q.Options.Select(LocalTextForm.From)], Correct = q.CorrectOption + 1,
    };
}

/// <summary>Checks and saves a question set whole: nothing is written when any question is wrong.</summary>
public sealed class SaveKnowledgeCheck(ServeWellDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public sealed record Problem(string Field, string Message);

    public IReadOnlyList<Problem> Check(KnowledgeCheckForm form)
    {
        var problems = new List<Problem>();
        if (form.PassMarkPercent is not (>= 1 and <= 100))
        {
            problems.Add(new("PassMarkPercent", l["Enter a pass mark from 1 to 100 (per cent)."]));
        }

        var number = 0;
        for (var i = 0; i < form.Questions.Count; i++)
        {
            var q = form.Questions[i];
            if (q.IsBlank)
            {
                continue;
            }

            number++;
            var prefix = $"Questions[{i}]";
            var text = q.Text.ToText();
            if (text.IsEmpty)
            {
                problems.Add(new($"{prefix}.Text", l["Question {0}: enter the question.", number]));
            }
            else if (text.En.Length > 1000 || text.Ko.Length > 1000)
            {
                problems.Add(new($"{prefix}.Text", l["Question {0}: keep the question to 1000 characters.", number]));
            }

            var options = q.Options.Take(KnowledgeQuestion.MaxOptions).Select(o => o.ToText()).ToList();
            if (options.Count(o => !o.IsEmpty) < 2)
            {
                problems.Add(new($"{prefix}.Options", l["Question {0}: give at least two options.", number]));
            }
            else if (options.Any(o => o.En.Length > 300 || o.Ko.Length > 300))
            {
                problems.Add(new($"{prefix}.Options", l["Question {0}: keep each option to 300 characters.", number]));
            }

            if (q.Correct is not { } correct || correct < 1 || correct > options.Count || options[correct - 1].IsEmpty)
            {
                problems.Add(new($"{prefix}.Correct", l["Question {0}: choose which option is correct (one that is filled in).", number]));
            }
        }

        return problems;
    }

    public async Task<IReadOnlyList<Problem>> SaveAsync(int programmeId, KnowledgeCheckForm form, CancellationToken cancellationToken)
    {
        var problems = Check(form);
        if (problems.Count > 0)
        {
            return problems;
        }

        var check = await db.KnowledgeChecks.Include(k => k.Questions).FirstOrDefaultAsync(k => k.ProgrammeId == programmeId, cancellationToken);
        if (check is null)
        {
            check = new KnowledgeCheck { ProgrammeId = programmeId };
            db.KnowledgeChecks.Add(check);
        }

        check.PassMarkPercent = form.PassMarkPercent!.Value;
        check.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var existing = check.Questions.OrderBy(q => q.Order).ToList();
        var wanted = form.Questions.Where(q => !q.IsBlank).ToList();
        for (var i = 0; i < wanted.Count; i++)
        {
            var q = wanted[i];
            // Blank options are dropped; the correct one moves with them.
            var kept = q.Options.Take(KnowledgeQuestion.MaxOptions).Select((o, index) => (Text: o.ToText(), index)).Where(o => !o.Text.IsEmpty).ToList();
            var correct = kept.FindIndex(o => o.index == q.Correct!.Value - 1);
            // Questions keep their ids by position, so earlier answers stay linked to the question at that place.
            var question = i < existing.Count ? existing[i] : new KnowledgeQuestion();
            question.Text = q.Text.ToText();
            question.Options = kept.Select(o => o.Text).ToList();
            question.CorrectOption = correct;
            question.Order = i;
            if (i >= existing.Count)
            {
                check.Questions.Add(question);
            }
        }

        foreach (var removed in existing.Skip(wanted.Count))
        {
            check.Questions.Remove(removed);
            db.Remove(removed);
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
