using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.Insights.Statistics;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Insights.Overview;

/// <summary>The headline figures of a set of answers, as percentages and the 0–100 index; null when there are no answers.</summary>
public sealed record InsightsFigures(long Answers, double? SatisfiedPercent, double? Index, double? DissatisfiedPercent)
{
    /// <summary>
    /// True when the figures are left out because too few answers make them up (<c>City:MinimumGroupSize</c>, ADR-040):
    /// the count stays, the percentages and the index are null, and pages say "fewer than 5 answers".
    /// </summary>
    public bool Withheld { get; init; }

    /// <summary>These figures with the percentages and the index left out.</summary>
    public InsightsFigures Withhold() => new(Answers, null, null, null) { Withheld = true };

    public static InsightsFigures From(ScoreHistogram h)
    {
        var m = h.Measures();
        return new InsightsFigures(m.Answers, m.SatisfiedShare * 100, m.Index, m.DissatisfiedShare * 100);
    }
}

/// <summary>One row of a slice: an office, a service or a channel.</summary>
public sealed record InsightsSliceRow(string Key, string Name, InsightsFigures Figures);

/// <summary>
/// The overview of a subtree and period. A row (or the total) with fewer than <paramref name="MinimumGroupSize"/> answers
/// has its figures withheld (<see cref="InsightsFigures.Withheld"/>), and so has the next smallest row of a slice when
/// only one would be withheld, since the total less the others would give it away (ADR-040).
/// </summary>
public sealed record InsightsOverviewDto(
    string From, string To, string OrgUnitCode, string OrgUnitName, InsightsFigures Total,
    IReadOnlyList<InsightsSliceRow> ByOffice, IReadOnlyList<InsightsSliceRow> ByService, IReadOnlyList<InsightsSliceRow> ByChannel,
    int MinimumGroupSize = Statistics.MinimumGroupSize.Default);

/// <summary>A cube cell summed over the period: the shape every Insights view starts from.</summary>
public sealed record CubeSum(int OrgUnitId, int ServiceKey, int Channel, ScoreHistogram Scores, IReadOnlyList<DriverSum> Drivers);

/// <summary>One unit's answers in a period, for the office league.</summary>
public sealed record UnitTotal(int OrgUnitId, string Code, string Name, string? NameEn, ScoreHistogram Scores);

/// <summary>One (service, channel) row of a subtree read, before merging the unit's own cells with those below it.</summary>
internal sealed record SubtreeRow(
    int ServiceKey, int Channel, long S1, long S2, long S3, long S4, long S5,
    long D1, long D1S, long D2, long D2S, long D3, long D3S, long D4, long D4S, long D5, long D5S);

/// <summary>Reads the monthly cube for a period and subtree; never the answers.</summary>
public sealed class InsightsOverview(ServeWellDbContext db, IOptions<CityOptions> city)
{
    /// <summary>The one minimum group size of the whole app (<c>City:MinimumGroupSize</c>, ADR-029).</summary>
    public int Minimum => Math.Max(1, city.Value.MinimumGroupSize);

