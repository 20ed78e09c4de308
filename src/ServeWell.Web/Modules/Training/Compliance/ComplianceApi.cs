using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Compliance;

public sealed record ComplianceCountsDto(int InAudience, int Completed, int InProgress, int Overdue, int DueSoon);

public sealed record CompliancePersonDto(
    string EmployeeNumber, string Name, string OrgUnitCode, int ProgrammeId, string Programme, string Enrolment, string? DueDate, string? CompletedOn, string Status);

public sealed record ComplianceDto(ComplianceCountsDto Counts, IReadOnlyList<CompliancePersonDto> People);

public static class ComplianceApi
{
    public static RouteGroupBuilder MapComplianceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/compliance", GetAsync)
            .RequireAuthorization(Policies.ViewCompliance)
            .WithName("GetCompliance")
            .WithSummary("Who is completed, in progress, overdue or due within 30 days, for a programme and/or an org unit's subtree, within the caller's scope.");
        return api;
    }

    private static async Task<Results<Ok<ComplianceDto>, ValidationProblem>> GetAsync(
        [FromQuery] int? programmeId, [FromQuery] string? orgUnitCode, ComplianceReport report, StaffScope scope, CancellationToken cancellationToken)
    {
        var result = await report.RunAsync(await scope.GetAsync(cancellationToken), programmeId, orgUnitCode, cancellationToken);
        if (result is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["orgUnitCode"] = [$"\"{orgUnitCode}\" is not an org unit you can see."] });
        }

        var c = result.Counts;
        return TypedResults.Ok(new ComplianceDto(
            new ComplianceCountsDto(c.InAudience, c.Completed, c.InProgress, c.Overdue, c.DueSoon),
            result.Rows.Select(r => new CompliancePersonDto(
                r.EmployeeNumber, r.Name, r.OrgUnitCode, r.ProgrammeId, r.Programme, r.State.ToString(), Iso(r.DueDate), Iso(r.CompletedOn), r.Status.ToString())).ToList()));
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
