using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.Modules.Feedback.Kiosks;

/// <summary>What a citizen added after the one-tap answer: the other questions, and whom they commend.</summary>
public sealed record KioskDetails(FeedbackDrivers? Drivers, string? Resolved, int? CommendStaff);

public enum KioskDetailsOutcome
{
    Added,

    /// <summary>The same details again (a resend): nothing changes.</summary>
    Replayed,

    /// <summary>No answer of this device under this key.</summary>
    NotFound,

    Invalid,

    /// <summary>Other details were added already, or the answer is too old to add to.</summary>
    Conflict,
}

/// <summary>
/// The kiosk's second step (ADR-037): the one tap stored the overall answer at once; when the citizen goes on, the other
/// questions and the commendation are added to that same answer, once, within <see cref="Window"/> of its arrival. The
/// update, and the listeners that recount the office-month (<see cref="IFeedbackRevised"/>), are one transaction.
/// </summary>
public sealed class AddKioskDetails(
    ServeWellDbContext db, FeedbackLookups lookups, SubmitFeedback submit, IEnumerable<IFeedbackRevised> listeners, TimeProvider clock)
{
    /// <summary>Long enough for a kiosk that was offline a while to send both; short enough that an answer settles.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async Task<(KioskDetailsOutcome Outcome, FieldProblems? Problems, string? Detail)> AddAsync(
        KioskDevice device, string key, KioskDetails details, CancellationToken cancellationToken)
    {
        var answerId = await db.FeedbackIdempotency.AsNoTracking().Where(r => r.Key == key).Select(r => (long?)r.AnswerId).FirstOrDefaultAsync(cancellationToken);
        var answer = answerId is null ? null
            : await db.FeedbackAnswers.FirstOrDefaultAsync(a => a.Id == answerId && a.TouchpointId == device.TouchpointId, cancellationToken);
        if (answer is null || device.Touchpoint is null)
        {
            return (KioskDetailsOutcome.NotFound, null, "No answer of this kiosk was stored under this key; send the answer first.");
        }

        var d = details.Drivers;
        var resolved = details.Resolved switch { "yes" => Resolution.Yes, "partly" => Resolution.Partly, "no" => Resolution.No, _ => (Resolution?)null };
        var given = (d?.Timeliness, d?.Knowledge, d?.Courtesy, d?.Fairness, d?.Outcome, resolved, details.CommendStaff);
        var stored = (answer.Timeliness, answer.Knowledge, answer.Courtesy, answer.Fairness, answer.Outcome, answer.Resolved, answer.CommendedEmployeeId);
        if (stored != default)
        {
            return given == stored ? (KioskDetailsOutcome.Replayed, null, null)
                : (KioskDetailsOutcome.Conflict, null, "This answer already has its details; they are added once.");
        }

        if (answer.ReceivedAt < clock.GetUtcNow().UtcDateTime - Window)
        {
            return (KioskDetailsOutcome.Conflict, null, $"Details are added within {Window.TotalMinutes:0} minutes of the answer.");
        }

        var problems = new FieldProblems();
        var version = await lookups.VersionAsync(() => db, answer.SurveyVersionId, cancellationToken);
        foreach (var (name, value) in new[] { ("timeliness", d?.Timeliness), ("knowledge", d?.Knowledge), ("courtesy", d?.Courtesy), ("fairness", d?.Fairness), ("outcome", d?.Outcome), ("resolved", (int?)resolved) })
        {
            if (value is not null && version?.Asks(name) != true)
            {
                problems.Add(name == "resolved" ? name : "drivers." + name, $"The survey this answer was given in does not ask \"{name}\"; leave it out.");
            }
        }

        if (details.CommendStaff is { } staff)
        {
            await submit.CheckStaffAsync(device.Touchpoint, staff, false, problems, cancellationToken);
        }

        if (problems.Count > 0)
        {
            return (KioskDetailsOutcome.Invalid, problems, null);
        }

        answer.Timeliness = d?.Timeliness;
        answer.TimelinessScore = FeedbackAnswer.ToScore(d?.Timeliness);
        answer.Knowledge = d?.Knowledge;
        answer.KnowledgeScore = FeedbackAnswer.ToScore(d?.Knowledge);
        answer.Courtesy = d?.Courtesy;
        answer.CourtesyScore = FeedbackAnswer.ToScore(d?.Courtesy);
        answer.Fairness = d?.Fairness;
        answer.FairnessScore = FeedbackAnswer.ToScore(d?.Fairness);
        answer.Outcome = d?.Outcome;
        answer.OutcomeScore = FeedbackAnswer.ToScore(d?.Outcome);
        answer.Resolved = resolved;
        answer.CommendedEmployeeId = details.CommendStaff;

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var revision = new FeedbackRevised(answer.Id, answer.OrgUnitId, DateTime.SpecifyKind(answer.AnsweredAt, DateTimeKind.Utc), false);
        foreach (var listener in listeners)
        {
            await listener.FeedbackRevisedAsync(revision, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (KioskDetailsOutcome.Added, null, null);
    }
}
