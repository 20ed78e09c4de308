using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Scenarios;

public sealed record ScenarioSummaryDto(int Id, Guid Key, LocalText Title, int? LatestVersion, DateTime DraftUpdatedAtUtc, int? CaseId);

public sealed record GraphProblemDto(string Kind, string Node, string Message);

public sealed record ScenarioDto(int Id, Guid Key, int? CaseId, int? LatestVersion, ScenarioContent Draft, IReadOnlyList<GraphProblemDto> Problems);

public sealed record NewScenarioRequest(LocalText? Title, int? CaseId);

public sealed record ScenarioVersionDto(int ScenarioId, int Number, int Nodes, DateTime PublishedAtUtc);

public sealed record StartAttemptRequest(bool Again);

public sealed record ChooseRequest(int Step, int Choice);

public sealed record MoveDto(int Step, string Node, int Choice, LocalText Reply, LocalText Feedback);

public sealed record AttemptDto(
    int Id, int ScenarioId, int Version, int Number, DateTime StartedAtUtc, DateTime? CompletedAtUtc, int NextStep,
    ScenarioNode? Current, IReadOnlyList<MoveDto> Path, IReadOnlyList<CompetencyScore> Scores);

public sealed record ChoicesDto(int ScenarioId, int Version, int MinimumGroupSize, IReadOnlyList<NodeChoices> Nodes);

