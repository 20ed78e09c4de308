using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps.Contacts;
using ServeWell.Web.Modules.FollowUps.RootCauses;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.FollowUps.Cases;

/// <summary>One case as its page and the API show it: the answer's snapshot, where it stands, and its timeline. Never the contact.</summary>
public sealed record FollowUpView(
    FollowUpCase Case, string OrgUnitCode, string OrgUnitName, string? AssigneeName, RootCause? RootCause,
    bool Overdue, bool HasContact, bool MayHandle, IReadOnlyList<FollowUpEvent> Timeline)
{
    /// <summary>Where the answer came from: the touchpoint's label (staff name it in one language) and kind.</summary>
    public FollowUpTouchpoint? Touchpoint { get; init; }

    /// <summary>The service's name in the reader's language, when the touchpoint is for one service.</summary>
    public string? ServiceName { get; init; }

    /// <summary>
    /// Set when the answer was later excluded from the figures (ADR-022): the case stays open (cases are work, not
    /// figures), and its handler sees why the answer no longer counts before deciding how to close it.
    /// </summary>
    public FollowUpExclusion? Exclusion { get; init; }

    /// <summary>What went wrong, as the citizen answered it: drivers, "resolved" and channel (ADR-029).</summary>
    public FollowUpAnswer? Answer { get; init; }
}

/// <summary>The parts of the answer a handler needs beyond the case's snapshot. Drivers in the survey's order; null where not answered.</summary>
public sealed record FollowUpAnswer(
    ServeWell.Web.Modules.Feedback.Touchpoints.FeedbackChannel Channel, ServeWell.Web.Modules.Feedback.Intake.Resolution? Resolved,
    IReadOnlyList<(string Driver, int? Score)> Drivers);

/// <summary>Why and when a case's answer was excluded from the figures.</summary>
public sealed record FollowUpExclusion(ServeWell.Web.Modules.Feedback.Intake.ExclusionReason Reason, DateTime AtUtc);

/// <summary>The touchpoint an answer came through, as a case shows it.</summary>
public sealed record FollowUpTouchpoint(int Id, string Label, string Code, ServeWell.Web.Modules.Feedback.Touchpoints.TouchpointKind Kind);

public sealed class FollowUpDetails(ServeWellDbContext db, TimeProvider clock)
{
    /// <summary>The case, or null when it does not exist or lies outside the user's scope (both answer 404).</summary>
    public async Task<FollowUpView?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await FollowUpScope.ForAsync(user, db, cancellationToken);
        var c = await scope.Apply(db.Set<FollowUpCase>().AsNoTracking())
            .Include(x => x.OrgUnit).Include(x => x.AssignedUser).Include(x => x.RootCause)
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var timeline = await db.Set<FollowUpEvent>().AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var hasContact = await db.Set<FollowUpContact>().AnyAsync(x => x.CaseId == id, cancellationToken);
        var english = Cultures.ReadsEnglish;
        var touchpoint = await db.Touchpoints.AsNoTracking().Where(t => t.Id == c.TouchpointId)
            .Select(t => new { t.Id, t.Label, t.Code, t.Kind }).FirstOrDefaultAsync(cancellationToken) is { } tp
            ? new FollowUpTouchpoint(tp.Id, tp.Label.For(english), tp.Code, tp.Kind) : null;
        var service = c.ServiceId is { } serviceId
            ? await db.PublicServices.AsNoTracking().Where(s => s.Id == serviceId).Select(s => new { s.NameEn, s.NameKo }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var exclusion = await db.FeedbackAnswers.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Id == c.AnswerId && a.ExcludedAt != null && a.ExclusionReason != null)
            .Select(a => new FollowUpExclusion(a.ExclusionReason!.Value, a.ExcludedAt!.Value)).FirstOrDefaultAsync(cancellationToken);
        // The answer itself, excluded or not: the case is work whatever the figures count.
        var answer = await db.FeedbackAnswers.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == c.AnswerId)
            .Select(a => new { a.Channel, a.Resolved, a.Timeliness, a.Knowledge, a.Courtesy, a.Fairness, a.Outcome }).FirstOrDefaultAsync(cancellationToken);
        return new FollowUpView(
            c, c.OrgUnit!.Code, c.OrgUnit.DisplayName(english), c.AssignedUser?.DisplayName, c.RootCause,
            c.IsOverdueAt(clock.GetUtcNow().UtcDateTime), hasContact, scope.MayHandleUnit(c.OrgUnit.Path), timeline)
        {
            Touchpoint = touchpoint,
            ServiceName = service is null ? null : english ? service.NameEn : service.NameKo,
            Exclusion = exclusion,
            Answer = answer is null ? null : new FollowUpAnswer(answer.Channel, answer.Resolved,
            [
                ("Timeliness", answer.Timeliness), ("Knowledge", answer.Knowledge), ("Courtesy", answer.Courtesy),
                ("Fairness", answer.Fairness), ("Outcome", answer.Outcome),
            ]),
        };
    }
}
