using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Quizzes;

public sealed record QuizLearnerRow(int EmployeeId, string Name, string Unit, int Attempts, decimal? BestPercent, bool Passed, DateTime? LastSubmittedAtUtc);

public sealed record QuizQuestionRow(int QuestionId, string Name, int Attempts, double Facility, double? Discrimination);

/// <summary>
/// A quiz's results within the reader's scope. <see cref="Questions"/> is null (withheld) when fewer learners than the
/// city's minimum group size have a graded attempt.
/// </summary>
public sealed record QuizResultSummary(
    int Learners, int Attempts, decimal? MeanPercent, decimal? PassRatePercent, int MinimumGroupSize,
    IReadOnlyList<QuizQuestionRow>? Questions, IReadOnlyList<QuizLearnerRow> People);

/// <summary>
/// Results of a quiz (ADR-044) for officers (everyone) and supervisors (their subtree's learners, as course progress is
/// scoped): attempts, mean score over graded attempts, pass rate over learners, and per-question statistics.
/// </summary>
public sealed class QuizResults(ServeWellDbContext db, TakeQuiz take, IOptions<CityOptions> city)
{
    public async Task<QuizResultSummary?> ReadAsync(int quizId, ScopeFilter scope, CancellationToken cancellationToken)
    {
        if (!await db.Quizzes.AnyAsync(q => q.Id == quizId, cancellationToken))
        {
            return null;
        }

        await take.CloseOverdueAsync(quizId, cancellationToken);
        var tried = db.QuizAttempts.Where(a => a.QuizId == quizId && a.SubmittedAtUtc != null).Select(a => a.EmployeeId);
        var people = await scope.Apply(db.Employees.AsNoTracking()).Where(e => tried.Contains(e.Id))
            .OrderBy(e => e.Name).Select(e => new { e.Id, e.Name, Unit = e.OrgUnit!.Name }).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.QuizId == quizId && a.SubmittedAtUtc != null && ids.Contains(a.EmployeeId))
            .Select(a => new { a.Id, a.EmployeeId, a.Number, a.ScorePercent, a.Passed, a.SubmittedAtUtc }).ToListAsync(cancellationToken);
        var rows = people.Select(p =>
        {
            var mine = attempts.Where(a => a.EmployeeId == p.Id).ToList();
            return new QuizLearnerRow(p.Id, p.Name, p.Unit, mine.Count, mine.Max(a => a.ScorePercent), mine.Any(a => a.Passed == true), mine.Max(a => a.SubmittedAtUtc));
        }).ToList();
        var minimum = city.Value.MinimumGroupSize;
        IReadOnlyList<QuizQuestionRow>? questions = null;
        if (people.Count >= minimum)
        {
            var first = attempts.GroupBy(a => a.EmployeeId).Select(g => g.MinBy(a => a.Number)!).ToDictionary(a => a.Id, a => a.EmployeeId);
            var firstIds = first.Keys.ToList();
            var marks = await db.QuizSlots.AsNoTracking().Where(s => firstIds.Contains(s.AttemptId) && s.QuestionId != null && s.Fraction != null)
                .Select(s => new { s.AttemptId, QuestionId = s.QuestionId!.Value, Fraction = s.Fraction!.Value }).ToListAsync(cancellationToken);
            var stats = QuizStatistics.Compute([.. marks.GroupBy(m => m.AttemptId).Select(g => new GradedAttempt(first[g.Key], [.. g.Select(m => (m.QuestionId, m.Fraction))]))]);
            var statIds = stats.Select(s => s.QuestionId).ToList();
            var names = await db.Set<Question>().Where(q => statIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Name, cancellationToken);
            questions = [.. stats.Select(s => new QuizQuestionRow(s.QuestionId, names.GetValueOrDefault(s.QuestionId, "#" + s.QuestionId), s.Attempts, s.Facility, s.Discrimination))];
        }

        return new QuizResultSummary(
            people.Count, attempts.Count,
            attempts.Count == 0 ? null : Math.Round(attempts.Average(a => a.ScorePercent ?? 0m), 1),
            people.Count == 0 ? null : Math.Round(100m * rows.Count(r => r.Passed) / people.Count, 1),
            minimum, questions, rows);
    }
}
