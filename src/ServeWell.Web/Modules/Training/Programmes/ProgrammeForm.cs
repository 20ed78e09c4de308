using System.ComponentModel.DataAnnotations;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Programmes;

/// <summary>What a training officer types for a programme. Turned into a <see cref="ProgrammeRequest"/>, so the page and the API share one set of checks.</summary>
public sealed class ProgrammeForm
{
    /// <summary>Empty instructor rows offered below the filled ones, so a form without JavaScript can add people.</summary>
    public const int SpareInstructorRows = 2;

    /// <summary>Per language (ADR-030); checked by <see cref="SaveProgramme"/>, which the API shares.</summary>
    public LocalTextForm Title { get; set; } = new();

    public LocalTextForm Description { get; set; } = new();

    public List<string> Competencies { get; set; } = [];

    public Delivery Delivery { get; set; }

    public decimal? Hours { get; set; }

    public bool Mandatory { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>Empty when the programme is taken once.</summary>
    public int? RecurrenceMonths { get; set; }

    public bool RequireEvaluation { get; set; }

    public bool RequireKnowledgeCheck { get; set; }

    public bool RequireCourse { get; set; }

    /// <summary>A practice scenario played to an ending (ADR-061): which one, and the share of the best needed per competency (empty: played is enough).</summary>
    public bool RequireScenario { get; set; }

    public int? ScenarioId { get; set; }

    public int? ScenarioMinPercent { get; set; }

    public List<InstructorForm> Instructors { get; set; } = [];

    public AudienceForm Audience { get; set; } = new();

    public ProgrammeRequest ToRequest() => new()
    {
        Title = Title.ToText(),
        Description = Description.ToText(),
        Competencies = Competencies,
        Delivery = Delivery.ToString(),
        Hours = Hours,
        Mandatory = Mandatory,
        DueDate = DueDate,
        RecurrenceMonths = RecurrenceMonths,
        Completion = new CompletionRequest { EvaluationSubmitted = RequireEvaluation, KnowledgeCheckPassed = RequireKnowledgeCheck, CourseCompleted = RequireCourse, ScenarioPassed = RequireScenario },
        ScenarioId = ScenarioId,
        ScenarioMinPercent = ScenarioMinPercent,
        Instructors = Instructors.Where(i => !i.IsBlank).Select(i => new InstructorRequest
        {
            Kind = i.Kind.ToString(), EmployeeNumber = i.EmployeeNumber, Name = i.Name, Organisation = i.Organisation, Credentials = i.Credentials,
        }).ToList(),
        Audience = Audience.ToRule(),
    };

    public static ProgrammeForm From(Programme p, IReadOnlyDictionary<int, string> employeeNumbers) => new()
    {
        Title = LocalTextForm.From(p.Title),
        Description = LocalTextForm.From(p.Description),
        Competencies = p.Competencies.Select(c => c.Code).ToList(),
        Delivery = p.Delivery,
        Hours = p.Hours,
        Mandatory = p.IsMandatory,
        DueDate = p.DueDate,
        RecurrenceMonths = p.RecurrenceMonths,
        RequireEvaluation = p.Completion.HasFlag(CompletionRequirements.EvaluationSubmitted),
        RequireKnowledgeCheck = p.Completion.HasFlag(CompletionRequirements.KnowledgeCheckPassed),
        RequireCourse = p.Completion.HasFlag(CompletionRequirements.CourseCompleted),
        RequireScenario = p.Completion.HasFlag(CompletionRequirements.ScenarioPassed),
        ScenarioId = p.ScenarioId,
        ScenarioMinPercent = p.ScenarioMinPercent,
        Instructors = p.Instructors.OrderBy(i => i.Order).Select(i => new InstructorForm
        {
            Kind = i.Kind,
            EmployeeNumber = i.EmployeeId is { } e && employeeNumbers.TryGetValue(e, out var n) ? n : null,
            Name = i.Kind == InstructorKind.External ? i.Name : null,
            Organisation = i.Organisation,
            Credentials = i.Credentials,
        }).ToList(),
        Audience = AudienceForm.From(p.Audience),
    };

    /// <summary>Pads the instructor rows with empty ones (after a load or a failed save).</summary>
    public void AddSpareInstructorRows()
    {
        Instructors.RemoveAll(i => i.IsBlank);
        for (var i = 0; i < SpareInstructorRows; i++)
        {
            Instructors.Add(new InstructorForm());
        }
    }
}

public sealed class InstructorForm
{
    public InstructorKind Kind { get; set; } = InstructorKind.External;

    public string? EmployeeNumber { get; set; }

    public string? Name { get; set; }

    public string? Organisation { get; set; }

    public string? Credentials { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(EmployeeNumber) && string.IsNullOrWhiteSpace(Name)
        && string.IsNullOrWhiteSpace(Organisation) && string.IsNullOrWhiteSpace(Credentials);
}
