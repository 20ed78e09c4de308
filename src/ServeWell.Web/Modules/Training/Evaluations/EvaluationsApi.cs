using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Evaluations;

public sealed record EvaluationSubmittedDto(int SessionId, int Relevance, int Instructor, int Confidence, string? Comment);

/// <summary>One rating question: responses, the average and how many chose 1..5 (index 0 is "1").</summary>
public sealed record RatingDto(string Question, int Count, double? Average, IReadOnlyList<int> Distribution);

public sealed record EvaluationSummaryDto(int Responses, int Attendees, double? ResponseRate, IReadOnlyList<RatingDto> Ratings, IReadOnlyList<string> Comments)
{
    /// <summary>True when ratings and comments are held back (fewer responses than minimumGroupSize, or they would reveal a smaller group); both are then empty.</summary>
    public bool Withheld { get; init; }

    /// <summary>fewerResponses or wouldRevealAnother; null when shown.</summary>
    public string? WithheldReason { get; init; }

    public int MinimumGroupSize { get; init; }
}

public sealed record KnowledgeSummaryDto(int PreCount, double? PreAverage, int PostCount, double? PostAverage, double? PostPassRate);

public sealed record SessionResultsDto(int SessionId, string StartsAt, EvaluationSummaryDto Evaluation, KnowledgeSummaryDto? Knowledge);

public sealed record ProgrammeResultsDto(
    int ProgrammeId, string Title, bool AllSessions, EvaluationSummaryDto Evaluation, int? KnowledgePassMarkPercent, KnowledgeSummaryDto? Knowledge,
    IReadOnlyList<SessionResultsDto> Sessions);

/// <summary>
/// The evaluation (Kirkpatrick level 1) as an API: an attendee submits theirs; whoever may read results gets a programme's
/// level 1 and 2 figures over the sessions they may see — the same figures as the results page, comments without names.
/// </summary>
public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/sessions/{id:int}/evaluation", SubmitAsync)
            .RequireAuthorization(Policies.Staff)
            .WithName("SubmitSessionEvaluation")
            .WithSummary("The signed-in employee's evaluation of a session they attended (relevance, instructor, confidence 1–5; comment up to 2,000 characters), once; 409 when they did not attend it or already evaluated it.");
        api.MapGet("/programmes/{id:int}/results", ResultsAsync)
            .RequireAuthorization(Policies.ViewTrainingResults)
            .WithName("GetProgrammeResults")
            .WithSummary("Evaluation and knowledge-check results of a programme, overall and per session, over the sessions the caller may see. Below City:MinimumGroupSize responses (or where a group would reveal a smaller one) an evaluation summary is withheld: no ratings, no comments.");
        return api;
    }

    private static async Task<Results<Created<EvaluationSubmittedDto>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        int id, EvaluationForm form, ClaimsPrincipal user, SubmitEvaluation submit, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employeeId)
        {
            return TypedResults.Problem(
                "Your account is not linked to an employee, so there is no attendance to evaluate.", statusCode: StatusCodes.Status403Forbidden);
        }

        IReadOnlyList<SubmitEvaluation.Problem> problems;
        try
        {
            problems = await submit.SubmitAsync(id, employeeId, form, cancellationToken);
        }
        catch (DomainRuleException ex)
        {
            // Not attended, not started, or already evaluated: about the session, not a field.
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.GroupBy(p => JsonName(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        return TypedResults.Created(
            $"/api/v1/sessions/{id}/evaluation",
            new EvaluationSubmittedDto(id, form.Relevance!.Value, form.Instructor!.Value, form.Confidence!.Value, string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim()));
    }

    private static async Task<Results<Ok<ProgrammeResultsDto>, NotFound>> ResultsAsync(
        int id, [FromQuery] int? session, ClaimsPrincipal user, ServeWellDbContext db, EvaluationResults evaluations, KnowledgeResults knowledge,
        CancellationToken cancellationToken)
    {
        var title = await db.Programmes.Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return TypedResults.NotFound();
        }

        var visible = await ResultsScope.VisibleSessionsAsync(user, db, id, cancellationToken);
        var level1 = await evaluations.ForProgrammeAsync(id, visible, cancellationToken);
        if (session is { } one && level1.Sessions.All(s => s.Session.Session.Id != one))
        {
            return TypedResults.NotFound();
        }

        var level2 = await knowledge.ForProgrammeAsync(id, visible, session, cancellationToken);
        var sessions = level1.Sessions
            .Where(s => session is null || s.Session.Session.Id == session)
            .Select(s => new SessionResultsDto(
                s.Session.Session.Id,
                s.Session.Session.StartsAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                Dto(s.Summary),
                level2?.Sessions.FirstOrDefault(k => k.Session.Session.Id == s.Session.Session.Id) is { } k ? Dto(k.Summary) : null))
            .ToList();
        var overall = session is null ? Dto(level1.Overall) : sessions[0].Evaluation;
        return TypedResults.Ok(new ProgrammeResultsDto(
            id, title.ToString(), visible is null, overall, level2?.PassMarkPercent, level2 is null ? null : Dto(level2.Summary), sessions));
    }

    private static EvaluationSummaryDto Dto(EvaluationSummary s) => new(
        s.Responses, s.Attendees, s.ResponseRate is { } r ? Math.Round(r, 4) : null,
        s.Ratings.Select(r => new RatingDto(r.Question, r.Count, r.Average, r.Distribution)).ToList(), s.Comments)
    {
        Withheld = s.IsWithheld,
        WithheldReason = s.IsWithheld ? char.ToLowerInvariant(s.Withheld.ToString()[0]) + s.Withheld.ToString()[1..] : null,
        MinimumGroupSize = s.MinimumGroupSize,
    };

    private static KnowledgeSummaryDto Dto(KnowledgeSummary s) => new(s.PreCount, s.PreAverage, s.PostCount, s.PostAverage, s.PostPassRate);

    private static string JsonName(string field) => char.ToLowerInvariant(field[0]) + field[1..];
}
