using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Feedback.Duty;

/// <summary>One of the office's active staff: <c>onDuty</c> is their mark for the day; <c>offered</c> whether citizens may commend them.</summary>
public sealed record DutyStaffDto(string EmployeeNumber, string Name, bool Frontline, bool OnDuty, bool Offered);

/// <summary>
/// An office's duty on a day (the city's calendar). <c>marked</c> false: nobody is marked, and citizens are offered the
/// office's active frontline staff.
/// </summary>
public sealed record DutyDto(string OfficeCode, string OfficeName, string Date, bool Marked, IReadOnlyList<DutyStaffDto> Staff)
{
    public static DutyDto From(DutyDay day)
    {
        var offered = day.Offered.Select(s => s.Id).ToHashSet();
        return new(day.Office.Code, day.Office.Name, day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Marked,
            [.. day.Staff.Select(s => new DutyStaffDto(s.EmployeeNumber, s.Name, s.IsFrontline, s.OnDuty, offered.Contains(s.Id)))]);
    }
}

/// <summary>The day's whole list by employee number; an empty list clears the marks (back to the frontline staff).</summary>
public sealed class DutyRequest
{
    public List<string>? EmployeeNumbers { get; set; }
}

public static class DutyApi
{
    public static RouteGroupBuilder MapDutyApi(this RouteGroupBuilder api)
    {
        api.MapGet("/offices/{code}/duty/{date}", GetAsync)
            .RequireAuthorization(Policies.MarkDuty)
            .WithName("GetStaffOnDuty")
            .WithSummary("Who is on duty at an office on a day (yyyy-MM-dd, the city's calendar), among its active staff. Supervisors: offices of their subtree only.");
        api.MapPut("/offices/{code}/duty/{date}", PutAsync)
            .RequireAuthorization(Policies.MarkDuty)
            .WithName("MarkStaffOnDuty")
            .WithSummary("Replaces the day's staff on duty with these employee numbers (today up to 31 days ahead); an empty list clears the marks, and citizens are offered the office's frontline staff again. Audited.");
        return api;
    }

    private static async Task<Results<Ok<DutyDto>, NotFound, ValidationProblem>> GetAsync(string code, string date, DutyRoster roster, CancellationToken cancellationToken)
    {
        if (!TryDate(date, out var day))
        {
            return Invalid("date", $"“{date}” is not a date: write it as yyyy-MM-dd.");
        }

        return await roster.OfficeAsync(code, cancellationToken) is { } office
            ? TypedResults.Ok(DutyDto.From(await roster.ReadAsync(office, day, cancellationToken)))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<DutyDto>, NotFound, ValidationProblem>> PutAsync(
        string code, string date, DutyRequest request, DutyRoster roster, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (!TryDate(date, out var day))
        {
            return Invalid("date", $"“{date}” is not a date: write it as yyyy-MM-dd.");
        }

        if (await roster.OfficeAsync(code, cancellationToken) is not { } office)
        {
            return TypedResults.NotFound();
        }

        if (request.EmployeeNumbers is not { } numbers)
        {
            return Invalid("employeeNumbers", "Send employeeNumbers: the whole list of staff on duty that day (an empty list clears it).");
        }

        var wanted = numbers.Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var ids = await db.Employees.AsNoTracking().Where(e => e.OrgUnitId == office.Id && wanted.Contains(e.EmployeeNumber))
            .Select(e => new { e.Id, e.EmployeeNumber }).ToListAsync(cancellationToken);
        if (wanted.Except(ids.Select(i => i.EmployeeNumber), StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
        {
            return Invalid("employeeNumbers", $"{string.Join(", ", unknown)}: not employees of {office.Code}.");
        }

        var problems = await roster.SaveAsync(office, day, [.. ids.Select(i => i.Id)], cancellationToken);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.GroupBy(p => p.Field == "staff" ? "employeeNumbers" : p.Field)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        return TypedResults.Ok(DutyDto.From(await roster.ReadAsync(office, day, cancellationToken)));
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
