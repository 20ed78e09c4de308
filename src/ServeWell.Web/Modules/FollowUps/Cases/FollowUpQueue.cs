using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.FollowUps.Cases;

/// <summary>Which cases to list. <see cref="State"/>: "open" (new or contacted; the default), "all", or one state's API name.</summary>
public sealed record FollowUpFilter(string? State = null, string? Office = null, bool OverdueOnly = false, int Page = 1, int PageSize = FollowUpQueue.DefaultPageSize);

public sealed record FollowUpRow(
    int Id, long AnswerId, string OrgUnitCode, string OrgUnitName, int Overall, FollowUpState State, DateOnly DueOn, bool Overdue,
    string? AssigneeName, DateTime AnsweredAtUtc, bool LowScore, bool ContactRequested)
{
    public int? ServiceId { get; init; }

    /// <summary>In the reader's language.</summary>
    public string? ServiceName { get; init; }

    public int TouchpointId { get; init; }

    public string? TouchpointLabel { get; init; }
}

public sealed record FollowUpList(int Total, int Open, int Overdue, int Page, int PageSize, IReadOnlyList<FollowUpRow> Rows)
{
    /// <summary>What happened to the cases in scope (ADR-029): counted from what was done, not from the state a case passed.</summary>
    public CaseFigures Figures { get; init; } = new(0, 0, 0, 0);
}

/// <summary>
/// Open cases with no owner; cases whose citizen was really contacted (a "contacted" step on the timeline); resolved;
/// closed as unreachable.
/// </summary>
public sealed record CaseFigures(int Unassigned, int Contacted, int Resolved, int Unreachable);

/// <summary>The queue of cases a user may see: open ones first, the longest overdue at the top; with counts of open and overdue.</summary>
public sealed class FollowUpQueue(ServeWellDbContext db, TimeProvider clock)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public static bool IsKnownState(string? state) =>
        string.IsNullOrWhiteSpace(state) || state.Trim().ToLowerInvariant() is "open" or "all" || HandleFollowUp.ParseState(state) is not null;

    public async Task<FollowUpList> ListAsync(ClaimsPrincipal user, FollowUpFilter filter, CancellationToken cancellationToken)
    {
        var scope = await FollowUpScope.ForAsync(user, db, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var visible = scope.Apply(db.Set<FollowUpCase>().AsNoTracking());
        var open = visible.Where(c => c.State == FollowUpState.New || c.State == FollowUpState.Contacted);
        var openCount = await open.CountAsync(cancellationToken);
        var overdueCount = await open.CountAsync(c => c.DueAtUtc <= now, cancellationToken);
        var events = db.Set<FollowUpEvent>();
        var figures = new CaseFigures(
            await open.CountAsync(c => c.AssignedUserId == null, cancellationToken),
            await visible.CountAsync(c => events.Any(e => e.CaseId == c.Id && e.Kind == FollowUpEventKind.Transition && e.ToState == FollowUpState.Contacted), cancellationToken),
            await visible.CountAsync(c => c.State == FollowUpState.Resolved, cancellationToken),
            await visible.CountAsync(c => c.State == FollowUpState.ClosedUnreachable, cancellationToken));

        var query = visible;
        var state = filter.State?.Trim().ToLowerInvariant();
        if (state is null or "" or "open")
        {
            query = open;
        }
        else if (state != "all" && HandleFollowUp.ParseState(state) is { } one)
        {
            query = query.Where(c => c.State == one);
        }

        if (!string.IsNullOrWhiteSpace(filter.Office))
        {
            var code = filter.Office.Trim();
            var path = await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken) ?? "-";
            query = query.Where(c => c.OrgUnit!.Path.StartsWith(path));
        }

        if (filter.OverdueOnly)
        {
            query = query.Where(c => (c.State == FollowUpState.New || c.State == FollowUpState.Contacted) && c.DueAtUtc <= now);
        }

        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var total = await query.CountAsync(cancellationToken);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        // Open cases by deadline (so the longest overdue come first), then closed ones, latest closed first.
        var rows = await query
            .OrderBy(c => c.State == FollowUpState.New || c.State == FollowUpState.Contacted ? 0 : 1)
            .ThenBy(c => c.DueAtUtc)
            .ThenByDescending(c => c.ClosedAtUtc).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id, c.AnswerId, c.OrgUnit!.Code, c.OrgUnit.Name, c.OrgUnit.NameEn, c.Overall, c.State, c.DueOn, c.DueAtUtc,
                Assignee = (string?)c.AssignedUser!.DisplayName, c.AnsweredAtUtc, c.LowScore, c.ContactRequested,
                c.ServiceId, c.TouchpointId,
                TouchpointEn = db.Touchpoints.Where(t => t.Id == c.TouchpointId).Select(t => t.Label.En).FirstOrDefault(),
                TouchpointKo = db.Touchpoints.Where(t => t.Id == c.TouchpointId).Select(t => t.Label.Ko).FirstOrDefault(),
                ServiceEn = db.PublicServices.Where(s => s.Id == c.ServiceId).Select(s => s.NameEn).FirstOrDefault(),
                ServiceKo = db.PublicServices.Where(s => s.Id == c.ServiceId).Select(s => s.NameKo).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var english = Cultures.ReadsEnglish;
        return new FollowUpList(total, openCount, overdueCount, page, pageSize, rows.Select(r => new FollowUpRow(
            r.Id, r.AnswerId, r.Code, english && !string.IsNullOrWhiteSpace(r.NameEn) ? r.NameEn : r.Name, r.Overall, r.State, r.DueOn,
            r.State is FollowUpState.New or FollowUpState.Contacted && r.DueAtUtc <= now, r.Assignee, r.AnsweredAtUtc, r.LowScore, r.ContactRequested)
        {
            ServiceId = r.ServiceId, ServiceName = english ? r.ServiceEn : r.ServiceKo, TouchpointId = r.TouchpointId, TouchpointLabel = r.TouchpointEn is null && r.TouchpointKo is null ? null : LocalText.Of(r.TouchpointEn, r.TouchpointKo).For(english),
        }).ToList()) { Figures = figures };
    }

    /// <summary>The units (code, name) that have cases the user may see, for the office filter.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> OfficesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await FollowUpScope.ForAsync(user, db, cancellationToken);
        var units = await scope.Apply(db.Set<FollowUpCase>().AsNoTracking()).Select(c => c.OrgUnit!).Distinct()
            .Select(u => new { u.Code, u.Name, u.NameEn }).ToListAsync(cancellationToken);
        var english = Cultures.ReadsEnglish;
        return units.Select(u => (u.Code, english && !string.IsNullOrWhiteSpace(u.NameEn) ? u.NameEn! : u.Name))
            .OrderBy(u => u.Item2, StringComparer.CurrentCulture).ToList();
    }
}
