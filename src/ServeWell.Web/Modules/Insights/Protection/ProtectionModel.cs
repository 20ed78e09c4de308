using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Statistics;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Modules.Protection.Figures;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Protection;

/// <summary>A count as the page shows it: the number, or null when it is withheld ("fewer than 5").</summary>
public sealed record OfficeProtectionRow(string Code, string Name, int? Encounters, IReadOnlyList<int?> Months, long Answers, double? SatisfiedPercent, double? PerThousandAnswers);

public sealed record KindProtectionRow(string Label, IReadOnlyList<int> Months);

/// <summary>
/// Staff protection for leadership (issue 17, ADR-063): encounters per office and month, by kind, the share supported
/// within a day, restrictions in force, and each office's satisfaction beside its encounter rate. Counts only, from
/// Protection's <see cref="ProtectionFigures"/>; an office with fewer encounters than the minimum group size shows
/// "fewer than 5", and so does the next smallest when one alone would be (ADR-040), so that no employee is singled out.
/// </summary>
[Authorize(Policy = Policies.ViewInsights)]
public sealed class ProtectionModel(InsightsScope insightsScope, StaffScope scope, ServeWellDbContext db, ProtectionFigures figures, InsightsOverview overview)
    : InsightsPageModel(insightsScope, scope, db)
{
    public int Minimum => overview.Minimum;

    public IReadOnlyList<DateOnly> MonthList { get; private set; } = [];

    public IReadOnlyList<OfficeProtectionRow> Offices { get; private set; } = [];

    public IReadOnlyList<KindProtectionRow> Kinds { get; private set; } = [];

    public IReadOnlyList<int> MonthTotals { get; private set; } = [];

    public int Encounters { get; private set; }

    /// <summary>Whether the unit's encounters are enough to show the month and kind figures (at least the minimum group size).</summary>
    public bool TotalShown => Encounters >= Minimum;

    public int SupportedWithinADay { get; private set; }

    public int RestrictionsInForce { get; private set; }

    public bool Loaded { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(q => LoadAsync(q, cancellationToken), cancellationToken);

    private async Task LoadAsync(InsightsQuery query, CancellationToken cancellationToken)
    {
        var counts = await figures.CountAsync(query.Unit.Path, query.From, query.To, cancellationToken);
        var months = new List<DateOnly>();
        for (var m = query.From; m <= query.To; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        MonthList = months;
        Encounters = counts.Encounters;
        SupportedWithinADay = counts.SupportedWithinADay;
        RestrictionsInForce = counts.RestrictionsInForce;
        MonthTotals = [.. months.Select(m => counts.ByOfficeAndMonth.Where(c => c.Month == m).Sum(c => c.Encounters))];
        Kinds = [.. EncounterCodes.Kinds.Select(k => new KindProtectionRow(k.Label, [.. months.Select(m => counts.ByKindAndMonth.Where(c => c.Kind == k.Value && c.Month == m).Sum(c => c.Encounters))]))];

        var answers = await overview.UnitTotalsAsync(query, cancellationToken);
        var encounterOffices = counts.ByOfficeAndMonth.GroupBy(c => c.OfficeCode)
            .Select(g => (Code: g.Key, Name: Named(g.First().OfficeName, g.First().OfficeNameEn), Count: g.Sum(c => c.Encounters)));
        var offices = encounterOffices
            .Concat(answers.Where(a => counts.ByOfficeAndMonth.All(c => c.OfficeCode != a.Code)).Select(a => (a.Code, Name: Named(a.Name, a.NameEn), Count: 0)))
            .ToList();
        var withheld = MinimumGroupSize.Withheld(offices.Select(o => (o.Code, (long)o.Count)), Minimum, totalShown: true);
        Offices = [.. offices
            .Select(o =>
            {
                var hidden = withheld.Contains(o.Code);
                var scores = answers.FirstOrDefault(a => a.Code == o.Code)?.Scores;
                var answered = scores?.Count ?? 0;
                var satisfied = scores is { } h && MinimumGroupSize.MayShow(answered, Minimum) ? h.Measures().SatisfiedShare * 100 : (double?)null;
                return new OfficeProtectionRow(
                    o.Code, o.Name, hidden ? null : o.Count,
                    [.. months.Select(m => hidden ? (int?)null : counts.ByOfficeAndMonth.Where(c => c.OfficeCode == o.Code && c.Month == m).Sum(c => c.Encounters))],
                    answered, satisfied, !hidden && satisfied is not null ? o.Count * 1000.0 / answered : null);
            })
            .OrderByDescending(r => r.Encounters ?? 0).ThenBy(r => r.Name, StringComparer.CurrentCulture)];
        Loaded = true;
    }

    private static string Named(string name, string? nameEn) => English && !string.IsNullOrWhiteSpace(nameEn) ? nameEn : name;
}
