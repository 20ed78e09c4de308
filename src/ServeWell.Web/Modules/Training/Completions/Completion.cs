namespace ServeWell.Web.Modules.Training.Completions;

/// <summary>
/// An employee completed a programme in one of its cycles: attended and met the programme's other requirements.
/// Kept for ever: a new cycle of a recurring programme adds completions beside the earlier ones (ADR-010).
/// </summary>
public sealed class Completion
{
    public int Id { get; private set; }

    public int ProgrammeId { get; set; }

    public int EmployeeId { get; set; }

    public int EnrolmentId { get; set; }

    /// <summary>The programme cycle (1 for a programme taken once) this completion counts for.</summary>
    public int Cycle { get; set; }

    /// <summary>The session attended, where known.</summary>
    public int? SessionId { get; set; }

    /// <summary>The city's date of <see cref="CompletedAtUtc"/>: the day the person completed, not the day it was recorded (ADR-029).</summary>
    public DateOnly CompletedOn { get; set; }

    /// <summary>
    /// The instant of the completing event (attendance, evaluation or passed knowledge check, whichever came last).
    /// Null only on rows written before ADR-029 until <see cref="CompletionDating.RedateRecordedRowsAsync"/> re-dates them.
    /// </summary>
    public DateTime? CompletedAtUtc { get; set; }

    /// <summary>When the system recorded the completion.</summary>
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>
/// One round of a programme: from <see cref="StartsOn"/>, due by <see cref="DueOn"/>. A programme taken once has
/// cycle 1 only; one with <c>RecurrenceMonths</c> opens the next cycle that many months after this one started.
/// </summary>
public sealed class ProgrammeCycle
{
    public int Id { get; private set; }

    public int ProgrammeId { get; set; }

    public int Number { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateTime OpenedAtUtc { get; set; }
}
