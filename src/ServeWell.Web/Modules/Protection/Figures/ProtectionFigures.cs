using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Protection.Figures;

/// <summary>An office's encounters in one month of the city's calendar.</summary>
public sealed record OfficeMonthCount(int OfficeId, string OfficeCode, string OfficeName, string? OfficeNameEn, DateOnly Month, int Encounters);

/// <summary>The encounters of one kind in one month (an encounter of two kinds counts in both).</summary>
public sealed record KindMonthCount(EncounterKinds Kind, DateOnly Month, int Encounters);

/// <summary>
/// What leadership may know of the encounters of a subtree and period (ADR-059: counts only): no description, no employee,
/// no complainant, no reference. <paramref name="SupportedWithinADay"/> counts the encounters with support offered on the
/// day of the encounter or the next, in the city's calendar.
/// </summary>
public sealed record ProtectionCounts(
    IReadOnlyList<OfficeMonthCount> ByOfficeAndMonth, IReadOnlyList<KindMonthCount> ByKindAndMonth, int Encounters, int SupportedWithinADay, int RestrictionsInForce);

/// <summary>
/// The read contract Protection offers the modules above it (Insights, ADR-063): counts of encounters, support and
/// restrictions for an org subtree and a run of whole months in the city's time zone, never a word of an encounter.
/// </summary>
public sealed class ProtectionFigures(ServeWellDbContext db, CityClock city)
{
    public async Task<ProtectionCounts> CountAsync(string unitPath, DateOnly fromMonth, DateOnly toMonth, CancellationToken cancellationToken)
    {
        var from = city.StartOf(new DateOnly(fromMonth.Year, fromMonth.Month, 1)).UtcDateTime;
        var until = city.StartOf(new DateOnly(toMonth.Year, toMonth.Month, 1).AddMonths(1)).UtcDateTime;
        var rows = await db.ProtectionEncounters.AsNoTracking()
            .Where(e => e.Office!.Path.StartsWith(unitPath) && e.OccurredAtUtc >= from && e.OccurredAtUtc < until)
            .Select(e => new
            {
                e.OfficeId, e.Office!.Code, e.Office.Name, e.Office.NameEn, e.OccurredAtUtc, e.Kinds,
                FirstOffer = db.ProtectionSupportOffers.Where(s => s.EncounterId == e.Id).Min(s => (DateOnly?)s.OfferedOn),
            })
            .ToListAsync(cancellationToken);

        var dated = rows.Select(r => (Row: r, Day: city.DateOf(new DateTimeOffset(DateTime.SpecifyKind(r.OccurredAtUtc, DateTimeKind.Utc))))).ToList();
        static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
        var byOffice = dated.GroupBy(d => (d.Row.OfficeId, d.Row.Code, d.Row.Name, d.Row.NameEn, Month: MonthOf(d.Day)))
            .Select(g => new OfficeMonthCount(g.Key.OfficeId, g.Key.Code, g.Key.Name, g.Key.NameEn, g.Key.Month, g.Count()))
            .OrderBy(c => c.OfficeCode, StringComparer.Ordinal).ThenBy(c => c.Month).ToList();
        var byKind = EncounterCodes.Kinds
            .SelectMany(k => dated.Where(d => d.Row.Kinds.HasFlag(k.Value)).GroupBy(d => MonthOf(d.Day)).Select(g => new KindMonthCount(k.Value, g.Key, g.Count())))
            .ToList();
        var supported = dated.Count(d => d.Row.FirstOffer is { } offered && offered <= d.Day.AddDays(1));

        var today = city.Today;
        var inForce = await db.ProtectionRestrictions.AsNoTracking()
            .Where(r => r.StartsOn <= today && r.EndsOn >= today
                && db.ProtectionEncounters.Any(e => e.Id == r.EncounterId && e.Office!.Path.StartsWith(unitPath)))
            .CountAsync(cancellationToken);
        return new(byOffice, byKind, rows.Count, supported, inForce);
    }
}
