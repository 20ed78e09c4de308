using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Insights.Statistics;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Insights.Overview;

public sealed record WeakDriverRow(string Driver, double Mean, double? Overall, long Answers);

/// <summary>One ranked service. Percentages are 0..100; the change is in percentage points against the previous period.</summary>
public sealed record ProblemServiceRow(
    int Rank, string Code, string Name, long Answers, long Dissatisfied, double DissatisfiedPercent, double RankedByPercent,
    double EstimatedDissatisfied, double? PreviousDissatisfiedPercent, double? ChangePoints, string ChangeTest, double? ChangePValue,
    bool ChangeSignificant, IReadOnlyList<WeakDriverRow> WeakestDrivers);

/// <summary>
/// The ranking. Only services with at least <paramref name="MinimumGroupSize"/> answers are ranked and shown; the others are
/// counted in <paramref name="NotRankedServices"/> and <paramref name="NotRankedAnswers"/>, and an earlier period with fewer
/// answers than that gives no change (ADR-047).
/// </summary>
public sealed record ProblemServicesDto(
    string From, string To, string PreviousFrom, string PreviousTo, string OrgUnitCode, string OrgUnitName, string Measure,
    double Confidence, double? OverallDissatisfiedPercent, IReadOnlyList<ProblemServiceRow> Services,
    int NotRankedServices = 0, long NotRankedAnswers = 0, int MinimumGroupSize = Statistics.MinimumGroupSize.Default);

/// <summary>The most problematic services of a subtree and period, from the cube: Wilson lower bound of the dissatisfied share (ADR-014).</summary>
public sealed class ProblemServicesReport(InsightsOverview overview, ServeWellDbContext db)
{
    /// <summary>The Feedback module's driver order, as the cube stores them.</summary>
    public static readonly string[] Drivers = ["Timeliness", "Knowledge", "Courtesy", "Fairness", "Outcome"];

    public async Task<ProblemServicesDto> RankAsync(InsightsQuery query, bool english, CancellationToken cancellationToken)
    {
        var previous = query.Previous();
        var current = (await overview.SubtreeCellsAsync(query, cancellationToken)).Where(c => c.ServiceKey != 0).ToList();
        var before = (await overview.SubtreeCellsAsync(previous, cancellationToken)).Where(c => c.ServiceKey != 0).ToList();
        var byService = current.GroupBy(c => c.ServiceKey).ToDictionary(g => g.Key, g => g.ToList());
        var minimum = overview.Minimum;
        var beforeByService = before.GroupBy(c => c.ServiceKey).ToDictionary(g => g.Key, g => ScoreHistogram.Sum(g.Select(c => c.Scores)))
            .Where(b => MinimumGroupSize.MayShow(b.Value.Count, minimum)).ToDictionary();
        var overallDrivers = SumDrivers(current);

        var ranking = ProblemServices.Rank(byService.Select(s => new ServiceScores(
            s.Key, ScoreHistogram.Sum(s.Value.Select(c => c.Scores)), beforeByService.GetValueOrDefault(s.Key))));

        var ids = byService.Keys.ToList();
        var services = await db.PublicServices.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Code, s.NameEn, s.NameKo }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var shown = ranking.Services.Where(p => MinimumGroupSize.MayShow(p.Answers, minimum)).ToList();
        var notRanked = ranking.Services.Where(p => !MinimumGroupSize.MayShow(p.Answers, minimum)).ToList();
        var rows = shown.Select((p, i) =>
        {
            var weakest = DriverMeasures.Weakest(SumDrivers(byService[p.ServiceId]), overallDrivers)
                .Select(d => new WeakDriverRow(Drivers[d.Driver], d.Mean, d.Overall, d.Answers)).ToList();
            var service = services[p.ServiceId];
            return new ProblemServiceRow(
                i + 1, service.Code, english ? service.NameEn : service.NameKo, p.Answers, p.Dissatisfied, p.DissatisfiedShare * 100, p.Score * 100,
                p.EstimatedDissatisfied, p.PreviousDissatisfiedShare * 100, p.DissatisfiedShareChange * 100, p.ChangeTest.Test,
                p.ChangeTest.Computable ? p.ChangeTest.PValue : null, p.ChangeTest.IsSignificant(), weakest);
        }).ToList();
        return new ProblemServicesDto(
            InsightsScope.Format(query.From), InsightsScope.Format(query.To), InsightsScope.Format(previous.From), InsightsScope.Format(previous.To),
            query.Unit.Code, query.Unit.DisplayName(english), "Wilson lower bound of the dissatisfied share", ranking.Confidence ?? Wilson.DefaultConfidence,
            MinimumGroupSize.MayShow(ranking.Services.Sum(p => p.Answers), minimum) ? ranking.OverallShare * 100 : null, rows,
            notRanked.Count, notRanked.Sum(p => p.Answers), minimum);
    }

    private static List<DriverSum> SumDrivers(IEnumerable<CubeSum> cells)
    {
        var sums = new DriverSum[Drivers.Length];
        foreach (var cell in cells)
        {
            for (var d = 0; d < sums.Length; d++)
            {
                sums[d] += cell.Drivers[d];
            }
        }

        return [.. sums];
    }
}
