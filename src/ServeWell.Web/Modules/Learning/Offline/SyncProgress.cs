using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Offline;

/// <summary>
/// One thing a learner did on a phone while offline, and when (<paramref name="DoneAt"/>): a lesson marked done (type
/// <c>lesson-done</c>, the default: <paramref name="ProgrammeId"/>, <paramref name="LessonKey"/>, the time spent on
/// it), an answer to a quiz question (<c>quiz-answer</c>: <paramref name="AttemptId"/>, <paramref name="Position"/> and
/// <paramref name="Answer"/>, the question form's fields by name, see QuizAnswerForm) or a quiz submitted
/// (<c>quiz-submit</c>: <paramref name="AttemptId"/>).
/// </summary>
public sealed record OfflineAction(
    string? Key, int ProgrammeId, int LessonKey, DateTimeOffset? DoneAt, int? SecondsSpent,
    string? Type = null, long? AttemptId = null, int? Position = null, IReadOnlyDictionary<string, string[]>? Answer = null);

public sealed record OfflineSyncRequest(IReadOnlyList<OfflineAction>? Actions);

/// <summary>
/// What became of one action. <see cref="Status"/> reads like HTTP: 200 recorded (a replay answers the same), 400 bad
/// input, 404 no such course or lesson for this learner, 409 done by its package, 422 key used for something else, 500
/// not written (the phone keeps it and sends it again). Anything below 500 is final and leaves the phone's queue.
/// </summary>
public sealed record OfflineResult(string? Key, int Status, string Outcome, string? Problem);

public sealed record OfflineSyncResponse(IReadOnlyList<OfflineResult> Results);

/// <summary>
/// Records a phone's queued progress (ADR-045), each action all-or-nothing in its own transaction, for the signed-in
/// learner only. The idempotency key is stored on the lesson step (ADR-042), so a replay finds it and changes nothing.
/// </summary>
public sealed class SyncProgress(ServeWellDbContext db, StudyCourse study, TakeQuiz take, ILogger<SyncProgress> log)
{
    public const int MaxActions = 200;

    public const int MaxKeyLength = 100;

    public async Task<OfflineSyncResponse> RunAsync(int employeeId, IReadOnlyList<OfflineAction> actions, CancellationToken cancellationToken)
    {
        var results = new List<OfflineResult>(actions.Count);
        foreach (var action in actions)
        {
            results.Add(await OneAsync(employeeId, action, cancellationToken));
        }

        return new OfflineSyncResponse(results);
    }

    private async Task<OfflineResult> OneAsync(int employeeId, OfflineAction action, CancellationToken cancellationToken)
    {
        var key = action.Key?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return new(action.Key, 400, "invalid", $"key: give each action its own key of 1 to {MaxKeyLength} characters.");
        }

        if (action.SecondsSpent is < 0)
        {
            return new(key, 400, "invalid", "secondsSpent: must not be negative.");
        }

