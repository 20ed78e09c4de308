using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>
/// A quiz as the learner meets it, on the quiz's own page and on the course lesson that is the quiz: its limits, their
/// attempts, and start (or resume). <paramref name="Questions"/> is how many an attempt draws.
/// </summary>
public sealed record QuizStartPanel(MyQuizDto Quiz, int Questions, string? Refused = null)
{
    public int? AttemptsLeft => Quiz.MaxAttempts is { } max ? max - Quiz.Attempts.Count : null;

    /// <summary>
    /// Only an untimed quiz can be answered on a phone without a connection (ADR-056): a time limit is the server's, and
    /// an answer that reaches it after the deadline could not count.
    /// </summary>
    public bool AvailableOffline => Quiz.TimeLimitMinutes is null;

    /// <summary>The panel for the employee, or null when the quiz does not exist (access is the caller's to check).</summary>
    public static async Task<QuizStartPanel?> ReadAsync(ServeWellDbContext db, TakeQuiz take, int quizId, int employeeId, CancellationToken cancellationToken)
    {
        if (await MyQuiz.ReadAsync(db, take, quizId, employeeId, cancellationToken) is not { } quiz)
        {
            return null;
        }

        var questions = await db.Quizzes.Where(q => q.Id == quizId).SelectMany(q => q.Draws).SumAsync(d => d.Count, cancellationToken);
        return new QuizStartPanel(quiz, questions);
    }
}