    /// <summary>The cube summed over the months of the query, per office, service and channel, within the subtree.</summary>
    public async Task<IReadOnlyList<CubeSum>> CellsAsync(InsightsQuery query, CancellationToken cancellationToken)
    {
        var prefix = query.Unit.Path;
        var units = db.OrgUnits.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id);
        var rows = await db.InsightsUnitServiceMonths.AsNoTracking()
            .Where(c => c.Month >= query.From && c.Month <= query.To && units.Contains(c.OrgUnitId))
            .GroupBy(c => new { c.OrgUnitId, c.ServiceKey, c.Channel })
            .Select(g => new
            {
                g.Key.OrgUnitId, g.Key.ServiceKey, g.Key.Channel,
                S1 = g.Sum(c => (long)c.Score1), S2 = g.Sum(c => (long)c.Score2), S3 = g.Sum(c => (long)c.Score3),
                S4 = g.Sum(c => (long)c.Score4), S5 = g.Sum(c => (long)c.Score5),
                D1 = g.Sum(c => (long)c.Driver1Count), D1S = g.Sum(c => c.Driver1Sum),
                D2 = g.Sum(c => (long)c.Driver2Count), D2S = g.Sum(c => c.Driver2Sum),
                D3 = g.Sum(c => (long)c.Driver3Count), D3S = g.Sum(c => c.Driver3Sum),
                D4 = g.Sum(c => (long)c.Driver4Count), D4S = g.Sum(c => c.Driver4Sum),
                D5 = g.Sum(c => (long)c.Driver5Count), D5S = g.Sum(c => c.Driver5Sum),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new CubeSum(
            r.OrgUnitId, r.ServiceKey, r.Channel, new ScoreHistogram(r.S1, r.S2, r.S3, r.S4, r.S5),
            [new(r.D1, r.D1S), new(r.D2, r.D2S), new(r.D3, r.D3S), new(r.D4, r.D4S), new(r.D5, r.D5S)])).ToList();
    }

    /// <summary>
    /// The subtree's figures per service and channel, summed over the months of the query (ADR-021): the unit's own cube
    /// rows plus its <c>insights_subtree_months</c> rows, so a whole-city year reads a few thousand rows, not every
    /// office's cells. <see cref="CubeSum.OrgUnitId"/> is the queried unit.
    /// </summary>
    /// <param name="ownAnswers">false when the caller knows the unit itself has no answers in the period (skips that read).</param>
    /// <param name="answersBelow">false when the caller knows nothing below the unit was answered in the period.</param>
    public async Task<IReadOnlyList<CubeSum>> SubtreeCellsAsync(
        InsightsQuery query, CancellationToken cancellationToken, bool ownAnswers = true, bool answersBelow = true)
    {
        var id = query.Unit.Id;
        List<SubtreeRow> own = !ownAnswers ? [] : await db.InsightsUnitServiceMonths.AsNoTracking()
            .Where(c => c.OrgUnitId == id && c.Month >= query.From && c.Month <= query.To)
            .GroupBy(c => new { c.ServiceKey, c.Channel })
            .Select(g => new SubtreeRow(
                g.Key.ServiceKey, g.Key.Channel,
                g.Sum(c => (long)c.Score1), g.Sum(c => (long)c.Score2), g.Sum(c => (long)c.Score3), g.Sum(c => (long)c.Score4), g.Sum(c => (long)c.Score5),
                g.Sum(c => (long)c.Driver1Count), g.Sum(c => c.Driver1Sum), g.Sum(c => (long)c.Driver2Count), g.Sum(c => c.Driver2Sum),
                g.Sum(c => (long)c.Driver3Count), g.Sum(c => c.Driver3Sum), g.Sum(c => (long)c.Driver4Count), g.Sum(c => c.Driver4Sum),
                g.Sum(c => (long)c.Driver5Count), g.Sum(c => c.Driver5Sum)))
            .ToListAsync(cancellationToken);
        List<SubtreeRow> below = !answersBelow ? [] : await db.InsightsSubtreeMonths.AsNoTracking()
            .Where(c => c.UnitId == id && c.Month >= query.From && c.Month <= query.To)
            .GroupBy(c => new { c.ServiceKey, c.Channel })
            .Select(g => new SubtreeRow(
                g.Key.ServiceKey, g.Key.Channel,
                g.Sum(c => (long)c.Score1), g.Sum(c => (long)c.Score2), g.Sum(c => (long)c.Score3), g.Sum(c => (long)c.Score4), g.Sum(c => (long)c.Score5),
                g.Sum(c => (long)c.Driver1Count), g.Sum(c => c.Driver1Sum), g.Sum(c => (long)c.Driver2Count), g.Sum(c => c.Driver2Sum),
                g.Sum(c => (long)c.Driver3Count), g.Sum(c => c.Driver3Sum), g.Sum(c => (long)c.Driver4Count), g.Sum(c => c.Driver4Sum),
                g.Sum(c => (long)c.Driver5Count), g.Sum(c => c.Driver5Sum)))
            .ToListAsync(cancellationToken);
        return own.Concat(below).GroupBy(r => (r.ServiceKey, r.Channel)).Select(g => new CubeSum(
            id, g.Key.ServiceKey, g.Key.Channel,
            ScoreHistogram.Sum(g.Select(r => new ScoreHistogram(r.S1, r.S2, r.S3, r.S4, r.S5))),
            [
                new(g.Sum(r => r.D1), g.Sum(r => r.D1S)), new(g.Sum(r => r.D2), g.Sum(r => r.D2S)), new(g.Sum(r => r.D3), g.Sum(r => r.D3S)),
                new(g.Sum(r => r.D4), g.Sum(r => r.D4S)), new(g.Sum(r => r.D5), g.Sum(r => r.D5S)),
            ])).ToList();
    }

