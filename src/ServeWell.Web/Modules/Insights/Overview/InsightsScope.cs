using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Overview;

/// <summary>A period of whole local months and an org subtree the caller may see.</summary>
public sealed record InsightsQuery(DateOnly From, DateOnly To, OrgUnit Unit)
{
    public int Months => ((To.Year - From.Year) * 12) + To.Month - From.Month + 1;

    /// <summary>The same number of months just before this period.</summary>
    public InsightsQuery Previous() => this with { From = From.AddMonths(-Months), To = From.AddMonths(-1) };
}

/// <summary>Reads the period and subtree of an Insights request and checks them against the caller's scope.</summary>
public sealed class InsightsScope(ServeWellDbContext db, StaffScope scope, TimeProvider clock)
{
    public const int MaxMonths = 60;

    /// <summary>The query, or the problems with the request by field (period) or null and no problems when the unit is outside the scope.</summary>
    public async Task<(InsightsQuery? Query, FieldProblems Problems)> ResolveAsync(string? from, string? to, string? orgUnitCode, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        var thisMonth = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        thisMonth = new DateOnly(thisMonth.Year, thisMonth.Month, 1);
        var toMonth = ParseMonth(to, "to", thisMonth, problems);
        var fromMonth = ParseMonth(from, "from", toMonth.AddMonths(-11), problems);
        if (problems.Count == 0 && fromMonth > toMonth)
        {
            problems.Add("from", $"\"{from}\" is after \"to\" ({to}).");
        }
        else if (problems.Count == 0 && new InsightsQuery(fromMonth, toMonth, null!).Months > MaxMonths)
        {
            problems.Add("from", $"The period from {from} to {to} is longer than {MaxMonths} months.");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var filter = await scope.GetAsync(cancellationToken);
        var visible = filter.Apply(db.OrgUnits.AsNoTracking());
        OrgUnit? unit;
        if (string.IsNullOrWhiteSpace(orgUnitCode))
        {
            // The top of what the caller sees: the shortest path in scope.
            unit = await visible.OrderBy(u => u.Depth).ThenBy(u => u.Code).FirstOrDefaultAsync(cancellationToken);
        }
        else
        {
            unit = await visible.FirstOrDefaultAsync(u => u.Code == orgUnitCode, cancellationToken);
            if (unit is null)
            {
                problems.Add("orgUnitCode", $"\"{orgUnitCode}\" is not an org unit you may see.");
            }
        }

        return (unit is null ? null : new InsightsQuery(fromMonth, toMonth, unit), problems);
    }

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateOnly ParseMonth(string? value, string field, DateOnly fallback, FieldProblems problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        problems.Add(field, $"\"{value}\" is not a month written yyyy-MM.");
        return fallback;
    }
}
