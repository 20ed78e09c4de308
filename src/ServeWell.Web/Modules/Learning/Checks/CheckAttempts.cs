using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Training.KnowledgeChecks;

namespace ServeWell.Web.Modules.Learning.Checks;

/// <summary>
/// A graded quiz attempt at a programme's check quiz goes into Training's ledger (ADR-048): one
/// <see cref="KnowledgeAttempt"/> per programme whose check it is, added before the grades are saved so both are written
/// in the same transaction; a passed post check then completes the programme where its rule is met.
/// </summary>
public sealed class CheckAttempts(TakeKnowledgeCheck ledger)
{
    public Task<IReadOnlyList<KnowledgeAttempt>> RecordAsync(QuizAttempt attempt, CancellationToken cancellationToken) =>
        ledger.RecordAsync(
            new CheckSubmission(
                attempt.QuizId, attempt.Id, attempt.EmployeeId, attempt.ScorePercent ?? 0m, attempt.Passed == true, attempt.SubmittedAtUtc!.Value,
                [.. attempt.Slots.Where(s => s.QuestionId is not null).OrderBy(s => s.Position).Select(s => new KnowledgeAnswer(s.QuestionId!.Value, -1, s.Fraction == 1m))]),
            cancellationToken);

    public Task CompleteAsync(IReadOnlyList<KnowledgeAttempt> recorded, CancellationToken cancellationToken) => ledger.CompleteAsync(recorded, cancellationToken);
}
