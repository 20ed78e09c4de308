using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Enrolments;

public sealed record EnrolmentRow(string EmployeeNumber, string Name, string OrgUnitCode, string OrgUnitName, string? OrgUnitNameEn, EnrolmentState State, EnrolmentSource Source, DateTime Since);

/// <summary>One page of a programme's enrolments, with the count in every state.</summary>
public sealed record EnrolmentPage(int ProgrammeId, int Total, int Page, int PageSize, IReadOnlyDictionary<EnrolmentState, int> Counts, EnrolmentState? State, IReadOnlyList<EnrolmentRow> Rows)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Reads a programme's enrolments for the details page and the API: only the people the viewer's scope covers,
/// names and counts alike (a supervisor sees their subtree, not the city; ADR-028).
/// </summary>
public sealed class ProgrammeEnrolments(ServeWellDbContext db)
{
    public const int MaxPageSize = 500;

    public async Task<EnrolmentPage?> ReadAsync(int programmeId, ScopeFilter scope, EnrolmentState? state, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!await db.Programmes.AnyAsync(p => p.Id == programmeId, cancellationToken))
        {
            return null;
        }

        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        var visible = scope.Apply(db.Employees).Select(p => p.Id);
        var counts = await db.Enrolments.Where(e => e.ProgrammeId == programmeId && visible.Contains(e.EmployeeId)).GroupBy(e => e.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var query = db.Enrolments.AsNoTracking().Where(e => e.ProgrammeId == programmeId && visible.Contains(e.EmployeeId));
        if (state is { } s)
        {
            query = query.Where(e => e.State == s);
        }

        var total = state is { } only ? counts.GetValueOrDefault(only) : counts.Values.Sum();
        var rows = await query
            .Join(db.Employees, e => e.EmployeeId, p => p.Id, (e, p) => new { e, p })
            .OrderBy(x => x.p.EmployeeNumber)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new EnrolmentRow(x.p.EmployeeNumber, x.p.Name, x.p.OrgUnit!.Code, x.p.OrgUnit.Name, x.p.OrgUnit.NameEn, x.e.State, x.e.Source, x.e.StateSince))
            .ToListAsync(cancellationToken);
        return new EnrolmentPage(programmeId, total, page, pageSize, counts, state, rows);
    }
}
