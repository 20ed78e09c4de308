using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.People.Employees;

public sealed record EmployeeDto(
    string EmployeeNumber, string Name, string Email, string? Phone, string OrgUnitCode, int Grade, string Position,
    string HireDate, int ServiceYears, bool Frontline, string Status);

public sealed record EmployeeListDto(IReadOnlyList<EmployeeDto> Items, int Total, int Page, int PageSize);

public static class EmployeesApi
{
    public static RouteGroupBuilder MapEmployeesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/employees", ListAsync)
            .RequireAuthorization(Policies.ViewPeople)
            .WithName("ListEmployees")
            .WithSummary("Employees in the caller's scope, paged, with the filters of the employee page. Grades are in seniority terms.");
        api.MapGet("/employees/{employeeNumber}", GetAsync)
            .RequireAuthorization(Policies.ViewPeople)
            .WithName("GetEmployee");
        return api;
    }

    private static async Task<Results<Ok<EmployeeListDto>, ValidationProblem>> ListAsync(
        [AsParameters] EmployeeQuery query, EmployeeDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.PageSize is < 1 or > EmployeeFilter.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {EmployeeFilter.MaxPageSize}."];
        }

        if (query.Page is < 1)
        {
            errors["page"] = ["page starts at 1."];
        }

        EmployeeStatus? status = null;
        if (!string.IsNullOrEmpty(query.Status))
        {
            if (Enum.TryParse<EmployeeStatus>(query.Status, ignoreCase: true, out var s) && Enum.IsDefined(s))
            {
                status = s;
            }
            else
            {
                errors["status"] = [$"\"{query.Status}\" is not a status; use Active, OnLeave or Left."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await directory.SearchAsync(new EmployeeFilter
        {
            OrgUnit = query.OrgUnit, AtOrAboveGrade = query.AtOrAboveGrade, AtOrBelowGrade = query.AtOrBelowGrade,
            MinServiceYears = query.MinServiceYears, MaxServiceYearsExclusive = query.MaxServiceYearsExclusive,
            Frontline = query.Frontline, Status = status, Q = query.Q, Page = query.Page ?? 1, PageSize = query.PageSize ?? 50,
        }, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(new EmployeeListDto(page.Items.Select(r => ToDto(r, null, today)).ToList(), page.Total, page.Page, page.PageSize));
    }

    private static async Task<Results<Ok<EmployeeDto>, NotFound>> GetAsync(
        string employeeNumber, EmployeeDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = await directory.FilterAsync(new EmployeeFilter(), cancellationToken);
        var e = await query.Where(x => x.EmployeeNumber == employeeNumber)
            .Select(x => new { x.EmployeeNumber, x.Name, x.Email, x.Phone, Code = x.OrgUnit!.Code, x.Grade, x.Position, x.HireDate, x.IsFrontline, x.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (e is null)
        {
            return TypedResults.NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(new EmployeeDto(e.EmployeeNumber, e.Name, e.Email, e.Phone, e.Code, e.Grade, e.Position,
            e.HireDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Employee.ServiceYearsOn(e.HireDate, today), e.IsFrontline, e.Status.ToString()));
    }

    private static EmployeeDto ToDto(EmployeeRow r, string? phone, DateOnly today) => new(
        r.EmployeeNumber, r.Name, r.Email, phone, r.OrgUnitCode, r.Grade, r.Position,
        r.HireDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Employee.ServiceYearsOn(r.HireDate, today), r.IsFrontline, r.Status.ToString());

    public sealed class EmployeeQuery
    {
        [FromQuery] public string? OrgUnit { get; set; }
        [FromQuery] public int? AtOrAboveGrade { get; set; }
        [FromQuery] public int? AtOrBelowGrade { get; set; }
        [FromQuery] public int? MinServiceYears { get; set; }
        [FromQuery] public int? MaxServiceYearsExclusive { get; set; }
        [FromQuery] public bool? Frontline { get; set; }
        [FromQuery] public string? Status { get; set; }
        [FromQuery] public string? Q { get; set; }
        [FromQuery] public int? Page { get; set; }
        [FromQuery] public int? PageSize { get; set; }
    }
}