    /// <summary>The subtree's score counts per local month (the unit's own cube rows plus its subtree rows).</summary>
    public async Task<IReadOnlyDictionary<DateOnly, ScoreHistogram>> SubtreeMonthsAsync(
        int unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken, int? serviceKey = null, int? channel = null)
    {
        var own = await db.InsightsUnitServiceMonths.AsNoTracking()
            .Where(c => c.OrgUnitId == unitId && c.Month >= from && c.Month <= to)
            .Where(c => serviceKey == null || c.ServiceKey == serviceKey)
            .Where(c => channel == null || c.Channel == channel)
            .GroupBy(c => c.Month)
            .Select(g => new { Month = g.Key, S1 = g.Sum(c => (long)c.Score1), S2 = g.Sum(c => (long)c.Score2), S3 = g.Sum(c => (long)c.Score3), S4 = g.Sum(c => (long)c.Score4), S5 = g.Sum(c => (long)c.Score5) })
            .ToListAsync(cancellationToken);
        var below = await db.InsightsSubtreeMonths.AsNoTracking()
            .Where(c => c.UnitId == unitId && c.Month >= from && c.Month <= to)
            .Where(c => serviceKey == null || c.ServiceKey == serviceKey)
            .Where(c => channel == null || c.Channel == channel)
            .GroupBy(c => c.Month)
            .Select(g => new { Month = g.Key, S1 = g.Sum(c => (long)c.Score1), S2 = g.Sum(c => (long)c.Score2), S3 = g.Sum(c => (long)c.Score3), S4 = g.Sum(c => (long)c.Score4), S5 = g.Sum(c => (long)c.Score5) })
            .ToListAsync(cancellationToken);
        return own.Concat(below).GroupBy(r => r.Month)
            .ToDictionary(g => g.Key, g => ScoreHistogram.Sum(g.Select(r => new ScoreHistogram(r.S1, r.S2, r.S3, r.S4, r.S5))));
    }

