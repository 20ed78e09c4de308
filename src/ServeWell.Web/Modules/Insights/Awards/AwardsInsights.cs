using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.Insights.Statistics;
using ServeWell.Web.Modules.Recognition.Awards;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Insights.Awards;

/// <summary>One award of the period: the month, the office, the awardee and the award's name.</summary>
public sealed record AwardRow(string Month, string OfficeCode, string Office, string Awardee, string Award);

/// <summary>How many awards an office (or a month) had in the period.</summary>
public sealed record AwardCount(string Key, string Label, int Awards);

/// <summary>
/// One awardee's evidence around their award month (left out): the courtesy marks (0–100) of answers through their own
/// touchpoints or commending them, counted and averaged, in the <see cref="AwardsInsights.WindowMonths"/> months before and
/// after — the mean null below the city's minimum group size, the count kept — and training completions in the same windows.
/// </summary>
public sealed record AwardeeEvidence(
    string Month, string Awardee, string Office, long MarksBefore, double? CourtesyBefore, long MarksAfter, double? CourtesyAfter,
    int CompletionsBefore, int CompletionsAfter);

public sealed record AwardsInsightsDto(
    string OrgUnitCode, string OrgUnitName, string From, string To, IReadOnlyList<AwardRow> Awards, IReadOnlyList<AwardCount> ByOffice,
    IReadOnlyList<AwardCount> ByMonth, IReadOnlyList<AwardeeEvidence> Awardees, AwardeeEvidence? AllAwardees, int WindowMonths, int MinimumGroupSize);

/// <summary>
/// Courtesy awards in an org subtree and period (issue 16, ADR-064): by office and month, and for awardees the courtesy
/// driver and training before and after the award. Evidence that recognition and training go together, not proof.
/// </summary>
public sealed class AwardsInsights(ServeWellDbContext db, AwardFacts facts, InsightsCalendar calendar, IOptions<CityOptions> city)
{
    /// <summary>Months compared on each side of the award month, as on the training impact page.</summary>
    public const int WindowMonths = 6;

    private int Minimum => Math.Max(1, city.Value.MinimumGroupSize);

    public async Task<AwardsInsightsDto> ReadAsync(InsightsQuery query, bool english, CancellationToken cancellationToken)
    {
        var awards = await facts.InAsync(query.Unit.Path, query.From, query.To, cancellationToken);
        var unitIds = awards.Select(a => a.OrgUnitId).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var rows = awards.Select(a => new AwardRow(
            InsightsScope.Format(a.Month), units[a.OrgUnitId].Code, units[a.OrgUnitId].DisplayName(english), a.EmployeeName, a.AwardName.For(english))).ToList();
        var byOffice = rows.GroupBy(r => (r.OfficeCode, r.Office)).Select(g => new AwardCount(g.Key.OfficeCode, g.Key.Office, g.Count()))
            .OrderByDescending(c => c.Awards).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
        var byMonth = new List<AwardCount>();
        for (var m = query.From; m <= query.To; m = m.AddMonths(1))
        {
            var key = InsightsScope.Format(m);
            byMonth.Add(new AwardCount(key, key, rows.Count(r => r.Month == key)));
        }

        var marks = await MarksAsync(awards, cancellationToken);
        var completions = await CompletionsAsync(awards, cancellationToken);
        var awardees = awards.Select((a, i) => Evidence(InsightsScope.Format(a.Month), a.EmployeeName, rows[i].Office, marks[i].Before, marks[i].After, completions[i])).ToList();
        var all = awards.Count == 0 ? null : Evidence("", "", "", [.. marks.SelectMany(m => m.Before)], [.. marks.SelectMany(m => m.After)],
            (completions.Sum(c => c.Before), completions.Sum(c => c.After)));
        return new AwardsInsightsDto(
            query.Unit.Code, query.Unit.DisplayName(english), InsightsScope.Format(query.From), InsightsScope.Format(query.To), rows, byOffice, byMonth,
            awardees, all, WindowMonths, Minimum);
    }

