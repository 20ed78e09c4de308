namespace ServeWell.Web.Modules.Learning.Refreshers;

/// <summary>
/// A question an employee did not get fully right in a course's quizzes, in its Leitner box (ADR-050). The question is
/// frozen as the quiz attempt froze it, so a later edit of the bank changes nothing about what the refresher asks.
/// </summary>
public sealed class RefresherCard
{
    public long Id { get; private set; }

    public int EmployeeId { get; set; }

    public int CourseId { get; set; }

    /// <summary>The bank question it came from: with the employee and course, the card's key (one card per question).</summary>
    public int QuestionId { get; set; }

    /// <summary>The question as <see cref="Bank.BankQuestion"/> JSON.</summary>
    public required string Question { get; set; }

    /// <summary>1 to <see cref="LeitnerBoxes.Last"/> while the question is asked; kept as it was once the question left.</summary>
    public int Box { get; set; }

    /// <summary>The highest box the question reached: the officers' "reached the last box".</summary>
    public int HighestBox { get; set; }

    /// <summary>The city day from which it is asked.</summary>
    public DateOnly DueOn { get; set; }

    public DateOnly EnteredOn { get; set; }

    /// <summary>The city day it left the boxes (right in the last box); null while it is asked.</summary>
    public DateOnly? LeftOn { get; set; }
}

/// <summary>One answer to a refresher question: at most one per card and city day, and one per Idempotency-Key.</summary>
public sealed class RefresherAnswer
{
    public long Id { get; private set; }

    public long CardId { get; set; }

    public int EmployeeId { get; set; }

    public required string IdempotencyKey { get; set; }

    public DateOnly AnsweredOn { get; set; }

    public DateTime AnsweredAtUtc { get; set; }

    /// <summary>The answer as <see cref="Bank.QuestionResponse"/> JSON.</summary>
    public required string Response { get; set; }

    public decimal Fraction { get; set; }

    public int BoxBefore { get; set; }

    public int BoxAfter { get; set; }

    /// <summary>When it is asked next; null when the right answer took it out of the last box.</summary>
    public DateOnly? NextDueOn { get; set; }
}

/// <summary>A completed course attempt whose missed questions were entered in box 1: one row, so two nodes enter them once.</summary>
public sealed class RefresherIntake
{
    public int CourseAttemptId { get; set; }

    public int EmployeeId { get; set; }

    public int CourseId { get; set; }

    public int Missed { get; set; }

    public DateTime EnteredAtUtc { get; set; }
}

/// <summary>An employee's choice about refreshers; no row means they get them.</summary>
public sealed class RefresherChoice
{
    public int EmployeeId { get; set; }

    public bool OptedOut { get; set; }

    public DateTime ChangedAtUtc { get; set; }
}