    /// <summary>
    /// The office league: score counts per unit of the subtree that answers were given at, with the unit's code and
    /// names, from <c>insights_unit_months</c> (offices × months, not the cube) in one query.
    /// </summary>
    public async Task<IReadOnlyList<UnitTotal>> UnitTotalsAsync(InsightsQuery query, CancellationToken cancellationToken)
    {
        var prefix = query.Unit.Path;
        var rows = await (
                from c in db.InsightsUnitMonths.AsNoTracking()
                join u in db.OrgUnits on c.OrgUnitId equals u.Id
                where c.Month >= query.From && c.Month <= query.To && u.Path.StartsWith(prefix)
                group c by new { u.Id, u.Code, u.Name, u.NameEn } into g
                select new
                {
                    g.Key.Id, g.Key.Code, g.Key.Name, g.Key.NameEn,
                    S1 = g.Sum(c => (long)c.Score1), S2 = g.Sum(c => (long)c.Score2), S3 = g.Sum(c => (long)c.Score3),
                    S4 = g.Sum(c => (long)c.Score4), S5 = g.Sum(c => (long)c.Score5),
                })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new UnitTotal(r.Id, r.Code, r.Name, r.NameEn, new ScoreHistogram(r.S1, r.S2, r.S3, r.S4, r.S5))).ToList();
    }

    public async Task<InsightsOverviewDto> OverviewAsync(InsightsQuery query, bool english, CancellationToken cancellationToken)
    {
        // The league first: it says whether the unit itself and anything below it answered, so reads that would be empty are skipped.
        var offices = await UnitTotalsAsync(query, cancellationToken);
        var cells = await SubtreeCellsAsync(
            query, cancellationToken, ownAnswers: offices.Any(o => o.OrgUnitId == query.Unit.Id), answersBelow: offices.Any(o => o.OrgUnitId != query.Unit.Id));
        var serviceIds = cells.Select(c => c.ServiceKey).Where(s => s != 0).Distinct().ToList();
        var services = await db.PublicServices.AsNoTracking().Where(s => serviceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Code, s.NameEn, s.NameKo }).ToDictionaryAsync(s => s.Id, cancellationToken);

        var byOffice = offices
            .Select(o => new InsightsSliceRow(o.Code, english && !string.IsNullOrWhiteSpace(o.NameEn) ? o.NameEn! : o.Name, InsightsFigures.From(o.Scores)))
            .OrderByDescending(r => r.Figures.Answers).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var byService = Slice(cells, c => c.ServiceKey, id => services.TryGetValue(id, out var s)
            ? (s.Code, english ? s.NameEn : s.NameKo) : ("none", english ? "No service named" : "서비스 미지정"));
        var byChannel = Slice(cells, c => c.Channel, id => (((FeedbackChannel)id).ToString(), ChannelName((FeedbackChannel)id, english)));
        var total = InsightsFigures.From(ScoreHistogram.Sum(cells.Select(c => c.Scores)));
        return new InsightsOverviewDto(
            InsightsScope.Format(query.From), InsightsScope.Format(query.To), query.Unit.Code, query.Unit.DisplayName(english),
            MinimumGroupSize.MayShow(total.Answers, Minimum) || total.Answers == 0 ? total : total.Withhold(),
            Guard(byOffice), Guard(byService), Guard(byChannel), Minimum);
    }

    /// <summary>The slice with the figures of its too-small rows withheld (and the next smallest, when one alone would be).</summary>
    private List<InsightsSliceRow> Guard(List<InsightsSliceRow> rows)
    {
        var withheld = MinimumGroupSize.Withheld(rows.Select(r => (r.Key, r.Figures.Answers)), Minimum, totalShown: true);
        return [.. rows.Select(r => withheld.Contains(r.Key) ? r with { Figures = r.Figures.Withhold() } : r)];
    }

    public static string ChannelName(FeedbackChannel channel, bool english) => channel switch
    {
        FeedbackChannel.CounterQr => english ? "Counter QR code" : "창구 QR 코드",
        FeedbackChannel.Kiosk => english ? "Kiosk" : "키오스크",
        FeedbackChannel.Link => english ? "Link after the service" : "서비스 후 링크",
        FeedbackChannel.Website => english ? "Website" : "누리집",
        _ => channel.ToString(),
    };

    private static List<InsightsSliceRow> Slice(IReadOnlyList<CubeSum> cells, Func<CubeSum, int> key, Func<int, (string Key, string Name)> name) =>
        cells.GroupBy(key)
            .Select(g => (Name: name(g.Key), Scores: ScoreHistogram.Sum(g.Select(c => c.Scores))))
            .Select(g => new InsightsSliceRow(g.Name.Key, g.Name.Name, InsightsFigures.From(g.Scores)))
            .OrderByDescending(r => r.Figures.Answers).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
}
