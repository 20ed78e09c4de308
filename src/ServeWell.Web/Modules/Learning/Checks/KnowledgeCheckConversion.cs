using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Checks;

/// <summary>
/// Turns each knowledge check written before ADR-048 (its own questions) into a quiz of the question bank: the
/// questions become single-choice bank questions, in both languages as written, in a category named after the
/// programme and tagged with its first competency; the quiz draws all of them with the same pass mark, no time limit
/// and no attempt limit (as before), options in their order; the old attempts' answers are re-keyed to the bank
/// questions so the results still match them. Idempotent and safe on several nodes at once: a check is claimed by a
/// conditional update in the same transaction, and one that has a quiz is never touched again.
/// </summary>
public sealed class KnowledgeCheckConversion(ServeWellDbContext db, TimeProvider clock)
{
    /// <summary>The owner named on the quizzes the conversion makes.</summary>
    public const string Owner = "ServeWell";

    /// <summary>Converts every check still holding its own questions; answers how many.</summary>
    public async Task<int> ConvertAllAsync(CancellationToken cancellationToken)
    {
        var ids = await db.KnowledgeChecks.Where(k => k.QuizId == null && k.Questions.Any()).OrderBy(k => k.Id).Select(k => k.Id).ToListAsync(cancellationToken);
        var converted = 0;
        foreach (var id in ids)
        {
            converted += await ConvertAsync(id, cancellationToken) ? 1 : 0;
        }

        return converted;
    }

    private async Task<bool> ConvertAsync(int checkId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var check = await db.KnowledgeChecks.AsNoTracking().Include(k => k.Questions).FirstAsync(k => k.Id == checkId, cancellationToken);
        if (check.QuizId is not null)
        {
            return false;
        }

        var programme = await db.Programmes.AsNoTracking().Include(p => p.Competencies).FirstAsync(p => p.Id == check.ProgrammeId, cancellationToken);
        var category = new QuestionCategory { Name = programme.Title, CompetencyId = programme.Competencies.OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefault() };
        var questions = check.Questions.OrderBy(q => q.Order).Select(q => (Old: q, New: new Question
        {
            Category = category, Type = QuestionType.SingleChoice, Name = NameOf(q.Order, q.Text.ToString()), Text = q.Text, Format = TextFormat.Plain, Shuffle = false,
            Options = [.. q.Options.Select((o, i) => new QuestionOption { Position = i, Text = o, Fraction = i == q.CorrectOption ? 1m : 0m })],
        })).ToList();
        db.AddRange(questions.Select(q => q.New));
        var now = clock.GetUtcNow().UtcDateTime;
        var quiz = new Quiz
        {
            Title = programme.Title, Owner = Owner, PassPercent = check.PassMarkPercent, MaxAttempts = null, TimeLimitMinutes = null,
            Review = QuizReview.ScoreOnly, ShuffleOptions = false, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Quizzes.Add(quiz);
        await db.SaveChangesAsync(cancellationToken);
        quiz.Draws.Add(new QuizDraw { CategoryId = category.Id, Count = questions.Count });
        await db.SaveChangesAsync(cancellationToken);

        var claimed = await db.KnowledgeChecks.Where(k => k.Id == checkId && k.QuizId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.QuizId, quiz.Id).SetProperty(k => k.UpdatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return false;
        }

        // An answer to a question removed from the set before the conversion keeps its old id negated, so it never
        // matches a bank question (the old results did not show it either).
        var ids = questions.ToDictionary(q => q.Old.Id, q => q.New.Id);
        foreach (var attempt in await db.KnowledgeAttempts.Where(a => a.ProgrammeId == check.ProgrammeId && a.QuizAttemptId == null).ToListAsync(cancellationToken))
        {
            attempt.Answers = [.. attempt.Answers.Select(a => a with { QuestionId = ids.TryGetValue(a.QuestionId, out var id) ? id : -Math.Abs(a.QuestionId) })];
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private static string NameOf(int order, string text)
    {
        var name = $"{order + 1}. {text}";
        return name.Length <= 60 ? name : name[..59] + "…";
    }
}
