using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.Insights.Statistics;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Insights.Impact;

/// <summary>A programme that can be chosen on the impact page: it has completions.</summary>
public sealed record ImpactProgramme(int Id, string Title, int Completions);

/// <summary>One arm in one month: answers and the index of all its answers pooled.</summary>
public sealed record ImpactMonthDto(string Month, long TreatedAnswers, double? TreatedIndex, long ControlAnswers, double? ControlIndex, bool IsCutoff);

/// <summary>One office: its arm, its frontline staff in the programme's audience, completions, its treatment month and its index before and after.</summary>
public sealed record ImpactOfficeDto(
    string Code, string Name, string Arm, int FrontlineStaff, int CompletedByCutoff, int CompletedByWindowEnd, string? TreatedIn,
    long AnswersBefore, double? IndexBefore, long AnswersAfter, double? IndexAfter, bool Counted);

public sealed record ImpactArmDto(int Offices, long AnswersBefore, long AnswersAfter, double? IndexBefore, double? IndexAfter, double? Change)
{
    public static ImpactArmDto From(DidArm a) => new(a.Offices, a.AnswersBefore, a.AnswersAfter, a.MeanBefore, a.MeanAfter, a.Change);
}

/// <summary>
/// Training impact (Kirkpatrick level 4) of one programme in an org subtree: the difference in differences of the 0–100
/// index between offices whose frontline staff completed it by the cutoff month and offices that had not, six months
/// either side (ADR-020). Null figures mean "cannot be computed"; the caution keys say why.
/// </summary>
public sealed record TrainingImpactDto(
    int? ProgrammeId, string? ProgrammeTitle, IReadOnlyList<ImpactProgramme> Programmes, string OrgUnitCode, string OrgUnitName,
    string? Cutoff, string? BeforeFrom, string? BeforeTo, string? AfterFrom, string? AfterTo, double TreatedShare, double ControlShare,
    ImpactArmDto? Treated, ImpactArmDto? Control, int OfficesExcluded, double? Estimate, double? StandardError, double? DegreesOfFreedom,
    double? ConfidenceLow, double? ConfidenceHigh, double? PValue, double Confidence, IReadOnlyList<string> Cautions,
    IReadOnlyList<ImpactMonthDto> Months, IReadOnlyList<ImpactOfficeDto> Offices, int MinimumGroupSize = Statistics.MinimumGroupSize.Default);

/// <summary>Computes <see cref="TrainingImpactDto"/> from completions, the frontline roster and the monthly cube; never the answers.</summary>
public sealed class TrainingImpact(ServeWellDbContext db, InsightsCalendar calendar, TimeProvider clock, IOptions<CityOptions> city)
{
    private int Minimum => Math.Max(1, city.Value.MinimumGroupSize);

    /// <summary>Months compared on each side of the cutoff month (which itself is left out).</summary>
    public const int WindowMonths = 6;

