using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Offline;

/// <summary>One thing a learner did on a phone while offline: a lesson marked done, when, and the time spent on it.</summary>
public sealed record OfflineAction(string? Key, int ProgrammeId, int LessonKey, DateTimeOffset? DoneAt, int? SecondsSpent);

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
public sealed class SyncProgress(ServeWellDbContext db, StudyCourse study, ILogger<SyncProgress> log)
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
}
