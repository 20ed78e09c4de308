using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Compliance;

/// <summary>Where one person stands on one programme in its current cycle; the first that applies, in this order.</summary>
public enum ComplianceStatus
{
    Completed = 0,
    Overdue = 1,
    DueSoon = 2,
    InProgress = 3,
    NotStarted = 4,
}

public sealed record ComplianceRow(
    int EmployeeId, string EmployeeNumber, string Name, string Email, string OrgUnitCode, string OrgUnitName, string? OrgUnitNameEn,
    int ProgrammeId, string Programme, bool Mandatory, EnrolmentState State, DateOnly? DueDate, DateOnly? CompletedOn, ComplianceStatus Status);

public sealed record ComplianceCounts(int InAudience, int Completed, int InProgress, int Overdue, int DueSoon)
{
    public static ComplianceCounts Of(IReadOnlyCollection<ComplianceRow> rows) => new(
        rows.Count, rows.Count(r => r.Status == ComplianceStatus.Completed),
        rows.Count(r => r.Status != ComplianceStatus.Completed && r.State is EnrolmentState.Registered or EnrolmentState.Attended),
        rows.Count(r => r.Status == ComplianceStatus.Overdue), rows.Count(r => r.Status == ComplianceStatus.DueSoon));

    /// <summary>
    /// The share (0..100) of the rows whose current cycle was completed on or before <paramref name="day"/>: today's audience
    /// measured at an earlier date, for a trend; null without rows.
    /// </summary>
    public static double? CompletedPercentOn(IReadOnlyCollection<ComplianceRow> rows, DateOnly day) =>
        rows.Count == 0 ? null : 100.0 * rows.Count(r => r.CompletedOn is { } on && on <= day) / rows.Count;
}

public sealed record ComplianceResult(string? OrgUnitCode, int? ProgrammeId, ComplianceCounts Counts, IReadOnlyList<ComplianceRow> Rows);

/// <summary>
/// Who in an org unit's subtree (within the reader's scope) is in a programme's audience, and whether they completed it in
/// the current cycle, are overdue, due within 30 days, in progress or not started (ADR-010).
/// </summary>
public sealed class ComplianceReport(ServeWellDbContext db, TimeProvider clock)
{
    public const int DueSoonDays = 30;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Null when the org unit is unknown or outside the reader's scope.</summary>
    public async Task<ComplianceResult?> RunAsync(ScopeFilter scope, int? programmeId, string? orgUnitCode, CancellationToken cancellationToken)
    {
        var employees = scope.Apply(db.Employees);
        if (!string.IsNullOrWhiteSpace(orgUnitCode))
        {
            var path = await scope.Apply(db.OrgUnits).Where(u => u.Code == orgUnitCode).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
            if (path is null)
            {
                return null;
            }

            employees = employees.Where(e => e.OrgUnit!.Path.StartsWith(path));
        }

        var enrolments = db.Enrolments.Where(e => e.State != EnrolmentState.Withdrawn);
        if (programmeId is { } id)
        {
            enrolments = enrolments.Where(e => e.ProgrammeId == id);
        }

        var rows = await (
            from e in enrolments
            join p in db.Programmes on e.ProgrammeId equals p.Id
            join x in employees on e.EmployeeId equals x.Id
            select new
            {
                e.EmployeeId, x.EmployeeNumber, x.Name, x.Email, UnitCode = x.OrgUnit!.Code, UnitName = x.OrgUnit.Name, UnitNameEn = x.OrgUnit.NameEn,
                e.ProgrammeId, p.Title, p.IsMandatory, e.State, p.DueDate,
            }).ToListAsync(cancellationToken);

        var programmeIds = rows.Select(r => r.ProgrammeId).Distinct().ToList();
        var cycles = await db.ProgrammeCycles.AsNoTracking().Where(c => programmeIds.Contains(c.ProgrammeId))
            .GroupBy(c => c.ProgrammeId).Select(g => new { ProgrammeId = g.Key, Number = g.Max(c => c.Number) })
            .ToDictionaryAsync(c => c.ProgrammeId, c => c.Number, cancellationToken);
        var employeeIds = rows.Select(r => r.EmployeeId).Distinct().ToList();
        var completions = new Dictionary<(int, int), DateOnly>();
        foreach (var chunk in employeeIds.Chunk(5000))
        {
            var found = await db.Completions.AsNoTracking().Where(c => programmeIds.Contains(c.ProgrammeId) && chunk.Contains(c.EmployeeId))
                .Select(c => new { c.ProgrammeId, c.EmployeeId, c.Cycle, c.CompletedOn }).ToListAsync(cancellationToken);
            foreach (var c in found.Where(c => c.Cycle == cycles.GetValueOrDefault(c.ProgrammeId, 1)))
            {
                completions[(c.ProgrammeId, c.EmployeeId)] = c.CompletedOn;
            }
        }

        var today = Today;
        var result = rows.Select(r =>
            {
                DateOnly? completed = completions.TryGetValue((r.ProgrammeId, r.EmployeeId), out var on) ? on : null;
                var status = completed is not null ? ComplianceStatus.Completed
                    : r.DueDate is { } due && due < today ? ComplianceStatus.Overdue
                    : r.DueDate is { } soon && soon <= today.AddDays(DueSoonDays) ? ComplianceStatus.DueSoon
                    : r.State is EnrolmentState.Registered or EnrolmentState.Attended ? ComplianceStatus.InProgress
                    : ComplianceStatus.NotStarted;
                return new ComplianceRow(r.EmployeeId, r.EmployeeNumber, r.Name, r.Email, r.UnitCode, r.UnitName, r.UnitNameEn, r.ProgrammeId, r.Title.ToString(), r.IsMandatory,
                    r.State, r.DueDate, completed, status);
            })
            .OrderBy(r => r.Status).ThenBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.Programme, StringComparer.Ordinal).ThenBy(r => r.EmployeeNumber, StringComparer.Ordinal)
            .ToList();
        return new ComplianceResult(orgUnitCode, programmeId, ComplianceCounts.Of(result), result);
    }
}