        switch (action.Type ?? LessonDone)
        {
            case LessonDone:
                break;
            case QuizAnswer or QuizSubmit when action.AttemptId is null:
                return new(key, 400, "invalid", "attemptId: required for a quiz action.");
            case QuizAnswer or QuizSubmit when action.DoneAt is null:
                return new(key, 400, "invalid", "doneAt: required for a quiz action (when it happened on the phone).");
            case QuizAnswer:
                return await QuizAsync(key, () => AnswerAsync(employeeId, key, action, cancellationToken));
            case QuizSubmit:
                return await QuizAsync(key, () => SubmitAsync(employeeId, key, action, cancellationToken));
            default:
                return new(key, 400, "invalid", $"type: '{action.Type}' is not one of {LessonDone}, {QuizAnswer}, {QuizSubmit}.");
        }

        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var outcome = await study.MarkDoneAsync(
                action.ProgrammeId, employeeId, action.LessonKey, action.DoneAt?.UtcDateTime, action.SecondsSpent, key, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return outcome switch
            {
                MarkDoneOutcome.Done or MarkDoneOutcome.AlreadyDone => new(key, 200, "done", null),
                MarkDoneOutcome.DoneByPackage => new(key, 409, "done-by-package", "This lesson plays a purchased course; it is done when every part of that course is completed."),
                MarkDoneOutcome.KeyReused => new(key, 422, "key-reused", "key: already used for another lesson or another person."),
                _ => new(key, 404, "not-found", $"programme {action.ProgrammeId}, lesson {action.LessonKey}: not a lesson of a course you are enrolled in."),
            };
        }
        catch (DbUpdateException e)
        {
            // Nothing of this action is kept (its transaction is rolled back); the phone sends it again later.
            db.ChangeTracker.Clear();
            log.LogWarning(e, "An offline lesson action could not be written; the device keeps it");
            return new(key, 500, "failed", "Not recorded this time; your phone will send it again.");
        }
    }

    public const string LessonDone = "lesson-done";

    public const string QuizAnswer = "quiz-answer";

    public const string QuizSubmit = "quiz-submit";

    /// <summary>An answer to a question of an untimed quiz's attempt (ADR-056), saved unless a later one to it is saved.</summary>
    private async Task<OfflineResult> AnswerAsync(int employeeId, string key, OfflineAction action, CancellationToken cancellationToken)
    {
        if (await take.ReadAsync(action.AttemptId!.Value, employeeId, cancellationToken) is not { } attempt)
        {
            return NoAttempt(key, action);
        }

        if (attempt.DeadlineUtc is not null)
        {
            return Timed(key);
        }

        if (attempt.Slots.FirstOrDefault(s => s.Position == action.Position) is not { } slot)
        {
            return new(key, 404, "not-found", $"position: attempt {attempt.Id} has no question {action.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}.");
        }

        var fields = action.Answer ?? new Dictionary<string, string[]>();
        var response = QuizAnswerForm.Read(FrozenQuestion.Of(slot).Question, name => fields.TryGetValue(name, out var v) ? v : [], out var problem);
        if (problem is not null)
        {
            return new(key, 400, "invalid", $"answer (question {slot.Position}): {problem}");
        }

        var result = await take.AnswerAsync(attempt, slot.Position, response, cancellationToken, action.DoneAt!.Value.UtcDateTime);
        return result.Outcome switch
        {
            AnswerOutcome.Saved => new(key, 200, "saved", null),
            AnswerOutcome.Superseded => new(key, 200, "superseded", null),
            AnswerOutcome.Closed or AnswerOutcome.TooLate => Closed(key, attempt.Id),
            AnswerOutcome.Invalid => new(key, 400, "invalid", $"answer (question {slot.Position}): {result.Problem}"),
            _ => NoAttempt(key, action),
        };
    }

    /// <summary>An untimed quiz's attempt submitted on the phone: graded now, dated when it was submitted there.</summary>
    private async Task<OfflineResult> SubmitAsync(int employeeId, string key, OfflineAction action, CancellationToken cancellationToken)
    {
        if (await take.ReadAsync(action.AttemptId!.Value, employeeId, cancellationToken) is not { } open)
        {
            return NoAttempt(key, action);
        }

        if (open.DeadlineUtc is not null)
        {
            return Timed(key);
        }

        var graded = await take.SubmitAsync(open.Id, employeeId, cancellationToken, action.DoneAt!.Value.UtcDateTime);
        return graded is null ? NoAttempt(key, action) : new(key, 200, "graded", null);
    }

    private async Task<OfflineResult> QuizAsync(string key, Func<Task<OfflineResult>> run)
    {
        try
        {
            return await run();
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            log.LogWarning(e, "An offline quiz action could not be written; the device keeps it");
            return new(key, 500, "failed", "Not recorded this time; your phone will send it again.");
        }
    }

    private static OfflineResult NoAttempt(string key, OfflineAction action) =>
        new(key, 404, "not-found", $"attemptId: {action.AttemptId} is not an attempt of yours.");

    private static OfflineResult Timed(string key) =>
        new(key, 409, "needs-connection", "This quiz has a time limit, so it cannot be answered offline.");

    private static OfflineResult Closed(string key, long attemptId) =>
        new(key, 409, "closed", $"Attempt {attemptId} was submitted before this answer arrived; it was not changed.");
}