/// <summary>Scenarios for authors, attempts for the signed-in employee, and results (ADR-054).</summary>
public static class ScenariosApi
{
    public static RouteGroupBuilder MapScenarioEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/scenarios", ListAsync).RequireAuthorization(Policies.ManageTraining).WithName("ListScenarios")
            .WithSummary("Every scenario with its latest published version number (null while only a draft).");
        api.MapPost("/scenarios", CreateAsync).RequireAuthorization(Policies.ManageTraining).WithName("CreateScenario")
            .WithSummary("A new scenario with an empty draft; caseId names the published library case it is built from (optional).");
        api.MapGet("/scenarios/{id:int}", GetAsync).RequireAuthorization(Policies.ManageTraining).WithName("GetScenario")
            .WithSummary("The draft (texts per language, nodes, replies and scores per competency) and what stops it being published.");
        api.MapPut("/scenarios/{id:int}/draft", PutDraftAsync).RequireAuthorization(Policies.ManageTraining).WithName("SaveScenarioDraft")
            .WithSummary("Replaces the draft. 400 with the fields at fault when a text is too long, a node name is unusable or a competency unknown.");
        api.MapPost("/scenarios/{id:int}/versions", PublishAsync).RequireAuthorization(Policies.ManageTraining).WithName("PublishScenario")
            .WithSummary("Publishes the draft as version n + 1; 409 with every problem (naming the node) when the graph is invalid or unchanged.");
        api.MapGet("/scenarios/{id:int}/twee", ExportAsync).RequireAuthorization(Policies.ManageTraining).WithName("ExportScenarioTwee")
            .WithSummary("The draft, or ?version=n, as Twine Twee 3 text (scores and English in comment lines, ADR-054).");
        api.MapPost("/scenarios/twee", ImportNewAsync).RequireAuthorization(Policies.ManageTraining).WithName("ImportScenarioTwee")
            .Accepts<string>("text/plain").WithSummary("A new scenario from Twee 3 text. 422 with every error's line and why; nothing is imported then.");
        api.MapPut("/scenarios/{id:int}/twee", ImportDraftAsync).RequireAuthorization(Policies.ManageTraining).WithName("ImportScenarioTweeIntoDraft")
            .Accepts<string>("text/plain").WithSummary("Replaces the draft from Twee 3 text. 422 with every error's line and why; the draft is unchanged then.");
        api.MapGet("/scenarios/{id:int}/choices", ChoicesAsync).RequireAuthorization(Policies.ViewTrainingResults).WithName("GetScenarioChoices")
            .WithSummary("Which replies people choose at each node of the latest version (or ?version=n); a node played fewer times than the minimum group size shows no figures.");
        api.MapGet("/practice/scenarios", PublishedAsync).RequireAuthorization(Policies.Staff).WithName("ListPracticeScenarios")
            .WithSummary("Published scenarios an employee can practise on their own.");
        api.MapPost("/practice/scenarios/{id:int}/attempts", StartAsync).RequireAuthorization(Policies.Staff).WithName("StartScenarioAttempt")
            .WithSummary("Resumes the employee's unfinished attempt, else starts one on the latest version; again=true starts a new play after a finished one.");
        api.MapGet("/practice/attempts/{id:int}", AttemptAsync).RequireAuthorization(Policies.Staff).WithName("GetScenarioAttempt")
            .WithSummary("The employee's own attempt: the current node, the path so far with feedback, and the score per competency against the best on that path.");
        api.MapPost("/practice/attempts/{id:int}/choices", ChooseAsync).RequireAuthorization(Policies.Staff).WithName("ChooseScenarioReply")
            .WithSummary("Records reply `choice` (0-based) as step `step`; a step already taken changes nothing (a resent form), so the answer is the attempt as it stands.");
        api.MapGet("/practice/profile", MyProfileAsync).RequireAuthorization(Policies.Staff).WithName("GetMyPracticeProfile")
            .WithSummary("The employee's competency profile across finished attempts: first against latest.");
        api.MapGet("/practice/employees/{employeeId:int}/profile", ProfileAsync).RequireAuthorization(Policies.ViewEmployeeInsights).WithName("GetEmployeePracticeProfile")
            .WithSummary("A supervisor's view of an employee's practice profile, for employees of their subtree only.");
        return api;
    }

    private static async Task<Ok<List<ScenarioSummaryDto>>> ListAsync(ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var scenarios = await db.Scenarios.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var latest = await db.ScenarioVersions.GroupBy(v => v.ScenarioId).Select(g => new { Id = g.Key, Number = g.Max(v => v.Number) }).ToListAsync(cancellationToken);
        return TypedResults.Ok(scenarios.Select(s => new ScenarioSummaryDto(
            s.Id, s.Key, s.DraftContent.Title, latest.FirstOrDefault(v => v.Id == s.Id)?.Number, s.DraftUpdatedAtUtc, s.CaseId)).ToList());
    }

    private static async Task<Results<Created<ScenarioDto>, ValidationProblem>> CreateAsync(
        NewScenarioRequest request, EditScenario edit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (scenario, problems) = await edit.CreateAsync(request.Title ?? LocalText.Empty, request.CaseId, Author(user), cancellationToken);
        return scenario is null ? Invalid(problems) : TypedResults.Created($"/api/v1/scenarios/{scenario.Id}", await DtoAsync(scenario, edit, cancellationToken));
    }

    private static async Task<Results<Ok<ScenarioDto>, NotFound>> GetAsync(int id, EditScenario edit, CancellationToken cancellationToken) =>
        await edit.LoadAsync(id, cancellationToken) is { } scenario ? TypedResults.Ok(await DtoAsync(scenario, edit, cancellationToken)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ScenarioDto>, NotFound, ValidationProblem>> PutDraftAsync(
        int id, ScenarioContent draft, EditScenario edit, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } scenario)
        {
            return TypedResults.NotFound();
        }

        var problems = await edit.SaveDraftAsync(scenario, Normalised(draft), cancellationToken);
        return problems.Count > 0 ? Invalid(problems) : TypedResults.Ok(await DtoAsync(scenario, edit, cancellationToken));
    }

    private static async Task<Results<Created<ScenarioVersionDto>, NotFound, ProblemHttpResult>> PublishAsync(
        int id, EditScenario edit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } scenario)
        {
            return TypedResults.NotFound();
        }

        var (version, problems) = await edit.PublishAsync(scenario, Author(user), cancellationToken);
        return version is null
            ? TypedResults.Problem(string.Join(" ", problems), statusCode: StatusCodes.Status409Conflict, title: "Cannot publish",
                extensions: new Dictionary<string, object?> { ["problems"] = problems })
            : TypedResults.Created($"/api/v1/scenarios/{id}", new ScenarioVersionDto(id, version.Number, version.NodeCount, version.PublishedAtUtc));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> ExportAsync(int id, int? version, EditScenario edit, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } scenario)
        {
            return TypedResults.NotFound();
        }

        var content = scenario.DraftContent;
        if (version is { } number)
        {
            if (await db.ScenarioVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ScenarioId == id && v.Number == number, cancellationToken) is not { } published)
            {
                return TypedResults.NotFound();
            }

            content = ScenarioContent.FromJson(published.Content);
        }

        return TypedResults.Text(TweeExport.Write(content, scenario.Key), "text/plain; charset=utf-8", Encoding.UTF8);
    }

    private static Task<Results<Created<ScenarioDto>, NotFound, UnprocessableEntity<HttpValidationProblemDetails>>> ImportNewAsync(
        HttpRequest request, EditScenario edit, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ImportAsync(null, request, edit, user, cancellationToken);

    private static Task<Results<Created<ScenarioDto>, NotFound, UnprocessableEntity<HttpValidationProblemDetails>>> ImportDraftAsync(
        int id, HttpRequest request, EditScenario edit, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ImportAsync(id, request, edit, user, cancellationToken);

    private static async Task<Results<Created<ScenarioDto>, NotFound, UnprocessableEntity<HttpValidationProblemDetails>>> ImportAsync(
        int? id, HttpRequest request, EditScenario edit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        Scenario? scenario = null;
        if (id is { } existing && (scenario = await edit.LoadAsync(existing, cancellationToken)) is null)
        {
            return TypedResults.NotFound();
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var twee = await reader.ReadToEndAsync(cancellationToken);
        var (imported, errors) = await edit.ImportAsync(scenario, twee, Author(user), cancellationToken);
        if (imported is null)
        {
            return TypedResults.UnprocessableEntity(new HttpValidationProblemDetails(
                errors.GroupBy(e => e.Line == 0 ? "twee" : $"line {e.Line}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
            {
                Title = "The Twee text could not be imported", Status = StatusCodes.Status422UnprocessableEntity,
            });
        }

        return TypedResults.Created($"/api/v1/scenarios/{imported.Id}", await DtoAsync(imported, edit, cancellationToken));
    }

    private static async Task<Results<Ok<ChoicesDto>, NotFound>> ChoicesAsync(
        int id, int? version, ScenarioResults results, Microsoft.Extensions.Options.IOptions<Platform.City.CityOptions> city, CancellationToken cancellationToken) =>
        await results.ChoicesAsync(id, version, cancellationToken) is { } found
            ? TypedResults.Ok(new ChoicesDto(id, found.Version, city.Value.MinimumGroupSize, found.Nodes))
            : TypedResults.NotFound();

    private static async Task<Ok<List<ScenarioSummaryDto>>> PublishedAsync(PlayScenario play, CancellationToken cancellationToken) =>
        TypedResults.Ok((await play.PublishedAsync(cancellationToken))
            .Select(p => new ScenarioSummaryDto(p.Scenario.Id, p.Scenario.Key, ScenarioContent.FromJson(p.Version.Content).Title, p.Version.Number, p.Scenario.DraftUpdatedAtUtc, p.Scenario.CaseId)).ToList());

    private static async Task<Results<Ok<AttemptDto>, NotFound, ProblemHttpResult>> StartAsync(
        int id, StartAttemptRequest? request, PlayScenario play, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        return await play.StartAsync(id, employee, request?.Again ?? false, cancellationToken) is { } attempt
            && await play.ReadAsync(attempt.Id, employee, cancellationToken) is { } view
            ? TypedResults.Ok(Dto(view))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<AttemptDto>, NotFound, ProblemHttpResult>> AttemptAsync(
        int id, PlayScenario play, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        return await play.ReadAsync(id, employee, cancellationToken) is { } view ? TypedResults.Ok(Dto(view)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<AttemptDto>, NotFound, ProblemHttpResult>> ChooseAsync(
        int id, ChooseRequest request, PlayScenario play, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        var outcome = await play.ChooseAsync(id, employee, request.Step, request.Choice, cancellationToken);
        if (outcome == PlayScenario.ChooseOutcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (outcome == PlayScenario.ChooseOutcome.NoSuchReply)
        {
            return TypedResults.Problem($"The current node has no reply {request.Choice}.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "No such reply");
        }

        return TypedResults.Ok(Dto((await play.ReadAsync(id, employee, cancellationToken))!));
    }

    /// <summary>An account without an employee record (an administrator's) has played nothing: an empty profile, as refreshers answer.</summary>
    private static async Task<Ok<List<ProfileRow>>> MyProfileAsync(
        ScenarioResults results, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(user.EmployeeId() is { } employee ? (await results.ProfileAsync(employee, cancellationToken)).ToList() : []);

    private static async Task<Results<Ok<List<ProfileRow>>, NotFound>> ProfileAsync(
        int employeeId, ScenarioResults results, StaffScope scope, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var filter = await scope.GetAsync(cancellationToken);
        if (!await filter.Apply(db.Employees).AnyAsync(e => e.Id == employeeId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await results.ProfileAsync(employeeId, cancellationToken)).ToList());
    }

    public static AttemptDto Dto(AttemptView view) => new(
        view.Attempt.Id, view.Attempt.ScenarioId, view.VersionNumber, view.Attempt.Number, view.Attempt.StartedAtUtc, view.Attempt.CompletedAtUtc,
        view.NextStep, view.Current,
        view.Path.Select((p, i) => new MoveDto(i + 1, p.Node.Key, p.Index, p.Choice.Text, p.Choice.Feedback)).ToList(),
        view.Scores);

    private static async Task<ScenarioDto> DtoAsync(Scenario scenario, EditScenario edit, CancellationToken cancellationToken)
    {
        var draft = scenario.DraftContent;
        var l = EnglishOnly.Instance;
        return new ScenarioDto(scenario.Id, scenario.Key, scenario.CaseId, (await edit.LatestAsync(scenario.Id, cancellationToken))?.Number, draft,
            ScenarioGraph.Validate(draft).Select(p => new GraphProblemDto(p.Kind.ToString(), p.Node, p.Message(l))).ToList());
    }

    /// <summary>JSON leaves a missing list or text null: the draft gets empty ones instead.</summary>
    private static ScenarioContent Normalised(ScenarioContent draft) => draft with
    {
        Title = draft.Title ?? LocalText.Empty,
        Intro = draft.Intro ?? LocalText.Empty,
        Competencies = draft.Competencies ?? [],
        Start = draft.Start ?? "",
        Nodes = (draft.Nodes ?? []).Select(n => n with
        {
            Text = n.Text ?? LocalText.Empty,
            Choices = (n.Choices ?? []).Select(c => c with
            {
                Text = c.Text ?? LocalText.Empty, Scores = c.Scores ?? new Dictionary<string, int>(), Feedback = c.Feedback ?? LocalText.Empty, Target = c.Target ?? "",
            }).ToList(),
        }).ToList(),
    };

    private static ValidationProblem Invalid(IEnumerable<EditScenario.Problem> problems) =>
        TypedResults.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

    private static ProblemHttpResult NotLinked() =>
        TypedResults.Problem("This account is not linked to an employee record.", statusCode: StatusCodes.Status403Forbidden, title: "No employee record");

    private static string Author(ClaimsPrincipal user) => user.Identity?.Name ?? "api";
}
