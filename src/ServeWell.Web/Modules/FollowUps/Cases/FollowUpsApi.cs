using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.FollowUps.Cases;

public sealed record FollowUpSummaryDto(
    int Id, long AnswerId, string OrgUnitCode, string OrgUnitName, int? ServiceId, string? ServiceName, int TouchpointId, string? TouchpointLabel,
    int Overall, string State, DateOnly DueOn, bool Overdue, string? Assignee, DateTime AnsweredAt, bool LowScore, bool ContactRequested);

/// <summary>Hands an open case to another supervisor whose scope covers its office: by user id or email.</summary>
public sealed class ReassignRequest
{
    /// <summary>The supervisor's user id or email, one of GET …/{id}/assignees.</summary>
    public string? Assignee { get; set; }

    /// <summary>Optional: why (on the timeline).</summary>
    public string? Note { get; set; }
}

public sealed record FollowUpAssigneeDto(string UserId, string Email, string DisplayName, bool Current);

/// <summary>The citizen's contact details, decrypted for whoever handles the case; the viewing is audited.</summary>
public sealed record FollowUpContactDto(int CaseId, string? Email, string? Phone);

public sealed record FollowUpListDto(int Total, int Open, int Overdue, int Page, int PageSize, IReadOnlyList<FollowUpSummaryDto> FollowUps)
{
    /// <summary>Open cases in scope with no owner.</summary>
    public int Unassigned { get; init; }

    /// <summary>Cases in scope whose citizen was contacted (a contacted step really taken).</summary>
    public int Contacted { get; init; }

    public int Resolved { get; init; }

    public int Unreachable { get; init; }
}

public sealed record FollowUpEventDto(DateTime At, string Kind, string? From, string? To, string By, string? Detail, string? Note);

