using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Audiences;

public sealed record AudienceMember(string EmployeeNumber, string Name, string OrgUnitCode, int Grade, DateOnly HireDate);

public sealed record AudiencePreview(int Count, IReadOnlyList<AudienceMember> Employees);

/// <summary>A problem with a rule: <see cref="Field"/> is the JSON name of the part at fault ("orgUnitCodes").</summary>
public sealed record AudienceProblem(string Field, string Message);

/// <summary>
/// Checks an <see cref="AudienceRule"/> and finds the employees it means, through the employee filter of the
/// People module: the rule's criteria, plus those included, minus those excluded, never anyone who has left.
/// </summary>
public sealed class MatchAudience(ServeWellDbContext db, EmployeeDirectory directory, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<AudienceProblem>> CheckAsync(AudienceRule rule, CancellationToken cancellationToken)
    {
        var problems = new List<AudienceProblem>();
        var scale = await db.GradeScales.CurrentAsync(cancellationToken);
        foreach (var (field, grade) in new[] { ("atOrAboveGrade", rule.AtOrAboveGrade), ("atOrBelowGrade", rule.AtOrBelowGrade) })
        {
            if (grade is { } g && !scale.Contains(g))
            {
                problems.Add(new(field, l["{0} is not a grade on the scale {1}–{2}.", g, scale.Lowest, scale.Highest]));
            }
        }

        foreach (var (field, years) in new[] { ("minServiceYears", rule.MinServiceYears), ("maxServiceYearsExclusive", rule.MaxServiceYearsExclusive) })
        {
            if (years is < 0 or > 80)
            {
                problems.Add(new(field, l["Years of service must be between 0 and 80."]));
            }
        }

        if (rule is { MinServiceYears: { } min, MaxServiceYearsExclusive: { } max } && max <= min)
        {
            problems.Add(new("maxServiceYearsExclusive", l["“Fewer than {0} years” must be more than “at least {1} years”.", max, min]));
        }

        if (rule.OrgUnitCodes is { Count: > 0 } codes)
        {
            var known = await db.OrgUnits.Where(u => codes.Contains(u.Code)).Select(u => u.Code).ToListAsync(cancellationToken);
            problems.AddRange(codes.Except(known, StringComparer.Ordinal)
                .Select(c => new AudienceProblem("orgUnitCodes", l["There is no org unit with the code “{0}”.", c])));
        }

        foreach (var (field, numbers) in new[] { ("include", rule.Include), ("exclude", rule.Exclude) })
        {
            if (numbers is { Count: > 0 })
            {
                var known = await db.Employees.Where(e => numbers.Contains(e.EmployeeNumber)).Select(e => e.EmployeeNumber).ToListAsync(cancellationToken);
                problems.AddRange(numbers.Except(known, StringComparer.Ordinal)
                    .Select(n => new AudienceProblem(field, l["There is no employee with the number “{0}”.", n])));
            }
        }

        return problems;
    }

    /// <summary>The employees a (checked) rule means, over the whole roster.</summary>
    public async Task<IQueryable<Employee>> QueryAsync(AudienceRule rule, CancellationToken cancellationToken)
    {
        var byRule = await directory.FilterRosterAsync(new EmployeeFilter
        {
            OrgUnits = rule.OrgUnitCodes,
            AtOrAboveGrade = rule.AtOrAboveGrade,
            AtOrBelowGrade = rule.AtOrBelowGrade,
            MinServiceYears = rule.MinServiceYears,
            MaxServiceYearsExclusive = rule.MaxServiceYearsExclusive,
            Frontline = rule.FrontlineOnly == true ? true : null,
        }, cancellationToken);
        var ids = byRule.Select(e => e.Id);
        var include = rule.Include ?? [];
        var exclude = rule.Exclude ?? [];

        var query = db.Employees.AsNoTracking().Where(e => e.Status != EmployeeStatus.Left);
        query = include.Count == 0
            ? query.Where(e => ids.Contains(e.Id))
            : query.Where(e => ids.Contains(e.Id) || include.Contains(e.EmployeeNumber));
        if (exclude.Count > 0)
        {
            query = query.Where(e => !exclude.Contains(e.EmployeeNumber));
        }

        return query;
    }

    public async Task<int> CountAsync(AudienceRule rule, CancellationToken cancellationToken) =>
        await (await QueryAsync(rule, cancellationToken)).CountAsync(cancellationToken);

    /// <summary>How many match, and the first <paramref name="take"/> of them by employee number (all when null).</summary>
    public async Task<AudiencePreview> PreviewAsync(AudienceRule rule, int? take, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(rule, cancellationToken);
        var count = await query.CountAsync(cancellationToken);
        var ordered = query.OrderBy(e => e.EmployeeNumber);
        var employees = await (take is { } t ? ordered.Take(t) : ordered)
            .Select(e => new AudienceMember(e.EmployeeNumber, e.Name, e.OrgUnit!.Code, e.Grade, e.HireDate))
            .ToListAsync(cancellationToken);
        return new AudiencePreview(count, employees);
    }
}
