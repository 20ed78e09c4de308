using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Programmes;

/// <summary>A programme as the API takes it (and as the page form is turned into). Not the entity.</summary>
public sealed class ProgrammeRequest
{
    /// <summary>{"en": "…", "ko": "…"}, at least one (ADR-030); a plain string is read in the request's language.</summary>
    public LocalText? Title { get; set; }

    public LocalText? Description { get; set; }

    /// <summary>Competency codes.</summary>
    public List<string>? Competencies { get; set; }

    /// <summary>InPerson, LiveOnline or Hybrid.</summary>
    public string? Delivery { get; set; }

    public List<InstructorRequest>? Instructors { get; set; }

    public decimal? Hours { get; set; }

    public bool Mandatory { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>Repeat every this many months; null or absent when taken once.</summary>
    public int? RecurrenceMonths { get; set; }

    public CompletionRequest? Completion { get; set; }

    /// <summary>The practice scenario <see cref="CompletionRequest.ScenarioPassed"/> asks for (ADR-061).</summary>
    public int? ScenarioId { get; set; }

    /// <summary>The share of the best possible (0–100) needed in every competency; null: playing to an ending is enough.</summary>
    public int? ScenarioMinPercent { get; set; }

    public AudienceRule? Audience { get; set; }
}

/// <summary>An internal instructor names an employee number; an external one a name, organisation and credentials.</summary>
public sealed class InstructorRequest
{
    /// <summary>Internal or External.</summary>
    public string? Kind { get; set; }

    public string? EmployeeNumber { get; set; }

    public string? Name { get; set; }

    public string? Organisation { get; set; }

    public string? Credentials { get; set; }
}

/// <summary>Attending is always required; these add to it.</summary>
public sealed class CompletionRequest
{
    public bool EvaluationSubmitted { get; set; }

    public bool KnowledgeCheckPassed { get; set; }

    /// <summary>The self-study course must be completed; always so for a self-study programme (ADR-042).</summary>
    public bool CourseCompleted { get; set; }