public sealed record FollowUpDto(
    int Id, long AnswerId, string OrgUnitCode, string OrgUnitName, int? ServiceId, string? ServiceName, int TouchpointId, string? TouchpointLabel,
    string? TouchpointKind, int Overall, string? Comment,
    string Language, DateTime AnsweredAt, DateTime OpenedAt, DateOnly DueOn, DateTime DueAt, bool Overdue, string State,
    string? Assignee, string? RootCause, string? ResolutionNote, DateTime? ClosedAt, bool LowScore, bool ContactRequested,
    bool HasContact, string? AnswerExcludedAs, DateTime? AnswerExcludedAt, IReadOnlyList<FollowUpEventDto> Timeline)
{
    /// <summary>The answer's channel (counter-qr, kiosk, link, website).</summary>
    public string? Channel { get; init; }

    /// <summary>Whether the citizen said the matter was resolved: yes, partly, no; null when not answered.</summary>
    public string? Resolved { get; init; }

    /// <summary>The answer's driver ratings (1–5, null where not answered).</summary>
    public ServeWell.Web.Modules.Feedback.Intake.FeedbackDrivers? Drivers { get; init; }

    public static FollowUpDto From(FollowUpView v)
    {
        var c = v.Case;
        return new FollowUpDto(
            c.Id, c.AnswerId, v.OrgUnitCode, v.OrgUnitName, c.ServiceId, v.ServiceName, c.TouchpointId, v.Touchpoint?.Label,
            v.Touchpoint is { } tp ? char.ToLowerInvariant(tp.Kind.ToString()[0]) + tp.Kind.ToString()[1..] : null, c.Overall, c.Comment, c.Language,
            Utc(c.AnsweredAtUtc), Utc(c.OpenedAtUtc), c.DueOn, Utc(c.DueAtUtc), v.Overdue, HandleFollowUp.ApiName(c.State),
            v.AssigneeName, v.RootCause?.Code, c.ResolutionNote, c.ClosedAtUtc is { } closed ? Utc(closed) : null, c.LowScore, c.ContactRequested,
            v.HasContact, v.Exclusion is { } x ? ServeWell.Web.Modules.Feedback.Revisions.ReviseFeedback.ApiName(x.Reason) : null,
            v.Exclusion is { } at ? Utc(at.AtUtc) : null,
            v.Timeline.Select(e => new FollowUpEventDto(
                Utc(e.AtUtc), char.ToLowerInvariant(e.Kind.ToString()[0]) + e.Kind.ToString()[1..],
                e.FromState is { } f ? HandleFollowUp.ApiName(f) : null, e.ToState is { } t ? HandleFollowUp.ApiName(t) : null,
                e.ActorName, e.Detail, e.Note)).ToList())
        {
            Channel = v.Answer is { } a ? ServeWell.Web.Modules.Feedback.Intake.FeedbackAnswerDto.ChannelName(a.Channel) : null,
            Resolved = v.Answer?.Resolved?.ToString().ToLowerInvariant(),
            Drivers = v.Answer is { } d ? new ServeWell.Web.Modules.Feedback.Intake.FeedbackDrivers(d.Drivers[0].Score, d.Drivers[1].Score, d.Drivers[2].Score, d.Drivers[3].Score, d.Drivers[4].Score) : null,
        };
    }

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

public static class FollowUpsApi
{
    public static RouteGroupBuilder MapFollowUpsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/follow-ups", ListAsync)
            .RequireAuthorization(Policies.ViewFollowUps)
            .WithName("ListFollowUps")
            .WithSummary("Follow-up cases within the caller's scope, open ones first by deadline. state: open (default), all, new, contacted, resolved, closedUnreachable; unit (or office): an org unit code (with its subtree); overdue=true; page, pageSize (at most 200).")
            .ProducesValidationProblem();
        api.MapGet("/follow-ups/{id:int}", GetAsync)
            .RequireAuthorization(Policies.ViewFollowUps)
            .WithName("GetFollowUp")
            .WithSummary("One case with its answer snapshot and timeline; 404 outside the caller's scope. Contact details are shown only on the case page.");
        api.MapPost("/follow-ups/{id:int}/transitions", TransitionAsync)
            .RequireAuthorization(Policies.HandleFollowUps)
            .WithName("TransitionFollowUp")
            .WithSummary("Moves a case: to contacted (from new), resolved (from contacted, or from new when the citizen did not ask to be contacted; rootCause and note required) or closedUnreachable (from new or contacted).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/follow-ups/{id:int}/assignees", AssigneesAsync)
            .RequireAuthorization(Policies.HandleFollowUps)
            .WithName("ListFollowUpAssignees")
            .WithSummary("The supervisors an open case may be handed to: every active supervisor whose scope covers its office, nearest first.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/follow-ups/{id:int}/assignee", ReassignAsync)
            .RequireAuthorization(Policies.HandleFollowUps)
            .WithName("ReassignFollowUp")
            .WithSummary("Hands an open case to another supervisor whose scope covers its office (assignee: user id or email; note optional). They are mailed.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/follow-ups/{id:int}/contact/reveal", RevealAsync)
            .RequireAuthorization(Policies.HandleFollowUps)
            .WithName("RevealFollowUpContact")
            .WithSummary("Decrypts the citizen's contact details for whoever may handle the case; every viewing is written to the audit log and the case's timeline. 404 when there are none (never given, or deleted after the retention period).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<FollowUpListDto>, ValidationProblem>> ListAsync(
        string? state, string? unit, string? office, string? overdue, string? page, string? pageSize, ClaimsPrincipal user, FollowUpQueue queue,
        ServeWell.Web.Platform.Data.ServeWellDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        // Parameters are read as text so a bad value is answered field by field, naming it, rather than with a bare 400.
        var errors = new Dictionary<string, string[]>();
        if (!FollowUpQueue.IsKnownState(state))
        {
            errors["state"] = [l["“{0}” is not a state; use open, all, new, contacted, resolved or closedUnreachable.", state!]];
        }

        var unitCode = string.IsNullOrWhiteSpace(unit) ? office : unit;
        var unitField = string.IsNullOrWhiteSpace(unit) ? "office" : "unit";
        if (!string.IsNullOrWhiteSpace(unitCode) && !await db.OrgUnits.AnyAsync(u => u.Code == unitCode.Trim(), cancellationToken))
        {
            errors[unitField] = [l["“{0}” is not the code of an org unit.", unitCode]];
        }

        bool overdueOnly = false;
        if (!string.IsNullOrWhiteSpace(overdue) && !bool.TryParse(overdue, out overdueOnly))
        {
            errors["overdue"] = [l["“{0}” is not true or false.", overdue]];
        }

        var pageNumber = Whole(page, "page", 1, int.MaxValue, 1, errors, l);
        var size = Whole(pageSize, "pageSize", 1, FollowUpQueue.MaxPageSize, FollowUpQueue.DefaultPageSize, errors, l);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var list = await queue.ListAsync(user, new FollowUpFilter(state, unitCode, overdueOnly, pageNumber, size), cancellationToken);
        return TypedResults.Ok(new FollowUpListDto(list.Total, list.Open, list.Overdue, list.Page, list.PageSize, list.Rows.Select(r => new FollowUpSummaryDto(
            r.Id, r.AnswerId, r.OrgUnitCode, r.OrgUnitName, r.ServiceId, r.ServiceName, r.TouchpointId, r.TouchpointLabel,
            r.Overall, HandleFollowUp.ApiName(r.State), r.DueOn, r.Overdue, r.AssigneeName,
            FollowUpDto.Utc(r.AnsweredAtUtc), r.LowScore, r.ContactRequested)).ToList())
        {
            Unassigned = list.Figures.Unassigned, Contacted = list.Figures.Contacted, Resolved = list.Figures.Resolved, Unreachable = list.Figures.Unreachable,
        });
    }

    private static int Whole(string? text, string field, int min, int max, int fallback, Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> l)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[field] = [l["“{0}” is not a whole number from {1} to {2}.", text, min, max]];
        return fallback;
    }

    private static async Task<Results<Ok<List<FollowUpAssigneeDto>>, NotFound, ProblemHttpResult>> AssigneesAsync(
        int id, ClaimsPrincipal user, FollowUpDetails details, Supervisors supervisors, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var view = await details.FindAsync(id, user, cancellationToken);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        if (!view.MayHandle)
        {
            return TypedResults.Problem(l["Only a supervisor of this office or an administrator may act on this case."], statusCode: StatusCodes.Status403Forbidden);
        }

        var covering = view.Case.IsOpen ? await supervisors.CoveringAsync(view.Case.OrgUnit!.Path, cancellationToken) : [];
        return TypedResults.Ok(covering.Select(s => new FollowUpAssigneeDto(s.UserId, s.Email, s.DisplayName, s.UserId == view.Case.AssignedUserId)).ToList());
    }

    private static async Task<Results<Ok<FollowUpDto>, NotFound, ValidationProblem, ProblemHttpResult>> ReassignAsync(
        int id, ReassignRequest request, ClaimsPrincipal user, FollowUpDetails details, HandleFollowUp handle, Supervisors supervisors,
        CancellationToken cancellationToken)
    {
        var before = await details.FindAsync(id, user, cancellationToken);
        if (before is null)
        {
            return TypedResults.NotFound();
        }

        // An email names the same supervisor as their id; an unknown value stays as given and is refused by the use case, naming the field.
        var assignee = request.Assignee?.Trim();
        if (assignee is not null && assignee.Contains('@', StringComparison.Ordinal) && before.MayHandle)
        {
            var covering = await supervisors.CoveringAsync(before.Case.OrgUnit!.Path, cancellationToken);
            assignee = covering.FirstOrDefault(s => string.Equals(s.Email, assignee, StringComparison.OrdinalIgnoreCase))?.UserId ?? assignee;
        }

        return Answer(await handle.ReassignAsync(id, assignee, request.Note, user, cancellationToken), before)
            ?? TypedResults.Ok(FollowUpDto.From((await details.FindAsync(id, user, cancellationToken))!));
    }

    private static async Task<Results<Ok<FollowUpContactDto>, NotFound, ProblemHttpResult>> RevealAsync(
        int id, ClaimsPrincipal user, FollowUpDetails details, HandleFollowUp handle, HttpContext http, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        var view = await details.FindAsync(id, user, cancellationToken);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        if (!view.MayHandle)
        {
            return TypedResults.Problem(l["Only a supervisor of this office or an administrator may act on this case."], statusCode: StatusCodes.Status403Forbidden);
        }

        var contact = await handle.RevealContactAsync(id, user, cancellationToken);
        if (contact is null)
        {
            return TypedResults.Problem(
                view.Case.ContactPurgedAtUtc is null
                    ? l["The citizen did not ask to be contacted."]
                    : l["The contact details were deleted on {0}.", view.Case.ContactPurgedAtUtc.Value.ToString("d", System.Globalization.CultureInfo.CurrentCulture)],
                statusCode: StatusCodes.Status404NotFound);
        }

        // Contact details must not stay in a browser or proxy cache.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new FollowUpContactDto(id, contact.Email, contact.Phone));
    }

    /// <summary>The use case's refusals as HTTP: per field (400), or for the case as a whole (403 not the caller's to act on; 409 changed or closed meanwhile).</summary>
    private static Results<Ok<FollowUpDto>, NotFound, ValidationProblem, ProblemHttpResult>? Answer(IReadOnlyList<HandleFollowUp.Problem> problems, FollowUpView before)
    {
        if (problems.Count == 0)
        {
            return null;
        }

        if (problems.All(p => p.Field.Length == 0))
        {
            return TypedResults.Problem(string.Join(" ", problems.Select(p => p.Message)), statusCode: before.MayHandle ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden);
        }

        return TypedResults.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
    }

    private static async Task<Results<Ok<FollowUpDto>, NotFound>> GetAsync(int id, ClaimsPrincipal user, FollowUpDetails details, CancellationToken cancellationToken) =>
        await details.FindAsync(id, user, cancellationToken) is { } view ? TypedResults.Ok(FollowUpDto.From(view)) : TypedResults.NotFound();

    private static async Task<Results<Ok<FollowUpDto>, NotFound, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        int id, TransitionRequest request, ClaimsPrincipal user, FollowUpDetails details, HandleFollowUp handle, CancellationToken cancellationToken)
    {
        var before = await details.FindAsync(id, user, cancellationToken);
        if (before is null)
        {
            return TypedResults.NotFound();
        }

        return Answer(await handle.TransitionAsync(id, request, user, cancellationToken), before)
            ?? TypedResults.Ok(FollowUpDto.From((await details.FindAsync(id, user, cancellationToken))!));
    }
}
