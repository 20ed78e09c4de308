using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.Insights.Impact;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.Recognition.Awards;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Insights.Reports;

/// <summary>
/// Follow-up cases of the month: opened in it, closed in it (on time: by their due time; resolved or unreachable), open
/// past due at its end, and citizens really contacted in it (a contacted step on the timeline, ADR-029).
/// </summary>
public sealed record FollowUpFigures(int Opened, int Closed, int ClosedOnTime, int OverdueAtMonthEnd, int Resolved = 0, int Unreachable = 0, int Contacted = 0);

/// <summary>Completions recorded in the month by staff of the subtree, per programme.</summary>
public sealed record CompletionFigure(string Programme, int Completions);

/// <summary>A courtesy award of the month (ADR-064): the awardee, their office and the award's name.</summary>
public sealed record MonthlyAward(string Awardee, string Office, string Award);

/// <summary>Everything the monthly PDF shows, read from the rollups and the modules' tables (never the answers).</summary>
public sealed record MonthlyReportData(
    DateOnly Month, string OrgUnitCode, string OrgUnitName, InsightsFigures Month0, InsightsFigures Previous,
    IReadOnlyList<ProblemServiceRow> ProblemServices, IReadOnlyList<TrendMonthDto> Trend, FollowUpFigures FollowUps,
    IReadOnlyList<CompletionFigure> Completions, TrainingImpactDto Impact, IReadOnlyList<MonthlyAward>? Awards = null);

/// <summary>Collects <see cref="MonthlyReportData"/> for a month and an org subtree.</summary>
public sealed class MonthlyReport(
    ServeWellDbContext db, InsightsOverview overview, ProblemServicesReport problems, TrendsReport trends, TrainingImpact impact, InsightsCalendar calendar,
    AwardFacts awards)
{
    public async Task<MonthlyReportData> CollectAsync(DateOnly month, OrgUnit unit, bool english, CancellationToken cancellationToken)
    {
        var query = new InsightsQuery(month, month, unit);
        var current = await overview.OverviewAsync(query, english, cancellationToken);
        var previous = await overview.OverviewAsync(query.Previous(), english, cancellationToken);
        var ranked = await problems.RankAsync(query, english, cancellationToken);
        var series = await trends.SeriesAsync(new InsightsQuery(month.AddMonths(-11), month, unit), english, cancellationToken);

        var (from, to) = calendar.Bounds(month);
        var units = db.OrgUnits.Where(u => u.Path.StartsWith(unit.Path)).Select(u => u.Id);
        var cases = db.Set<FollowUpCase>().AsNoTracking().Where(c => units.Contains(c.OrgUnitId));
        var opened = await cases.CountAsync(c => c.OpenedAtUtc >= from && c.OpenedAtUtc < to, cancellationToken);
        var closed = await cases.CountAsync(c => c.ClosedAtUtc >= from && c.ClosedAtUtc < to, cancellationToken);
        var onTime = await cases.CountAsync(c => c.ClosedAtUtc >= from && c.ClosedAtUtc < to && c.ClosedAtUtc <= c.DueAtUtc, cancellationToken);
        var overdue = await cases.CountAsync(c => c.OpenedAtUtc < to && (c.ClosedAtUtc == null || c.ClosedAtUtc >= to) && c.DueAtUtc <= to, cancellationToken);
        var resolved = await cases.CountAsync(c => c.ClosedAtUtc >= from && c.ClosedAtUtc < to && c.State == FollowUpState.Resolved, cancellationToken);
        var unreachable = await cases.CountAsync(c => c.ClosedAtUtc >= from && c.ClosedAtUtc < to && c.State == FollowUpState.ClosedUnreachable, cancellationToken);
        var events = db.Set<FollowUpEvent>();
        var contacted = await cases.CountAsync(c => events.Any(e => e.CaseId == c.Id && e.Kind == FollowUpEventKind.Transition
            && e.ToState == FollowUpState.Contacted && e.AtUtc >= from && e.AtUtc < to), cancellationToken);

        var first = month;
        var next = month.AddMonths(1);
        var staff = db.Employees.Where(e => units.Contains(e.OrgUnitId)).Select(e => e.Id);
        var completions = await db.Completions.AsNoTracking()
            .Where(c => c.CompletedOn >= first && c.CompletedOn < next && staff.Contains(c.EmployeeId))
            .GroupBy(c => c.ProgrammeId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var ids = completions.Select(c => c.Key).ToList();
        var titles = await db.Programmes.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title.For(english), cancellationToken);

        var awarded = await awards.InAsync(unit.Path, month, month, cancellationToken);
        var awardUnits = awarded.Select(a => a.OrgUnitId).Distinct().ToList();
        var offices = await db.OrgUnits.AsNoTracking().Where(u => awardUnits.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName(english), cancellationToken);

        // The impact as it stood at the end of the reported month's data: the default programme and cutoff.
        var effect = await impact.EstimateAsync(null, null, unit, english, cancellationToken);
        return new MonthlyReportData(
            month, unit.Code, unit.DisplayName(english), current.Total, previous.Total, ranked.Services.Take(5).ToList(), series.Months,
            new FollowUpFigures(opened, closed, onTime, overdue, resolved, unreachable, contacted),
            completions.Select(c => new CompletionFigure(titles.GetValueOrDefault(c.Key, "?"), c.Count)).OrderByDescending(c => c.Completions).ToList(),
            effect, awarded.Select(a => new MonthlyAward(a.EmployeeName, offices[a.OrgUnitId], a.AwardName.For(english))).ToList());
    }
}