    public async Task<IReadOnlyList<ImpactProgramme>> ProgrammesAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Completions.AsNoTracking().GroupBy(c => c.ProgrammeId)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.Id).ToList();
        var titles = await db.Programmes.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
        return titles.Select(t => new ImpactProgramme(t.Id, t.Title.ToString(), counts.Single(c => c.Id == t.Id).Count))
            .OrderByDescending(p => p.Completions).ThenBy(p => p.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The impact of <paramref name="programmeId"/> (default: the programme with most completions) in the subtree of
    /// <paramref name="unit"/>, with the cutoff month given or chosen as the month most offices became trained.
    /// </summary>
    public async Task<TrainingImpactDto> EstimateAsync(int? programmeId, DateOnly? cutoff, OrgUnit unit, bool english, CancellationToken cancellationToken)
    {
        var programmes = await ProgrammesAsync(cancellationToken);
        var programme = programmeId is { } id ? programmes.FirstOrDefault(p => p.Id == id) : programmes.FirstOrDefault();
        var empty = new TrainingImpactDto(
            programme?.Id, programme?.Title, programmes, unit.Code, unit.DisplayName(english), null, null, null, null, null,
            TrainingArms.DefaultTreatedShare, TrainingArms.DefaultControlShare, null, null, 0, null, null, null, null, null, null, 0.95,
            [DifferenceInDifferences.CautionKey(DidCaution.EvidenceNotProof), "ImpactCaution:NoTrainedOffice"], [], []);
        if (programme is null)
        {
            return empty;
        }

        // Offices: the units of the subtree that have answers in the cube.
        var subtree = await db.OrgUnits.AsNoTracking().Where(u => u.Path.StartsWith(unit.Path))
            .Select(u => new { u.Id, u.Code, u.Name, u.NameEn, u.Path }).ToListAsync(cancellationToken);
        var subtreeIds = subtree.Select(u => u.Id).ToList();
        var withAnswers = await db.InsightsUnitServiceMonths.AsNoTracking().Where(c => subtreeIds.Contains(c.OrgUnitId))
            .Select(c => c.OrgUnitId).Distinct().ToListAsync(cancellationToken);
        var offices = subtree.Where(u => withAnswers.Contains(u.Id)).ToList();

        // Frontline staff in the programme's audience (enrolled), with the day each first completed it.
        var enrolled = db.Enrolments.Where(e => e.ProgrammeId == programme.Id).Select(e => e.EmployeeId);
        var staff = await db.Employees.AsNoTracking()
            .Where(e => e.IsFrontline && e.Status != EmployeeStatus.Left && enrolled.Contains(e.Id))
            .Select(e => new { e.Id, e.OrgUnit!.Path }).ToListAsync(cancellationToken);
        var completedOn = (await db.Completions.AsNoTracking().Where(c => c.ProgrammeId == programme.Id)
                .Select(c => new { c.EmployeeId, c.CompletedOn }).ToListAsync(cancellationToken))
            .GroupBy(c => c.EmployeeId).ToDictionary(g => g.Key, g => g.Min(c => c.CompletedOn));

        var people = offices.ToDictionary(o => o.Id, o => staff
            .Where(s => s.Path.StartsWith(o.Path, StringComparison.Ordinal))
            .Select(s => completedOn.TryGetValue(s.Id, out var d) ? (DateOnly?)d : null).ToList());
        var treatedIn = people.ToDictionary(p => p.Key, p => TreatmentMonth(p.Value));

        var thisMonth = calendar.MonthOf(clock.GetUtcNow().UtcDateTime);
        var chosen = cutoff ?? treatedIn.Values.Where(m => m is not null).GroupBy(m => m!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (DateOnly?)g.Key).FirstOrDefault();
        if (chosen is not { } month)
        {
            return empty;
        }

        var beforeFrom = month.AddMonths(-WindowMonths);
        var afterFrom = month.AddMonths(1);
        var afterTo = month.AddMonths(WindowMonths) < thisMonth ? month.AddMonths(WindowMonths) : thisMonth;
        var cutoffEnd = afterFrom;
        var windowEnd = afterTo.AddMonths(1);
        var training = offices.Select(o => new OfficeTraining(
            o.Id, people[o.Id].Count,
            people[o.Id].Count(d => d is { } day && day < cutoffEnd),
            people[o.Id].Count(d => d is { } day && day < windowEnd))).ToList();
        var arms = TrainingArms.Assign(training);

        var armIds = arms.Treated.Concat(arms.Control).ToList();
        var rows = await db.InsightsUnitServiceMonths.AsNoTracking()
            .Where(c => armIds.Contains(c.OrgUnitId) && c.Month >= beforeFrom && c.Month <= afterTo && c.Month != month)
            .GroupBy(c => new { c.OrgUnitId, c.Month })
            .Select(g => new
            {
                g.Key.OrgUnitId, g.Key.Month,
                S1 = g.Sum(c => (long)c.Score1), S2 = g.Sum(c => (long)c.Score2), S3 = g.Sum(c => (long)c.Score3),
                S4 = g.Sum(c => (long)c.Score4), S5 = g.Sum(c => (long)c.Score5),
            })
            .ToListAsync(cancellationToken);
        var cells = rows.Select(r => (r.OrgUnitId, r.Month, Scores: new ScoreHistogram(r.S1, r.S2, r.S3, r.S4, r.S5))).ToList();
        var result = DifferenceInDifferences.Estimate(
            cells.Select(c => new OfficeMonth(c.OrgUnitId, c.Month, c.Scores.IndexMoments())), arms.Treated, afterFrom,
            new DidOptions { MinimumAnswersPerPeriod = Minimum });

        // A figure of fewer answers than City:MinimumGroupSize is left out (null), its count kept (ADR-047).
        double? Shown(ScoreHistogram h) => MinimumGroupSize.MayShow(h.Count, Minimum) ? h.Measures().Index : null;

        var series = new List<ImpactMonthDto>();
        for (var m = beforeFrom; m <= afterTo; m = m.AddMonths(1))
        {
            var treated = ScoreHistogram.Sum(cells.Where(c => c.Month == m && arms.Treated.Contains(c.OrgUnitId)).Select(c => c.Scores));
            var control = ScoreHistogram.Sum(cells.Where(c => c.Month == m && arms.Control.Contains(c.OrgUnitId)).Select(c => c.Scores));
            series.Add(new ImpactMonthDto(InsightsScope.Format(m), treated.Count, Shown(treated), control.Count, Shown(control), m == month));
        }

        // Offices with no frontline staff in the programme's audience are not part of the comparison at all.
        var audience = training.Where(t => t.FrontlineStaff > 0).Select(t => t.OfficeId).ToHashSet();
        var officeRows = offices.Where(o => audience.Contains(o.Id)).Select(o =>
            {
                var t = training.Single(x => x.OfficeId == o.Id);
                var arm = arms.Treated.Contains(o.Id) ? "Treated" : arms.Control.Contains(o.Id) ? "Control" : "Excluded";
                var before = ScoreHistogram.Sum(cells.Where(c => c.OrgUnitId == o.Id && c.Month < month).Select(c => c.Scores));
                var after = ScoreHistogram.Sum(cells.Where(c => c.OrgUnitId == o.Id && c.Month > month).Select(c => c.Scores));
                var counted = arm != "Excluded" && MinimumGroupSize.MayShow(before.Count, Minimum) && MinimumGroupSize.MayShow(after.Count, Minimum);
                return new ImpactOfficeDto(
                    o.Code, english && !string.IsNullOrWhiteSpace(o.NameEn) ? o.NameEn! : o.Name, arm, t.FrontlineStaff, t.CompletedByCutoff,
                    t.CompletedByWindowEnd, treatedIn[o.Id] is { } ti ? InsightsScope.Format(ti) : null,
                    before.Count, Shown(before), after.Count, Shown(after), counted);
            })
            .OrderBy(o => o.Arm switch { "Treated" => 0, "Control" => 1, _ => 2 }).ThenBy(o => o.Code, StringComparer.Ordinal).ToList();

        return new TrainingImpactDto(
            programme.Id, programme.Title, programmes, unit.Code, unit.DisplayName(english), InsightsScope.Format(month),
            InsightsScope.Format(beforeFrom), InsightsScope.Format(month.AddMonths(-1)), InsightsScope.Format(afterFrom), InsightsScope.Format(afterTo),
            TrainingArms.DefaultTreatedShare, TrainingArms.DefaultControlShare, ImpactArmDto.From(result.Treated), ImpactArmDto.From(result.Control),
            result.OfficesExcluded + arms.Excluded.Count(audience.Contains), result.Estimate, result.StandardError, result.DegreesOfFreedom, result.ConfidenceLow,
            result.ConfidenceHigh, result.PValue, result.Confidence, result.CautionKeys.ToList(), series, officeRows, Minimum);
    }

    /// <summary>The local month in which the office's completions first reached the treated share of its staff; null if never.</summary>
    public static DateOnly? TreatmentMonth(IReadOnlyList<DateOnly?> completions)
    {
        if (completions.Count == 0)
        {
            return null;
        }

        var needed = (int)Math.Ceiling(TrainingArms.DefaultTreatedShare * completions.Count);
        var days = completions.Where(d => d is not null).Select(d => d!.Value).Order().ToList();
        if (days.Count < needed || needed == 0)
        {
            return null;
        }

        var day = days[needed - 1];
        return new DateOnly(day.Year, day.Month, 1);
    }
}
