using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

/// <summary>How many answered one question right, before and after.</summary>
/// <remarks><see cref="Text"/> is in the reader's language; <see cref="Texts"/> gives both (ADR-030).</remarks>
public sealed record QuestionResult(string Text, int PreAnswered, double? PreCorrectRate, int PostAnswered, double? PostCorrectRate, LocalText Texts);

/// <summary>Pre and post scores side by side: the gain is what the session taught (Kirkpatrick level 2).</summary>
public sealed record KnowledgeSummary(int PreCount, double? PreAverage, int PostCount, double? PostAverage, double? PostPassRate, IReadOnlyList<QuestionResult> Questions);

public sealed record SessionKnowledgeResult(SessionRow Session, KnowledgeSummary Summary);

public sealed record ProgrammeKnowledgeResults(int PassMarkPercent, int QuestionCount, KnowledgeSummary Summary, IReadOnlyList<SessionKnowledgeResult> Sessions);

public sealed class KnowledgeResults(ServeWellDbContext db, IProgrammeCheckQuizzes quizzes)
{
    /// <summary>
    /// Results over the visible sessions (null: all) or one session; null when the programme has no quiz. A post
    /// attempt belongs to the session attended; the pre attempt counts with the same person's post attempt. Attempts
    /// made on the old question pages count as those made in the quiz (the conversion re-keyed their answers, ADR-048).
    /// </summary>
    public async Task<ProgrammeKnowledgeResults?> ForProgrammeAsync(int programmeId, IReadOnlySet<int>? visibleSessions, int? sessionId, CancellationToken cancellationToken)
    {
        var quizId = await db.KnowledgeChecks.Where(k => k.ProgrammeId == programmeId).Select(k => k.QuizId).FirstOrDefaultAsync(cancellationToken);
        if (quizId is null || await quizzes.FindAsync(quizId.Value, cancellationToken) is not { } quiz)
        {
            return null;
        }

        var attempts = await db.KnowledgeAttempts.AsNoTracking().Where(a => a.ProgrammeId == programmeId && a.Number == 1).ToListAsync(cancellationToken);
        var sessions = (await SessionRow.ListAsync(db, programmeId, cancellationToken))
            .Where(s => !s.Session.IsCancelled && (visibleSessions is null || visibleSessions.Contains(s.Session.Id))).ToList();
        var questions = quiz.Questions;

        IReadOnlyList<KnowledgeAttempt> For(IEnumerable<int>? sessionIds)
        {
            if (sessionIds is null)
            {
                return attempts;
            }

            var ids = sessionIds.ToHashSet();
            var posts = attempts.Where(a => a.Phase == KnowledgePhase.Post && a.SessionId is { } s && ids.Contains(s)).ToList();
            var people = posts.Select(a => (a.EmployeeId, a.Cycle)).ToHashSet();
            return [.. posts, .. attempts.Where(a => a.Phase == KnowledgePhase.Pre && people.Contains((a.EmployeeId, a.Cycle)))];
        }

        var perSession = sessions.Select(s => new SessionKnowledgeResult(s, Summarise(For([s.Session.Id]), questions))).ToList();
        var scope = sessionId is { } one ? For([one]) : For(visibleSessions is null ? null : sessions.Select(s => s.Session.Id));
        return new ProgrammeKnowledgeResults(quiz.PassPercent, quiz.QuestionsPerAttempt, Summarise(scope, questions), perSession);
    }

    private static KnowledgeSummary Summarise(IReadOnlyList<KnowledgeAttempt> attempts, IReadOnlyList<CheckQuestion> questions)
    {
        var pre = attempts.Where(a => a.Phase == KnowledgePhase.Pre).ToList();
        var post = attempts.Where(a => a.Phase == KnowledgePhase.Post).ToList();
        static double? Average(List<KnowledgeAttempt> list) => list.Count == 0 ? null : Math.Round(list.Average(a => a.ScorePercent), 1);
        static (int Answered, double? Rate) Rate(List<KnowledgeAttempt> list, int questionId)
        {
            var answers = list.SelectMany(a => a.Answers).Where(x => x.QuestionId == questionId).ToList();
            return (answers.Count, answers.Count == 0 ? null : (double)answers.Count(x => x.Correct) / answers.Count);
        }

        // A question nobody in scope was asked (a quiz drawing some of a category's questions) has no row, unless nobody answered yet.
        var perQuestion = questions.Select(q =>
        {
            var (preAnswered, preRate) = Rate(pre, q.Id);
            var (postAnswered, postRate) = Rate(post, q.Id);
            return new QuestionResult(q.Text.ToString(), preAnswered, preRate, postAnswered, postRate, q.Text);
        }).Where(r => attempts.Count == 0 || r.PreAnswered + r.PostAnswered > 0).ToList();
        return new KnowledgeSummary(pre.Count, Average(pre), post.Count, Average(post), post.Count == 0 ? null : (double)post.Count(a => a.Passed) / post.Count, perQuestion);
    }
}
