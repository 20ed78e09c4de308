using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Audiences;

public sealed record AudienceMemberDto(string EmployeeNumber, string Name, string OrgUnitCode, int Grade, string HireDate);

public sealed record AudiencePreviewDto(int Count, IReadOnlyList<AudienceMemberDto> Employees);

public static class AudiencesApi
{
    public static RouteGroupBuilder MapAudiencesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/audiences/preview", PreviewAsync)
            .RequireAuthorization(Policies.ManageTraining)
            .WithName("PreviewAudience")
            .WithSummary("Everyone an audience rule matches today (employees who have left never match), ordered by employee number.");
        return api;
    }

    private static async Task<Results<Ok<AudiencePreviewDto>, ValidationProblem>> PreviewAsync(
        AudienceRule rule, MatchAudience match, CancellationToken cancellationToken)
    {
        rule = rule.Normalised();
        var problems = await match.CheckAsync(rule, cancellationToken);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(ToErrors(problems));
        }

        var preview = await match.PreviewAsync(rule, take: null, cancellationToken);
        return TypedResults.Ok(new AudiencePreviewDto(preview.Count, preview.Employees.Select(ToDto).ToList()));
    }

    public static Dictionary<string, string[]> ToErrors(IEnumerable<AudienceProblem> problems, string prefix = "") =>
        problems.GroupBy(p => prefix + p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    public static AudienceMemberDto ToDto(AudienceMember m) =>
        new(m.EmployeeNumber, m.Name, m.OrgUnitCode, m.Grade, m.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
