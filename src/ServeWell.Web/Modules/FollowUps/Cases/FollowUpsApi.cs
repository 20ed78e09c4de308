using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.FollowUps.Cases;

public sealed record FollowUpSummaryDto(
    int Id, long AnswerId, string OrgUnitCode, string OrgUnitName, int Overall, string State, DateOnly DueOn, bool Overdue,
    string? Assignee, DateTime AnsweredAt, bool LowScore, bool ContactRequested);

public sealed record FollowUpListDto(int Total, int Open, int Overdue, int Page, int PageSize, IReadOnlyList<FollowUpSummaryDto> FollowUps);

public sealed record FollowUpEventDto(DateTime At, string Kind, string? From, string? To, string By, string? Detail, string? Note);

public sealed record FollowUpDto(
    int Id, long AnswerId, string OrgUnitCode, string OrgUnitName, int? ServiceId, int TouchpointId, int Overall, string? Comment,
    string Language, DateTime AnsweredAt, DateTime OpenedAt, DateOnly DueOn, DateTime DueAt, bool Overdue, string State,
    string? Assignee, string? RootCause, string? ResolutionNote, DateTime? ClosedAt, bool LowScore, bool ContactRequested,
    bool HasContact, IReadOnlyList<FollowUpEventDto> Timeline)
{
    public static FollowUpDto From(FollowUpView v)
    {
        var c = v.Case;
        return new FollowUpDto(
            c.Id, c.AnswerId, v.OrgUnitCode, v.OrgUnitName, c.ServiceId, c.TouchpointId, c.Overall, c.Comment, c.Language,
            Utc(c.AnsweredAtUtc), Utc(c.OpenedAtUtc), c.DueOn, Utc(c.DueAtUtc), v.Overdue, HandleFollowUp.ApiName(c.State),
            v.AssigneeName, v.RootCause?.Code, c.ResolutionNote, c.ClosedAtUtc is { } closed ? Utc(closed) : null, c.LowScore, c.ContactRequested,
            v.HasContact,
            v.Timeline.Select(e => new FollowUpEventDto(
                Utc(e.AtUtc), char.ToLowerInvariant(e.Kind.ToString()[0]) + e.Kind.ToString()[1..],
                e.FromState is { } f ? HandleFollowUp.ApiName(f) : null, e.ToState is { } t ? HandleFollowUp.ApiName(t) : null,
                e.ActorName, e.Detail, e.Note)).ToList());
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
            .WithSummary("Follow-up cases within the caller's scope, open ones first by deadline. state: open (default), all, new, contacted, resolved, closedUnreachable; office: an org unit code (with its subtree); overdue=true.");
        api.MapGet("/follow-ups/{id:int}", GetAsync)
            .RequireAuthorization(Policies.ViewFollowUps)
            .WithName("GetFollowUp")
            .WithSummary("One case with its answer snapshot and timeline; 404 outside the caller's scope. Contact details are shown only on the case page.");
        api.MapPost("/follow-ups/{id:int}/transitions", TransitionAsync)
            .RequireAuthorization(Policies.HandleFollowUps)
            .WithName("TransitionFollowUp")
            .WithSummary("Moves a case: to contacted (from new), resolved (from contacted; rootCause and note required) or closedUnreachable (from new or contacted).");
        return api;
    }

    private static async Task<Results<Ok<FollowUpListDto>, ValidationProblem>> ListAsync(
        string? state, string? office, bool? overdue, int? page, int? pageSize, ClaimsPrincipal user, FollowUpQueue queue,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!FollowUpQueue.IsKnownState(state))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["state"] = [l["“{0}” is not a state; use open, all, new, contacted, resolved or closedUnreachable.", state!]],
            });
        }

        var list = await queue.ListAsync(user, new FollowUpFilter(state, office, overdue ?? false, page ?? 1, pageSize ?? FollowUpQueue.DefaultPageSize), cancellationToken);
        return TypedResults.Ok(new FollowUpListDto(list.Total, list.Open, list.Overdue, list.Page, list.PageSize, list.Rows.Select(r => new FollowUpSummaryDto(
            r.Id, r.AnswerId, r.OrgUnitCode, r.OrgUnitName, r.Overall, HandleFollowUp.ApiName(r.State), r.DueOn, r.Overdue, r.AssigneeName,
            FollowUpDto.Utc(r.AnsweredAtUtc), r.LowScore, r.ContactRequested)).ToList()));
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

        var problems = await handle.TransitionAsync(id, request, user, cancellationToken);
        if (problems.Count > 0)
        {
            // Not the caller's case to act on (leadership reading a subtree) or changed meanwhile: the case as a whole.
            if (problems.All(p => p.Field.Length == 0))
            {
                return TypedResults.Problem(string.Join(" ", problems.Select(p => p.Message)), statusCode: before.MayHandle ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden);
            }

            return TypedResults.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        return TypedResults.Ok(FollowUpDto.From((await details.FindAsync(id, user, cancellationToken))!));
    }
}
