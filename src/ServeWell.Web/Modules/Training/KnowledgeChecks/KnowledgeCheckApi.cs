using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

/// <param name="QuizId">The quiz taken before and after the session; null when the programme has no knowledge check.</param>
/// <param name="Title">The quiz's title in both languages.</param>
public sealed record KnowledgeCheckDto(int ProgrammeId, int? QuizId, LocalText? Title, int? PassPercent, int? MaxAttempts, int? QuestionsPerAttempt);

/// <param name="QuizId">The quiz to take before and after the session; null for no knowledge check.</param>
public sealed record KnowledgeCheckRequest(int? QuizId);

/// <summary>The programme's knowledge check in the API (ADR-048): which quiz it is, read and set.</summary>
public static class KnowledgeCheckApi
{
    public static RouteGroupBuilder MapKnowledgeCheckApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programmes/{id:int}/knowledge-check", GetAsync)
            .RequireAuthorization(Policies.ViewTraining)
            .WithName("GetProgrammeKnowledgeCheck")
            .WithSummary("The programme's knowledge check: the quiz of the question bank its employees take before and after the session (quizId null: none), its pass mark and attempt limit.");
        api.MapPut("/programmes/{id:int}/knowledge-check", PutAsync)
            .RequireAuthorization(Policies.ManageTraining)
            .WithName("SetProgrammeKnowledgeCheck")
            .WithSummary("Sets the quiz taken as the programme's knowledge check (quizId null: none). Attempts already made keep counting in the results.");
        return api;
    }

    private static async Task<Results<Ok<KnowledgeCheckDto>, NotFound>> GetAsync(int id, ServeWellDbContext db, SaveKnowledgeCheck checks, CancellationToken cancellationToken) =>
        await db.Programmes.AnyAsync(p => p.Id == id, cancellationToken)
            ? TypedResults.Ok(Dto(id, await checks.QuizOfAsync(id, cancellationToken)))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<KnowledgeCheckDto>, NotFound, ValidationProblem>> PutAsync(
        int id, KnowledgeCheckRequest request, ServeWellDbContext db, SaveKnowledgeCheck checks, CancellationToken cancellationToken)
    {
        if (!await db.Programmes.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (await checks.SetQuizAsync(id, request.QuizId, cancellationToken) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quizId"] = [problem] });
        }

        return TypedResults.Ok(Dto(id, await checks.QuizOfAsync(id, cancellationToken)));
    }

    private static KnowledgeCheckDto Dto(int programmeId, CheckQuiz? quiz) =>
        new(programmeId, quiz?.Id, quiz?.Title, quiz?.PassPercent, quiz?.MaxAttempts, quiz?.QuestionsPerAttempt);
}