    private AwardeeEvidence Evidence(string month, string awardee, string office, IReadOnlyList<int> before, IReadOnlyList<int> after, (int Before, int After) completions) =>
        new(month, awardee, office, before.Count, Mean(before), after.Count, Mean(after), completions.Before, completions.After);

    /// <summary>A mean of fewer courtesy marks than City:MinimumGroupSize is not shown (ADR-047).</summary>
    private double? Mean(IReadOnlyList<int> marks) => MinimumGroupSize.MayShow(marks.Count, Minimum) && marks.Count > 0 ? marks.Average() : null;

    /// <summary>Each award's courtesy marks before and after its month, in the order of <paramref name="awards"/>.</summary>
    private async Task<IReadOnlyList<(IReadOnlyList<int> Before, IReadOnlyList<int> After)>> MarksAsync(IReadOnlyList<AwardFact> awards, CancellationToken cancellationToken)
    {
        if (awards.Count == 0)
        {
            return [];
        }

        var ids = awards.Select(a => a.EmployeeId).Distinct().ToList();
        var (start, _) = calendar.Bounds(awards.Min(a => a.Month).AddMonths(-WindowMonths));
        var (_, end) = calendar.Bounds(awards.Max(a => a.Month).AddMonths(WindowMonths));

        // Each answer once per employee: through their own touchpoint, commending them, or both.
        var answers = await (from a in db.FeedbackAnswers.AsNoTracking()
                             where a.ExcludedAt == null && a.CourtesyScore != null && a.AnsweredAt >= start && a.AnsweredAt < end
                             join t in db.Touchpoints on a.TouchpointId equals t.Id
                             where (t.EmployeeId != null && ids.Contains(t.EmployeeId.Value)) || (a.CommendedEmployeeId != null && ids.Contains(a.CommendedEmployeeId.Value))
                             select new { a.AnsweredAt, Mark = a.CourtesyScore!.Value, Own = t.EmployeeId, a.CommendedEmployeeId })
            .ToListAsync(cancellationToken);
        return awards.Select(award =>
        {
            var mine = answers.Where(a => a.Own == award.EmployeeId || a.CommendedEmployeeId == award.EmployeeId)
                .Select(a => (Month: calendar.MonthOf(a.AnsweredAt), a.Mark)).ToList();
            return ((IReadOnlyList<int>)[.. mine.Where(a => InWindowBefore(award.Month, a.Month)).Select(a => a.Mark)],
                (IReadOnlyList<int>)[.. mine.Where(a => InWindowAfter(award.Month, a.Month)).Select(a => a.Mark)]);
        }).ToList();
    }

    /// <summary>Each award's training completions (by their local day) before and after its month.</summary>
    private async Task<IReadOnlyList<(int Before, int After)>> CompletionsAsync(IReadOnlyList<AwardFact> awards, CancellationToken cancellationToken)
    {
        if (awards.Count == 0)
        {
            return [];
        }

        var ids = awards.Select(a => a.EmployeeId).Distinct().ToList();
        var first = awards.Min(a => a.Month).AddMonths(-WindowMonths);
        var last = awards.Max(a => a.Month).AddMonths(WindowMonths + 1);
        var completions = await db.Completions.AsNoTracking().Where(c => ids.Contains(c.EmployeeId) && c.CompletedOn >= first && c.CompletedOn < last)
            .Select(c => new { c.EmployeeId, c.CompletedOn }).ToListAsync(cancellationToken);
        return awards.Select(award =>
        {
            var months = completions.Where(c => c.EmployeeId == award.EmployeeId).Select(c => new DateOnly(c.CompletedOn.Year, c.CompletedOn.Month, 1)).ToList();
            return (months.Count(m => InWindowBefore(award.Month, m)), months.Count(m => InWindowAfter(award.Month, m)));
        }).ToList();
    }

    private static bool InWindowBefore(DateOnly award, DateOnly month) => month >= award.AddMonths(-WindowMonths) && month < award;

    private static bool InWindowAfter(DateOnly award, DateOnly month) => month > award && month <= award.AddMonths(WindowMonths);
}