    /// <summary>The programme's practice scenario (<see cref="ProgrammeRequest.ScenarioId"/>) played to an ending (ADR-061).</summary>
    public bool ScenarioPassed { get; set; }
}

/// <summary>Creates or updates a programme; checks everything first and writes nothing when anything is wrong.</summary>
public sealed class SaveProgramme(
    ServeWellDbContext db, MatchAudience match, SyncProgrammeAudience sync, TimeProvider clock, IStringLocalizer<SharedResource> l, Completions.IProgrammeScenarios scenarios)
{
    public const int MaxRecurrenceMonths = 120;

    /// <summary><see cref="Field"/> is the request's JSON path ("instructors[1].employeeNumber").</summary>
    public sealed record Problem(string Field, string Message);

    public async Task<(Programme? Programme, IReadOnlyList<Problem> Problems)> SaveAsync(int? id, ProgrammeRequest request, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var title = LocalText.Of(request.Title?.En, request.Title?.Ko);
        var description = LocalText.Of(request.Description?.En, request.Description?.Ko);
        problems.AddRange(LocalTextRules.Check(title, "title", 200, l["Enter the title in Korean, in English or in both."], l).Select(p => new Problem(p.Field, p.Message)));
        problems.AddRange(LocalTextRules.Check(description, "description", 4000, null, l).Select(p => new Problem(p.Field, p.Message)));

        var delivery = NamedValue<Delivery>(request.Delivery);
        if (delivery is null)
        {
            problems.Add(new("delivery", l["Choose how it is delivered: InPerson, LiveOnline or Hybrid."]));
        }

        if (request.Hours is not { } hours || hours <= 0 || hours > 1000)
        {
            problems.Add(new("hours", l["Enter the hours, more than 0 and at most 1000."]));
        }

        if (request.RecurrenceMonths is < 1 or > MaxRecurrenceMonths)
        {
            problems.Add(new("recurrenceMonths", l["Repeat every 1 to {0} months, or leave it empty.", MaxRecurrenceMonths]));
        }

        var codes = (request.Competencies ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var competencies = await db.Competencies.Where(c => codes.Contains(c.Code)).ToListAsync(cancellationToken);
        problems.AddRange(codes.Except(competencies.Select(c => c.Code), StringComparer.Ordinal)
            .Select(c => new Problem("competencies", l["There is no competency with the code “{0}”.", c])));

        await CheckScenarioAsync(request, problems, cancellationToken);
        var instructors = new List<ProgrammeInstructor>();
        var requested = request.Instructors ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            var instructor = await InstructorAsync(requested[i], $"instructors[{i}]", i, problems, cancellationToken);
            if (instructor is not null)
            {
                instructors.Add(instructor);
            }
        }

        var audience = (request.Audience ?? new AudienceRule()).Normalised();
        problems.AddRange((await match.CheckAsync(audience, cancellationToken)).Select(p => new Problem("audience." + p.Field, p.Message)));

        var programme = id is null ? null
            : await db.Programmes.Include(p => p.Competencies).Include(p => p.Instructors).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (id is not null && programme is null)
        {
            problems.Add(new("", l["That programme does not exist."]));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var audienceChanged = programme is null || !AudienceRuleJson.Comparer.Equals(programme.Audience, audience);
        // A new programme is a draft: saving it enrols and mails nobody until it is published (PublishProgramme).
        programme ??= db.Programmes.Add(new Programme { Title = title, CreatedAt = now, State = ProgrammeState.Draft }).Entity;
        programme.Title = title;
        programme.Description = description;
        programme.Delivery = delivery!.Value;
        programme.Hours = request.Hours!.Value;
        programme.IsMandatory = request.Mandatory;
        programme.DueDate = request.DueDate;
        programme.RecurrenceMonths = request.RecurrenceMonths;
        programme.Completion = CompletionRules.For(programme.Delivery, request.Completion?.CourseCompleted == true)
            | (request.Completion?.EvaluationSubmitted == true ? CompletionRequirements.EvaluationSubmitted : 0)
            | (request.Completion?.KnowledgeCheckPassed == true ? CompletionRequirements.KnowledgeCheckPassed : 0);
        programme.Completion |= request.Completion?.ScenarioPassed == true ? CompletionRequirements.ScenarioPassed : 0;
        programme.ScenarioId = request.Completion?.ScenarioPassed == true ? request.ScenarioId : null;
        programme.ScenarioMinPercent = request.Completion?.ScenarioPassed == true ? request.ScenarioMinPercent : null;
        programme.Audience = audience;
        programme.UpdatedAt = now;
        programme.Competencies.Clear();
        programme.Competencies.AddRange(competencies.OrderBy(c => c.Id));
        programme.Instructors.Clear();
        programme.Instructors.AddRange(instructors);
        await db.SaveChangesAsync(cancellationToken);
        if (audienceChanged && programme.State == ProgrammeState.Published)
        {
            // A new or changed rule takes effect at once; the daily sync catches what changes under an unchanged rule.
            await sync.SyncAsync(programme.Id, EnrolmentReasons.ByRule, cancellationToken);
        }

        return (programme, problems);
    }

    /// <summary>A required scenario must be a published one, its minimum share 0–100 or empty (ADR-061).</summary>
    private async Task CheckScenarioAsync(ProgrammeRequest request, List<Problem> problems, CancellationToken cancellationToken)
    {
        if (request.Completion?.ScenarioPassed != true)
        {
            return;
        }

        if (request.ScenarioId is not { } scenarioId || !(await scenarios.ChoicesAsync(cancellationToken)).Any(s => s.Id == scenarioId))
        {
            problems.Add(new("scenarioId", l["Choose a published practice scenario, or untick the scenario."]));
        }

        if (request.ScenarioMinPercent is < 0 or > 100)
        {
            problems.Add(new("scenarioMinPercent", l["The minimum score is a share from 0 to 100, or empty when playing to an ending is enough."]));
        }
    }

    private async Task<ProgrammeInstructor?> InstructorAsync(InstructorRequest r, string path, int order, List<Problem> problems, CancellationToken cancellationToken)
    {
        if (NamedValue<InstructorKind>(r.Kind) is not { } kind)
        {
            problems.Add(new(path + ".kind", l["Choose Internal or External."]));
            return null;
        }

        if (kind == InstructorKind.Internal)
        {
            var number = r.EmployeeNumber?.Trim() ?? "";
            var employee = await db.Employees.AsNoTracking().Where(e => e.EmployeeNumber == number).Select(e => new { e.Id, e.Name }).FirstOrDefaultAsync(cancellationToken);
            if (employee is null)
            {
                problems.Add(new(path + ".employeeNumber", l["There is no employee with the number “{0}”.", number]));
                return null;
            }

            return new ProgrammeInstructor { Kind = kind, EmployeeId = employee.Id, Name = employee.Name, Order = order };
        }

        var name = r.Name?.Trim() ?? "";
        if (name.Length is 0 or > 120)
        {
            problems.Add(new(path + ".name", l["Enter the instructor's name (at most 120 characters)."]));
            return null;
        }

        if (r.Organisation?.Length > 200 || r.Credentials?.Length > 500)
        {
            problems.Add(new(path, l["The organisation takes at most 200 characters, the credentials 500."]));
            return null;
        }

        return new ProgrammeInstructor
        {
            Kind = kind, Name = name, Order = order,
            Organisation = string.IsNullOrWhiteSpace(r.Organisation) ? null : r.Organisation.Trim(),
            Credentials = string.IsNullOrWhiteSpace(r.Credentials) ? null : r.Credentials.Trim(),
        };
    }

    /// <summary>An enum value by its name only: "2" is not a delivery mode, though Enum.TryParse would accept it.</summary>
    private static T? NamedValue<T>(string? text)
        where T : struct, Enum =>
        text is { Length: > 0 } && char.IsLetter(text[0]) && Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
}
