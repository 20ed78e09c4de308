using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.Modules.Insights.Rollups;

/// <summary>
/// Writes the counts of each group commit's new answers as delta rows, one per office, local month, service and
/// channel, inserted with the answers in the same round trip and transaction (ADR-014 decision 3, ADR-025, ADR-026).
/// </summary>
internal sealed class QueueRollupOnFeedback(InsightsCalendar calendar, TimeProvider clock) : IFeedbackBatchReceived
{
    private static readonly string[] Columns =
    [
        "Month", "OrgUnitId", "Delta", "ServiceKey", "Channel", "Score1", "Score2", "Score3", "Score4", "Score5",
        "Driver1Count", "Driver1Sum", "Driver2Count", "Driver2Sum", "Driver3Count", "Driver3Sum", "Driver4Count", "Driver4Sum",
        "Driver5Count", "Driver5Sum", "ResolvedYes", "ResolvedAnswered", "Commented", "EnqueuedAt",
    ];

    public void AddRows(IReadOnlyList<FeedbackReceived> answers, IntakeRows rows)
    {
        var deltas = new Dictionary<(DateOnly Month, int Unit, int Service, int Channel), InsightsRollupQueueItem>();
        foreach (var answer in answers)
        {
            var key = (calendar.MonthOf(answer.AnsweredAtUtc), answer.OrgUnitId, answer.ServiceId ?? 0, answer.Measures.Channel);
            if (!deltas.TryGetValue(key, out var delta))
            {
                delta = new InsightsRollupQueueItem { Month = key.Item1, OrgUnitId = key.OrgUnitId, Delta = true, ServiceKey = key.Item3, Channel = key.Channel };
                deltas.Add(key, delta);
            }

            delta.Count(answer.Overall, answer.Measures, answer.Comment is not null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var d in deltas.Values)
        {
            rows.Add("insights_rollup_queue", Columns, d.Month, d.OrgUnitId, true, d.ServiceKey, d.Channel, d.Score1, d.Score2, d.Score3, d.Score4, d.Score5,
                d.Driver1Count, d.Driver1Sum, d.Driver2Count, d.Driver2Sum, d.Driver3Count, d.Driver3Sum, d.Driver4Count, d.Driver4Sum,
                d.Driver5Count, d.Driver5Sum, d.ResolvedYes, d.ResolvedAnswered, d.Commented, now);
        }
    }
}

/// <summary>
/// Queues a recount of the office-month of an answer excluded or restored after intake (ADR-022), inside the revision's
/// transaction, so the next batch recomputes it from the answers as they now count.
/// </summary>
internal sealed class QueueRollupOnRevision(InsightsRollups rollups) : IFeedbackRevised
{
    public Task FeedbackRevisedAsync(FeedbackRevised revision, CancellationToken cancellationToken)
    {
        // Saved with the revision's own SaveChanges.
        rollups.Enqueue(revision.OrgUnitId, revision.AnsweredAtUtc);
        return Task.CompletedTask;
    }
}
