using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Checks;

/// <summary>Training's view of the quizzes a programme's knowledge check can be (ADR-048).</summary>
public sealed class ProgrammeCheckQuizzes(ServeWellDbContext db) : IProgrammeCheckQuizzes
{
    public async Task<CheckQuiz?> FindAsync(int quizId, CancellationToken cancellationToken)
    {
        var quiz = await db.Quizzes.AsNoTracking().Include(q => q.Draws).FirstOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        if (quiz is null)
        {
            return null;
        }

        var categories = quiz.Draws.OrderBy(d => d.Id).Select(d => d.CategoryId).ToList();
        var questions = await db.Set<Question>().AsNoTracking().Where(q => categories.Contains(q.CategoryId))
            .Select(q => new { q.Id, q.CategoryId, q.Text }).ToListAsync(cancellationToken);
        return new CheckQuiz(
            quiz.Id, quiz.Title, quiz.PassPercent, quiz.MaxAttempts, quiz.Draws.Sum(d => d.Count),
            [.. questions.OrderBy(q => categories.IndexOf(q.CategoryId)).ThenBy(q => q.Id).Select(q => new CheckQuestion(q.Id, q.Text))]);
    }

    public async Task<IReadOnlyList<(int Id, LocalText Title)>> ChoicesAsync(CancellationToken cancellationToken)
    {
        var quizzes = await db.Quizzes.AsNoTracking().Select(q => new { q.Id, q.Title }).ToListAsync(cancellationToken);
        return [.. quizzes.Select(q => (q.Id, q.Title)).OrderBy(q => q.Title.ToString(), StringComparer.CurrentCulture)];
    }

    public string TakeUrl(int programmeId, KnowledgePhase phase) => $"/Learning/Checks/{programmeId}/{phase}";

    public string EditUrl(int quizId) => $"/Learning/Quizzes/{quizId}";

    public string NewQuizUrl(int programmeId) => $"/Learning/Checks/{programmeId}/NewQuiz";
}
