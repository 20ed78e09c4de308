using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.FollowUps.Contacts;
using ServeWell.Web.Modules.FollowUps.Notices;
using ServeWell.Web.Modules.FollowUps.RootCauses;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.FollowUps.Cases;

/// <summary>A move of a case as the API and the case page ask for it.</summary>
public sealed class TransitionRequest
{
    /// <summary>contacted, resolved or closedUnreachable.</summary>
    public string? To { get; set; }

    /// <summary>Required to resolve: the code of an active root cause (waiting-time, staff-attitude…).</summary>
    public string? RootCause { get; set; }

    /// <summary>Optional, except to resolve: what was found and done. Internal; never sent to the citizen.</summary>
    public string? Note { get; set; }
}

/// <summary>
/// What a handler does with a case: move it along (New → Contacted → Resolved, or New → Resolved when the citizen did not
/// ask to be contacted, or closed as unreachable from New or Contacted), hand it to another supervisor in scope, and reveal the citizen's contact details (audited every time).
/// Each checks the state it moves from and the case's version, so two people acting at once cannot both win.
/// </summary>
public sealed class HandleFollowUp(
    ServeWellDbContext db, Supervisors supervisors, ContactVault vault, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxNote = 2000;

    /// <summary><see cref="Field"/> is the request's JSON name ("rootCause"), or "" for the case as a whole.</summary>
    public sealed record Problem(string Field, string Message);

    public static FollowUpState? ParseState(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "new" => FollowUpState.New,
        "contacted" => FollowUpState.Contacted,
        "resolved" => FollowUpState.Resolved,
        "closedunreachable" or "closed-unreachable" => FollowUpState.ClosedUnreachable,
        _ => null,
    };

    public static string ApiName(FollowUpState state) => state switch
    {
        FollowUpState.ClosedUnreachable => "closedUnreachable",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Whether a case may move from one state to another. A citizen who asked to be contacted is contacted before the case
    /// is resolved; one who did not (a low score alone) has no contact step, so the case is resolved straight from new
    /// (ADR-029) — marking it "contacted" would count a contact that never happened.
    /// </summary>
    public static bool Allowed(FollowUpState from, FollowUpState to, bool contactRequested = true) => (from, to) switch
    {
        (FollowUpState.New, FollowUpState.Contacted) => true,
        (FollowUpState.Contacted, FollowUpState.Resolved) => true,
        (FollowUpState.New, FollowUpState.Resolved) => !contactRequested,
        (FollowUpState.New or FollowUpState.Contacted, FollowUpState.ClosedUnreachable) => true,
        _ => false,
    };

    public async Task<IReadOnlyList<Problem>> TransitionAsync(int caseId, TransitionRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (followUp, scope) = await LoadAsync(caseId, user, cancellationToken);
        if (followUp is null)
        {
            return [new("", l["That follow-up case does not exist."])];
        }

        if (!scope.MayHandleUnit(followUp.OrgUnit!.Path))
        {
            return [new("", l["Only a supervisor of this office or an administrator may act on this case."])];
        }

        var problems = new List<Problem>();
        var to = ParseState(request.To);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (to is null)
        {
            problems.Add(new("to", l["Choose what happened: contacted, resolved or closedUnreachable."]));
        }
        else if (!Allowed(followUp.State, to.Value, followUp.ContactRequested))
        {
            problems.Add(new("to", to == FollowUpState.Resolved && followUp.State == FollowUpState.New
                ? l["Mark the case as contacted before resolving it."]
                : l["A case that is “{0}” cannot become “{1}”.", l["FollowUp:" + followUp.State], l["FollowUp:" + to.Value]]));
        }

        if (note?.Length > MaxNote)
        {
            problems.Add(new("note", l["At most {0} characters.", MaxNote]));
        }

        RootCause? cause = null;
        if (to == FollowUpState.Resolved)
        {
            var code = request.RootCause?.Trim();
            cause = string.IsNullOrEmpty(code) ? null : await db.Set<RootCause>().FirstOrDefaultAsync(c => c.Code == code && c.IsActive, cancellationToken);
            if (string.IsNullOrEmpty(code))
            {
                problems.Add(new("rootCause", l["Choose the root cause to resolve the case."]));
            }
            else if (cause is null)
            {
                problems.Add(new("rootCause", l["“{0}” is not a root cause on the list.", code]));
            }

            if (note is null)
            {
                problems.Add(new("note", l["Write a note on what was found and done to resolve the case."]));
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = followUp.State;
        followUp.State = to!.Value;
        followUp.Version++;
        if (to is FollowUpState.Resolved or FollowUpState.ClosedUnreachable)
        {
            followUp.ClosedAtUtc = now;
        }

        if (cause is not null)
        {
            followUp.RootCauseId = cause.Id;
            followUp.ResolutionNote = note;
        }

        var actor = FollowUpActor.Of(user);
        db.Add(new FollowUpEvent { CaseId = followUp.Id, AtUtc = now, Kind = FollowUpEventKind.Transition, FromState = from, ToState = to, ActorUserId = actor.UserId, ActorName = actor.Name, Detail = cause?.Code, Note = note });
        if (to == FollowUpState.Resolved && followUp.ContactHasEmail)
        {
            db.Add(new FollowUpNotice { CaseId = followUp.Id, Kind = FollowUpNoticeKind.Resolved, CreatedAtUtc = now });
        }

        return await SaveAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Problem>> ReassignAsync(int caseId, string? userId, string? note, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (followUp, scope) = await LoadAsync(caseId, user, cancellationToken);
        if (followUp is null)
        {
            return [new("", l["That follow-up case does not exist."])];
        }

        if (!scope.MayHandleUnit(followUp.OrgUnit!.Path))
        {
            return [new("", l["Only a supervisor of this office or an administrator may act on this case."])];
        }

        if (!followUp.IsOpen)
        {
            return [new("", l["A closed case cannot be reassigned."])];
        }

        var target = (await supervisors.CoveringAsync(followUp.OrgUnit.Path, cancellationToken)).FirstOrDefault(s => s.UserId == userId);
        if (target is null)
        {
            return [new("assignee", l["Choose a supervisor whose scope covers this office."])];
        }

        if (target.UserId == followUp.AssignedUserId)
        {
            return [new("assignee", l["The case is already assigned to {0}.", target.DisplayName])];
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxNote)
        {
            return [new("note", l["At most {0} characters.", MaxNote])];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        followUp.AssignedUserId = target.UserId;
        followUp.Version++;
        var actor = FollowUpActor.Of(user);
        db.Add(new FollowUpEvent { CaseId = followUp.Id, AtUtc = now, Kind = FollowUpEventKind.Reassigned, ActorUserId = actor.UserId, ActorName = actor.Name, Detail = target.DisplayName, Note = note });
        db.Add(new FollowUpNotice { CaseId = followUp.Id, Kind = FollowUpNoticeKind.Assigned, RecipientUserId = target.UserId, CreatedAtUtc = now });
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Decrypts the citizen's contact for whoever handles the case, and records that they saw it, in the audit log and on
    /// the timeline. Null when the user may not handle it or there is no contact (never asked, or already deleted).
    /// </summary>
    public async Task<FeedbackContact?> RevealContactAsync(int caseId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (followUp, scope) = await LoadAsync(caseId, user, cancellationToken);
        if (followUp is null || !scope.MayHandleUnit(followUp.OrgUnit!.Path))
        {
            return null;
        }

        var stored = await db.Set<FollowUpContact>().AsNoTracking().FirstOrDefaultAsync(c => c.CaseId == caseId, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var contact = vault.Unprotect(stored.Protected);
        var actor = FollowUpActor.Of(user);
        var key = "answer-" + followUp.AnswerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        db.Audit("contact-revealed", nameof(FollowUpCase), key, null, new { followUp.Id, by = actor.Name });
        db.Add(new FollowUpEvent { CaseId = followUp.Id, AtUtc = clock.GetUtcNow().UtcDateTime, Kind = FollowUpEventKind.ContactRevealed, ActorUserId = actor.UserId, ActorName = actor.Name });
        await db.SaveChangesAsync(cancellationToken);
        return contact;
    }

    private async Task<(FollowUpCase? Case, FollowUpScope Scope)> LoadAsync(int caseId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await FollowUpScope.ForAsync(user, db, cancellationToken);
        var followUp = await scope.Apply(db.Set<FollowUpCase>()).Include(c => c.OrgUnit).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return (followUp, scope);
    }

    private async Task<IReadOnlyList<Problem>> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [new("", l["Someone else changed this case at the same moment. Reload it and try again."])];
        }
    }
}
