using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>What an officer types for a quiz; the page and the API share its checks.</summary>
public sealed class QuizForm
{
    public LocalTextForm Title { get; set; } = new();

    public int? PassPercent { get; set; }

    public int? MaxAttempts { get; set; }

    public int? TimeLimitMinutes { get; set; }

    public QuizReview Review { get; set; } = QuizReview.RightOrWrong;

    public bool ShuffleOptions { get; set; } = true;

    public List<DrawForm> Draws { get; set; } = [];
}

/// <summary>How many questions to draw from one category; a count of 0 (or none) draws nothing from it.</summary>
public sealed class DrawForm
{
    public int CategoryId { get; set; }

    public int? Count { get; set; }
}

/// <summary>
/// The officer's side of quizzes (ADR-044): checks a definition whole and saves it or nothing. A change applies to
/// attempts started afterwards; attempts already started keep what they drew.
/// </summary>
public sealed class EditQuiz(ServeWellDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxAttemptLimit = 100;
    public const int MaxTimeLimit = 600;
    public const int MaxPerCategory = 100;

    public sealed record Problem(string Field, string Message);

    public Task<Quiz?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Quizzes.Include(q => q.Draws).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);

    /// <summary>Questions per category, for the form and the checks.</summary>
    public async Task<Dictionary<int, int>> QuestionCountsAsync(CancellationToken cancellationToken) =>
        await db.Set<Question>().GroupBy(q => q.CategoryId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, cancellationToken);

    /// <summary>Adds a quiz (<paramref name="quiz"/> null) or saves one; problems name the field (JSON path) and say what is wrong.</summary>
    public async Task<(Quiz? Quiz, IReadOnlyList<Problem> Problems)> SaveAsync(Quiz? quiz, QuizForm form, string by, CancellationToken cancellationToken)
    {
        var problems = LocalTextRules.Check(form.Title.ToText(), "title", Quiz.MaxTitle, l["Enter the quiz's title in Korean or English."], l)
            .Select(p => new Problem(p.Field, p.Message)).ToList();
        if (form.PassPercent is not (>= 0 and <= 100))
        {
            problems.Add(new("passPercent", l["Enter a pass mark from 0 to 100 percent."]));
        }

        if (form.MaxAttempts is not null and not (>= 1 and <= MaxAttemptLimit))
        {
            problems.Add(new("maxAttempts", l["The attempt limit must be from 1 to {0}, or empty for no limit.", MaxAttemptLimit]));
        }

        if (form.TimeLimitMinutes is not null and not (>= 1 and <= MaxTimeLimit))
        {
            problems.Add(new("timeLimitMinutes", l["The time limit must be from 1 to {0} minutes, or empty for none.", MaxTimeLimit]));
        }

        if (!Enum.IsDefined(form.Review))
        {
            problems.Add(new("review", l["Choose what learners see after submitting."]));
        }

        var draws = form.Draws.Where(d => d.Count is not (null or 0)).ToList();
        var counts = await QuestionCountsAsync(cancellationToken);
        for (var i = 0; i < form.Draws.Count; i++)
        {
            var d = form.Draws[i];
            if (d.Count is null or 0)
            {
                continue;
            }

            var available = counts.GetValueOrDefault(d.CategoryId);
            if (!await db.Set<QuestionCategory>().AnyAsync(c => c.Id == d.CategoryId, cancellationToken))
            {
                problems.Add(new($"draws[{i}].categoryId", l["Category {0} does not exist.", d.CategoryId]));
            }
            else if (d.Count is < 0 or > MaxPerCategory)
            {
                problems.Add(new($"draws[{i}].count", l["Draw from 1 to {0} questions from a category.", MaxPerCategory]));
            }
            else if (d.Count > available)
            {
                problems.Add(new($"draws[{i}].count", l["The category has {0} questions; you asked to draw {1}.", available, d.Count.Value]));
            }
        }

        if (draws.Count == 0)
        {
            problems.Add(new("draws", l["Choose at least one category to draw questions from."]));
        }
        else if (draws.Select(d => d.CategoryId).Distinct().Count() != draws.Count)
        {
            problems.Add(new("draws", l["Each category may be named once."]));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (quiz is null)
        {
            quiz = new Quiz { Title = form.Title.ToText(), Owner = by, CreatedAtUtc = now };
            db.Quizzes.Add(quiz);
        }

        quiz.Title = form.Title.ToText();
        quiz.PassPercent = form.PassPercent!.Value;
        quiz.MaxAttempts = form.MaxAttempts;
        quiz.TimeLimitMinutes = form.TimeLimitMinutes;
        quiz.Review = form.Review;
        quiz.ShuffleOptions = form.ShuffleOptions;
        quiz.UpdatedAtUtc = now;
        quiz.Draws.RemoveAll(d => !draws.Any(x => x.CategoryId == d.CategoryId));
        foreach (var d in draws)
        {
            if (quiz.Draws.FirstOrDefault(x => x.CategoryId == d.CategoryId) is { } existing)
            {
                existing.Count = d.Count!.Value;
            }
            else
            {
                quiz.Draws.Add(new QuizDraw { CategoryId = d.CategoryId, Count = d.Count!.Value });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (quiz, []);
    }

    public enum RemoveOutcome
    {
        Deleted,
        Archived,
        InUse,
    }

    /// <summary>What removing a quiz would do: the attempts it would keep, and the courses (programme titles) whose lessons use it.</summary>
    public sealed record Removal(int Attempts, IReadOnlyList<string> UsedBy)
    {
        public RemoveOutcome Outcome => UsedBy.Count > 0 ? RemoveOutcome.InUse : Attempts > 0 ? RemoveOutcome.Archived : RemoveOutcome.Deleted;
    }

    /// <summary>
    /// A quiz is in use while a course's draft has a lesson that is it, or a version learners study has: the latest
    /// version of a course, or the version of an attempt not completed (ADR-049).
    /// </summary>
    public async Task<Removal> RemovalAsync(Quiz quiz, CancellationToken cancellationToken)
    {
        var attempts = await db.QuizAttempts.CountAsync(a => a.QuizId == quiz.Id, cancellationToken);
        var drafts = await db.Set<Courses.CourseLesson>().Where(x => x.QuizId == quiz.Id)
            .Join(db.Set<Courses.CourseSection>(), x => x.SectionId, s => s.Id, (x, s) => s.CourseId).ToListAsync(cancellationToken);
        var latest = db.CourseVersions.GroupBy(v => v.CourseId).Select(g => g.Max(v => v.Id));
        var studied = db.CourseAttempts.Where(a => a.CompletedAtUtc == null).Select(a => a.CourseVersionId);
        var versions = await db.CourseVersions.AsNoTracking().Where(v => latest.Contains(v.Id) || studied.Contains(v.Id))
            .Select(v => new { v.CourseId, v.Content }).ToListAsync(cancellationToken);
        var courses = drafts.Concat(versions.Where(v => Courses.CourseContent.FromJson(v.Content).Lessons.Any(x => x.QuizId == quiz.Id)).Select(v => v.CourseId))
            .Distinct().ToList();
        var titles = await db.Courses.Where(c => courses.Contains(c.Id)).Join(db.Programmes, c => c.ProgrammeId, p => p.Id, (c, p) => p.Title).ToListAsync(cancellationToken);

        // A programme's knowledge check (ADR-048) uses the quiz as much as a lesson does.
        titles.AddRange(await db.Set<Training.KnowledgeChecks.KnowledgeCheck>().Where(k => k.QuizId == quiz.Id)
            .Join(db.Programmes, k => k.ProgrammeId, p => p.Id, (k, p) => p.Title).ToListAsync(cancellationToken));
        return new Removal(attempts, [.. titles.Select(t => t.ToString()).Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>Deletes a quiz nobody attempted, archives one with attempts (kept with its results), refuses one in use.</summary>
    public async Task<Removal> RemoveAsync(Quiz quiz, string by, CancellationToken cancellationToken)
    {
        var removal = await RemovalAsync(quiz, cancellationToken);
        switch (removal.Outcome)
        {
            case RemoveOutcome.Deleted:
                db.Quizzes.Remove(quiz);
                break;
            case RemoveOutcome.Archived:
                quiz.ArchivedAtUtc = clock.GetUtcNow().UtcDateTime;
                break;
            default:
                return removal;
        }

        db.Audit(removal.Outcome == RemoveOutcome.Deleted ? "deleted" : "archived", nameof(Quiz), quiz.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            new { title = quiz.Title.ToString(), attempts = removal.Attempts, by });
        await db.SaveChangesAsync(cancellationToken);
        return removal;
    }

    public static QuizForm FormOf(Quiz q) => new()
    {
        Title = LocalTextForm.From(q.Title), PassPercent = q.PassPercent, MaxAttempts = q.MaxAttempts, TimeLimitMinutes = q.TimeLimitMinutes,
        Review = q.Review, ShuffleOptions = q.ShuffleOptions,
        Draws = [.. q.Draws.OrderBy(d => d.Id).Select(d => new DrawForm { CategoryId = d.CategoryId, Count = d.Count })],
    };
}
