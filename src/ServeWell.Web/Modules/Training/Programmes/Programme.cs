using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Programmes;

public enum Delivery
{
    InPerson = 0,
    LiveOnline = 1,
    Hybrid = 2,

    /// <summary>A self-study course only, no sessions; completion is the course completed (ADR-042).</summary>
    SelfStudy = 3,

    /// <summary>Sessions and a self-study course ("read this before the session").</summary>
    Blended = 4,
}

/// <summary>
/// What an employee must do to have completed a programme; attending is part of it unless the programme is self-study,
/// and a self-study course completed is part of it for self-study (and, where chosen, blended) programmes (ADR-042).
/// </summary>
[Flags]
public enum CompletionRequirements
{
    Attended = 1,
    EvaluationSubmitted = 2,
    KnowledgeCheckPassed = 4,

    /// <summary>The programme's self-study course completed in the cycle (evidence in <c>self_study_completions</c>).</summary>
    CourseCompleted = 8,

    /// <summary>The programme's practice scenario played to an ending in the cycle, with at least the set score where one is set (ADR-061).</summary>
    ScenarioPassed = 16,
}

public enum InstructorKind
{
    /// <summary>One of the city's own employees (a senior official teaching from real cases).</summary>
    Internal = 0,

    /// <summary>An outside expert.</summary>
    External = 1,
}

/// <summary>
/// Whether a programme's audience is enrolled and invited yet: a draft enrols and mails nobody; a training officer
/// publishes it after a confirmation that names how many people will be invited (ADR-031). Published is 0 so that the
/// column's default makes every programme that existed before drafts published.
/// </summary>
public enum ProgrammeState
{
    Published = 0,
    Draft = 1,
}

/// <summary>A course in the customer-service programme: what it trains, how, for whom, and what counts as done.</summary>
public sealed class Programme : IAudited
{
    public int Id { get; private set; }

    /// <summary>Per language (ADR-030).</summary>
    public required LocalText Title { get; set; }

    public LocalText Description { get; set; } = LocalText.Empty;

    public Delivery Delivery { get; set; }

    public decimal Hours { get; set; }

    public bool IsMandatory { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>Repeat every this many months; null when the programme is taken once.</summary>
    public int? RecurrenceMonths { get; set; }

    public CompletionRequirements Completion { get; set; } = CompletionRequirements.Attended;

    /// <summary>The practice scenario <see cref="CompletionRequirements.ScenarioPassed"/> asks for (no foreign key: Practice is above Training, ADR-061).</summary>
    public int? ScenarioId { get; set; }

    /// <summary>The share of the best possible (0–100) needed in every competency; null when playing to an ending is enough.</summary>
    public int? ScenarioMinPercent { get; set; }

    public AudienceRule Audience { get; set; } = new();

    /// <summary>New programmes are drafts (SaveProgramme); a programme seeded or inserted directly is published.</summary>
    public ProgrammeState State { get; set; }

    public List<Competency> Competencies { get; } = [];

    public List<ProgrammeInstructor> Instructors { get; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    string IAudited.AuditKey => Title.Both;
}

/// <summary>Who teaches a programme: an employee (by id) or an outside expert (by name, organisation and credentials).</summary>
public sealed class ProgrammeInstructor
{
    public int Id { get; private set; }

    public int ProgrammeId { get; private set; }

    public InstructorKind Kind { get; set; }

    /// <summary>The employee, for an internal instructor.</summary>
    public int? EmployeeId { get; set; }

    /// <summary>The expert's name; for an internal instructor, the employee's name when assigned.</summary>
    public required string Name { get; set; }

    public string? Organisation { get; set; }

    public string? Credentials { get; set; }

    public int Order { get; set; }
}
