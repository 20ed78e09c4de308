using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.Insights.Statistics;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Insights.Explore;

/// <summary>
/// An employee's figures, or none: <see cref="Withheld"/> rows carry no answers count and no measures, only
/// <see cref="Reason"/> ("fewer than N answers").
/// </summary>
public sealed record EmployeeFiguresDto(
    string EmployeeNumber, string Name, string OrgUnitCode, string OrgUnit, bool Withheld, string? Reason, InsightsFigures? Figures);

public sealed record EmployeeSliceDto(string From, string To, string OrgUnitCode, string OrgUnitName, int MinimumGroupSize, IReadOnlyList<EmployeeFiguresDto> Employees);

/// <summary>One month of the employee's own figures, withheld like an employee row.</summary>
public sealed record OwnMonthDto(string Month, bool Withheld, string? Reason, InsightsFigures? Figures);

public sealed record OwnFiguresDto(string From, string To, string EmployeeNumber, string Name, int MinimumGroupSize, bool Withheld, string? Reason, InsightsFigures? Total, IReadOnlyList<OwnMonthDto> Months);

/// <summary>
/// Figures per employee (ADR-019). An answer is the employee's when it came through their name-badge touchpoint or
/// commends them (an answer through A's badge commending B is both A's and B's). Shown only with at least
/// <c>City:MinimumGroupSize</c> answers in the period (<see cref="MinimumGroupSize"/>); read from the answers
/// (attributed answers are few: badges and commendations), through the touchpoint and commendation indexes.
/// </summary>
public sealed class EmployeeInsights(ServeWellDbContext db, InsightsCalendar calendar, IOptions<CityOptions> city)
{
    /// <summary>The one minimum group size of the whole app (<c>City:MinimumGroupSize</c>, ADR-029).</summary>
    public int Minimum => Math.Max(1, city.Value.MinimumGroupSize);

    /// <summary>Every employee of the subtree with answers attributed in the period; figures only where allowed.</summary>
    public async Task<EmployeeSliceDto> SliceAsync(InsightsQuery query, bool english, CancellationToken cancellationToken)
    {
        var prefix = query.Unit.Path;
        var people = await db.Employees.AsNoTracking().Where(e => e.OrgUnit!.Path.StartsWith(prefix))
            .Select(e => new { e.Id, e.EmployeeNumber, e.Name, UnitCode = e.OrgUnit!.Code, Unit = e.OrgUnit.Name, UnitEn = e.OrgUnit.NameEn })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var scores = await ScoresAsync(db.Employees.Where(e => e.OrgUnit!.Path.StartsWith(prefix)).Select(e => e.Id), query.From, query.To, cancellationToken);
        var histograms = scores.GroupBy(s => s.EmployeeId).ToDictionary(g => g.Key, g => ScoreHistogram.Of(g.Select(s => s.Overall)));
        // No total of the employees is shown (the office total includes unattributed answers), so no complementary suppression.
        var withheld = MinimumGroupSize.Withheld(histograms.Select(h => (h.Key, h.Value.Count)), Minimum, totalShown: false);
        var rows = histograms.Where(h => people.ContainsKey(h.Key)).Select(h =>
        {
            var p = people[h.Key];
            var hidden = withheld.Contains(h.Key);
            return new EmployeeFiguresDto(
                p.EmployeeNumber, p.Name, p.UnitCode, english && !string.IsNullOrWhiteSpace(p.UnitEn) ? p.UnitEn! : p.Unit,
                hidden, hidden ? Reason(english) : null, hidden ? null : InsightsFigures.From(h.Value));
        })
            .OrderBy(r => r.Withheld).ThenByDescending(r => r.Figures?.Answers ?? 0).ThenBy(r => r.EmployeeNumber, StringComparer.Ordinal).ToList();
        return new EmployeeSliceDto(
            InsightsScope.Format(query.From), InsightsScope.Format(query.To), query.Unit.Code, query.Unit.DisplayName(english), Minimum, rows);
    }

