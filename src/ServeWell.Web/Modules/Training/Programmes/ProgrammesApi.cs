using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Programmes;

public sealed record InstructorDto(string Kind, string Name, string? EmployeeNumber, string? Organisation, string? Credentials);

public sealed record CompletionDto(
    bool Attended, bool EvaluationSubmitted, bool KnowledgeCheckPassed, bool CourseCompleted = false, bool ScenarioPassed = false, int? ScenarioId = null, int? ScenarioMinPercent = null);

/// <param name="Title">In the reader's language (Accept-Language), falling back to the other; as before texts had languages.</param>
/// <param name="Titles">Both languages, {"en": "…", "ko": "…"} (ADR-030); send this shape back as <c>title</c>.</param>
public sealed record ProgrammeDto(
    int Id, string Title, string Description, IReadOnlyList<string> Competencies, string Delivery, IReadOnlyList<InstructorDto> Instructors,
    decimal Hours, bool Mandatory, string? DueDate, int? RecurrenceMonths, CompletionDto Completion, AudienceRule Audience,
    LocalText Titles, LocalText Descriptions, string State);

/// <summary>What publishing did: how many people the audience sync invited.</summary>
public sealed record PublishedDto(int Id, string State, int Invited);

public static class ProgrammesApi
{
    public static RouteGroupBuilder MapProgrammesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programmes", ListAsync)
            .RequireAuthorization(Policies.ViewTraining)
            .WithName("ListProgrammes")
            .WithSummary("Every training programme, with its audience rule.");
        api.MapGet("/programmes/{id:int}", GetAsync)
            .RequireAuthorization(Policies.ViewTraining)
            .WithName("GetProgramme");
        api.MapPost("/programmes", CreateAsync)
            .RequireAuthorization(Policies.ManageTraining)
            .WithName("CreateProgramme")
            .WithSummary("Creates a programme as a draft: nobody is enrolled or mailed until it is published. Delivery is InPerson, LiveOnline, Hybrid, SelfStudy or Blended (completion.courseCompleted: the blended programme needs its course done); internal instructors name an employee number.");
        api.MapPost("/programmes/{id:int}/publish", PublishAsync)
            .RequireAuthorization(Policies.ManageTraining)
            .WithName("PublishProgramme")
            .WithSummary("Publishes a draft programme: its audience is enrolled and invited by mail. Publishing a published programme changes nothing.");
        return api;
    }

    private static async Task<Ok<List<ProgrammeDto>>> ListAsync(ServeWellDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadAsync(db, null, cancellationToken));

    private static async Task<Results<Ok<ProgrammeDto>, NotFound>> GetAsync(int id, ServeWellDbContext db, CancellationToken cancellationToken) =>
        (await ReadAsync(db, id, cancellationToken)).FirstOrDefault() is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<ProgrammeDto>, ValidationProblem>> CreateAsync(
        ProgrammeRequest request, SaveProgramme save, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var (programme, problems) = await save.SaveAsync(null, request, cancellationToken);
        if (programme is null)
        {
            return TypedResults.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        var dto = (await ReadAsync(db, programme.Id, cancellationToken)).Single();
        return TypedResults.Created($"/api/v1/programmes/{programme.Id}", dto);
    }

    private static async Task<Results<Ok<PublishedDto>, NotFound>> PublishAsync(int id, PublishProgramme publish, CancellationToken cancellationToken) =>
        await publish.PublishAsync(id, cancellationToken) is { } counts
            ? TypedResults.Ok(new PublishedDto(id, nameof(ProgrammeState.Published), counts.Invited))
            : TypedResults.NotFound();

    private static async Task<List<ProgrammeDto>> ReadAsync(ServeWellDbContext db, int? id, CancellationToken cancellationToken)
    {
        var query = db.Programmes.AsNoTracking().Include(p => p.Competencies).Include(p => p.Instructors).AsSplitQuery();
        if (id is not null)
        {
            query = query.Where(p => p.Id == id);
        }

        var programmes = await query.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var employeeIds = programmes.SelectMany(p => p.Instructors).Select(i => i.EmployeeId).OfType<int>().Distinct().ToList();
        var numbers = await db.Employees.Where(e => employeeIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.EmployeeNumber, cancellationToken);
        return programmes.Select(p => ToDto(p, numbers)).ToList();
    }

    private static ProgrammeDto ToDto(Programme p, IReadOnlyDictionary<int, string> numbers) => new(
        p.Id, p.Title.ToString(), p.Description.ToString(),
        p.Competencies.OrderBy(c => c.Id).Select(c => c.Code).ToList(),
        p.Delivery.ToString(),
        p.Instructors.OrderBy(i => i.Order).Select(i => new InstructorDto(
            i.Kind.ToString(), i.Name, i.EmployeeId is { } e && numbers.TryGetValue(e, out var n) ? n : null, i.Organisation, i.Credentials)).ToList(),
        p.Hours, p.IsMandatory, p.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.RecurrenceMonths,
        new CompletionDto(
            p.Completion.HasFlag(CompletionRequirements.Attended), p.Completion.HasFlag(CompletionRequirements.EvaluationSubmitted),
            p.Completion.HasFlag(CompletionRequirements.KnowledgeCheckPassed), p.Completion.HasFlag(CompletionRequirements.CourseCompleted),
            p.Completion.HasFlag(CompletionRequirements.ScenarioPassed), p.ScenarioId, p.ScenarioMinPercent),
        p.Audience, p.Title, p.Description, p.State.ToString());
}
