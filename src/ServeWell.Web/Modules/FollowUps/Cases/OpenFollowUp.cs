using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.FollowUps.Contacts;
using ServeWell.Web.Modules.FollowUps.Notices;
using ServeWell.Web.Modules.FollowUps.Owners;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.FollowUps.Cases;

/// <summary>
/// Told by the intake for each new answer, inside its transaction: an unhappy answer (overall at or below the
/// threshold) or one asking to be contacted opens a case for the nearest supervisor of the answer's unit, with a
/// deadline in business days, the contact encrypted beside it, and a mail to the supervisor queued in the same
/// transaction. Everything rolls back with the answer.
/// </summary>
public sealed class OpenFollowUp(
    ServeWellDbContext db, Supervisors supervisors, CaseOwners owners, BusinessCalendar calendar, ContactVault vault,
    IOptions<FollowUpOptions> options, TimeProvider clock) : IFeedbackReceived
{
    /// <summary>Only an unhappy answer or one asking to be contacted: a group commit of content citizens is written at once.</summary>
    public bool Handles(FeedbackReceived feedback) => feedback.Overall <= options.Value.LowScoreThreshold || ContactOf(feedback) is not null;

    public async Task FeedbackReceivedAsync(FeedbackReceived feedback, CancellationToken cancellationToken) =>
        await OpenAsync(feedback, cancellationToken);

    /// <summary>Opens the case the answer calls for and returns it, or null when the answer needs no follow-up.</summary>
    public async Task<FollowUpCase?> OpenAsync(FeedbackReceived feedback, CancellationToken cancellationToken)
    {
        var contact = ContactOf(feedback);
        var lowScore = feedback.Overall <= options.Value.LowScoreThreshold;
        if (!lowScore && contact is null)
        {
            return null;
        }

        // The intake never tells twice for one answer, but a second case for it must be impossible anyway (unique index).
        if (await db.Set<FollowUpCase>().AnyAsync(x => x.AnswerId == feedback.AnswerId, cancellationToken))
        {
            return null;
        }

        var unitPath = await db.OrgUnits.Where(u => u.Id == feedback.OrgUnitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Feedback for answer {feedback.AnswerId} names org unit {feedback.OrgUnitId}, which does not exist.");
        var nearest = await supervisors.NearestAsync(unitPath, cancellationToken);
        // No supervisor anywhere up the tree: the administrator's fallback owns it until one does (ADR-029).
        var fallback = nearest.Count == 0 ? await owners.FallbackOwnerAsync(cancellationToken) : null;
        var owner = nearest.Count > 0 ? new CaseOwners.Owner(nearest[0].UserId, nearest[0].DisplayName) : fallback;

        var now = clock.GetUtcNow().UtcDateTime;
        // An offline kiosk may deliver an answer days later: the deadline counts from when the citizen answered, never from the future.
        var answeredAt = DateTime.SpecifyKind(feedback.AnsweredAtUtc, DateTimeKind.Utc);
        var (dueOn, dueAt) = calendar.Deadline(answeredAt > now ? now : answeredAt);
        var followUp = new FollowUpCase
        {
            AnswerId = feedback.AnswerId, OrgUnitId = feedback.OrgUnitId, ServiceId = feedback.ServiceId, TouchpointId = feedback.TouchpointId,
            Overall = feedback.Overall, Comment = feedback.Comment, Language = Cultures.Normalise(feedback.Language),
            AnsweredAtUtc = answeredAt, OpenedAtUtc = now, DueOn = dueOn, DueAtUtc = dueAt,
            LowScore = lowScore, ContactRequested = contact is not null, ContactHasEmail = ContactVault.Clean(contact?.Email) is not null,
            State = FollowUpState.New, AssignedUserId = owner?.UserId, OwnedByFallback = fallback is not null,
        };
        db.Add(followUp);
        await db.SaveChangesAsync(cancellationToken);

        db.Add(new FollowUpEvent
        {
            CaseId = followUp.Id, AtUtc = now, Kind = FollowUpEventKind.Opened, ToState = FollowUpState.New,
            ActorName = FollowUpActor.System.Name, Detail = owner?.DisplayName,
        });
        if (contact is not null)
        {
            db.Add(new FollowUpContact { CaseId = followUp.Id, Protected = vault.Protect(contact), CreatedAtUtc = now });
        }

        // The office's supervisors share the case: every one of the nearest level is told, the first is its assignee.
        foreach (var recipient in nearest.Select(s => s.UserId).Append(fallback?.UserId).OfType<string>())
        {
            db.Add(new FollowUpNotice { CaseId = followUp.Id, Kind = FollowUpNoticeKind.Assigned, RecipientUserId = recipient, CreatedAtUtc = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        return followUp;
    }

    private static FeedbackContact? ContactOf(FeedbackReceived feedback) =>
        feedback.Contact is { } c && (ContactVault.Clean(c.Email) ?? ContactVault.Clean(c.Phone)) is not null ? c : null;
}