    /// <summary>The employee's own figures for the period and by month (months below the minimum withheld, and one more if only one is).</summary>
    public async Task<OwnFiguresDto?> OwnAsync(int employeeId, DateOnly from, DateOnly to, bool english, CancellationToken cancellationToken)
    {
        var person = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId).Select(e => new { e.EmployeeNumber, e.Name }).FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var scores = (await ScoresAsync(db.Employees.Where(e => e.Id == employeeId).Select(e => e.Id), from, to, cancellationToken))
            .Where(s => s.EmployeeId == employeeId).ToList();
        var total = ScoreHistogram.Of(scores.Select(s => s.Overall));
        var months = new List<(DateOnly Month, ScoreHistogram Scores)>();
        for (var m = from; m <= to; m = m.AddMonths(1))
        {
            var month = m;
            months.Add((month, ScoreHistogram.Of(scores.Where(s => s.Month == month).Select(s => s.Overall))));
        }

        var totalShown = MinimumGroupSize.MayShow(total.Count, Minimum);
        var withheld = MinimumGroupSize.Withheld(months.Select(m => (m.Month, m.Scores.Count)), Minimum, totalShown);
        return new OwnFiguresDto(
            InsightsScope.Format(from), InsightsScope.Format(to), person.EmployeeNumber, person.Name, Minimum,
            !totalShown, totalShown ? null : Reason(english), totalShown ? InsightsFigures.From(total) : null,
            months.Select(m => withheld.Contains(m.Month)
                ? new OwnMonthDto(InsightsScope.Format(m.Month), true, Reason(english), null)
                : new OwnMonthDto(InsightsScope.Format(m.Month), false, null, InsightsFigures.From(m.Scores))).ToList());
    }

    /// <summary>How many answers are attributed to the employee in the period (for the drill-down's minimum check).</summary>
    public async Task<int> CountAsync(int employeeId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await ScoresAsync(db.Employees.Where(e => e.Id == employeeId).Select(e => e.Id), from, to, cancellationToken)).Count(s => s.EmployeeId == employeeId);

    public string Reason(bool english) => english ? $"fewer than {Minimum} answers" : $"응답 {Minimum}건 미만";

    /// <summary>(employee, local month, overall) of every answer attributed to the employees in the months; an answer counts once per employee.</summary>
    private async Task<List<(int EmployeeId, DateOnly Month, int Overall)>> ScoresAsync(IQueryable<int> employees, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, _) = calendar.Bounds(from);
        var (_, end) = calendar.Bounds(to);
        var badges = await db.Touchpoints.AsNoTracking().Where(t => t.EmployeeId != null && employees.Contains(t.EmployeeId.Value))
            .Select(t => new { t.Id, EmployeeId = t.EmployeeId!.Value }).ToDictionaryAsync(t => t.Id, t => t.EmployeeId, cancellationToken);
        var badgeIds = badges.Keys.ToList();
        var answers = await db.FeedbackAnswers.AsNoTracking()
            .Where(a => a.AnsweredAt >= start && a.AnsweredAt < end
                && ((a.CommendedEmployeeId != null && employees.Contains(a.CommendedEmployeeId.Value)) || badgeIds.Contains(a.TouchpointId)))
            .Select(a => new { a.TouchpointId, a.CommendedEmployeeId, a.Overall, a.AnsweredAt })
            .ToListAsync(cancellationToken);
        var result = new List<(int, DateOnly, int)>(answers.Count);
        foreach (var a in answers)
        {
            var month = calendar.MonthOf(a.AnsweredAt);
            var badge = badges.TryGetValue(a.TouchpointId, out var b) ? b : (int?)null;
            if (badge is { } holder)
            {
                result.Add((holder, month, a.Overall));
            }

            if (a.CommendedEmployeeId is { } commended && commended != badge)
            {
                // May be outside the asked employees (a badge answer commending a colleague): callers keep only theirs.
                result.Add((commended, month, a.Overall));
            }
        }

        return result;
    }
}
