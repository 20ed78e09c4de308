using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>
/// What a learner sees after submitting (ADR-044, ADR-049), Moodle's review options as steps, each showing what the one
/// before shows and more: the score only; whether each question was right; and the right answer of each question
/// missed; and the feedback of the answers given and of the question. Stored by name, so the numbers are not an order.
/// </summary>
public enum QuizReview
{
    ScoreOnly = 0,
    RightOrWrong = 1,
    Feedback = 2,
    RightAnswers = 3,
}

public static class QuizReviews
{
    /// <summary>In the order the editor offers them, least shown first.</summary>
    public static readonly IReadOnlyList<QuizReview> InOrder = [QuizReview.ScoreOnly, QuizReview.RightOrWrong, QuizReview.RightAnswers, QuizReview.Feedback];

    public static bool ShowsWhetherRight(this QuizReview review) => review != QuizReview.ScoreOnly;

    public static bool ShowsRightAnswers(this QuizReview review) => review is QuizReview.RightAnswers or QuizReview.Feedback;

    public static bool ShowsFeedback(this QuizReview review) => review == QuizReview.Feedback;
}

/// <summary>
/// A quiz over the question bank (ADR-044): each attempt draws <see cref="QuizDraw.Count"/> questions at random from
/// each of its categories, options shuffled per attempt. Passing is a score of at least <see cref="PassPercent"/>.
/// </summary>
public sealed class Quiz
{
    public const int MaxTitle = 200;

    public int Id { get; private set; }

    public required LocalText Title { get; set; }

    /// <summary>The training officer who made it (account name); any officer may edit it.</summary>
    public required string Owner { get; set; }

    public int PassPercent { get; set; }

    /// <summary>Attempts an employee may start; null for no limit.</summary>
    public int? MaxAttempts { get; set; }

    public int? TimeLimitMinutes { get; set; }

    public QuizReview Review { get; set; }

    public bool ShuffleOptions { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>
    /// Set when an officer removed a quiz that learners had attempted (ADR-049): it is no longer offered or started, and
    /// its attempts and results are kept. A quiz nobody attempted is deleted instead.
    /// </summary>
    public DateTime? ArchivedAtUtc { get; set; }

    public List<QuizDraw> Draws { get; } = [];
}

/// <summary>N questions drawn at random from one bank category (its own questions, not its subcategories').</summary>
public sealed class QuizDraw
{
    public int Id { get; private set; }

    public int QuizId { get; set; }

    public int CategoryId { get; set; }

    public int Count { get; set; }
}

/// <summary>
/// One employee's attempt at a quiz. The questions drawn are frozen into its <see cref="QuizSlot"/>s at the start, so a
/// later edit of the bank or the quiz changes nothing about it. Open until <see cref="SubmittedAtUtc"/>.
/// </summary>
public sealed class QuizAttempt
{
    public long Id { get; private set; }

    public int QuizId { get; set; }

    public int EmployeeId { get; set; }

    /// <summary>1, 2, … per quiz and employee.</summary>
    public int Number { get; set; }

    public DateTime StartedAtUtc { get; set; }

    /// <summary>When the time limit ends (server time), null for an untimed quiz.</summary>
    public DateTime? DeadlineUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>True when the deadline closed it rather than the learner.</summary>
    public bool ClosedByDeadline { get; set; }

    /// <summary>Score as a percentage, 0..100, set on submission.</summary>
    public decimal? ScorePercent { get; set; }

    public bool? Passed { get; set; }

    /// <summary>Copied from the quiz at the start, as the questions are.</summary>
    public int PassPercent { get; set; }

    public QuizReview Review { get; set; }

    /// <summary>Open attempts carry the quiz id here, closed ones null: a unique index then allows one open attempt per learner.</summary>
    public int? OpenQuizId { get; set; }

    public List<QuizSlot> Slots { get; } = [];
}

/// <summary>One question of an attempt: the bank question as it was (JSON), the order its options are shown in, and the answer saved.</summary>
public sealed class QuizSlot
{
    public long Id { get; private set; }

    public long AttemptId { get; set; }

    /// <summary>1-based position in the attempt.</summary>
    public int Position { get; set; }

    /// <summary>The bank question it came from (for statistics); null once that question is deleted.</summary>
    public int? QuestionId { get; set; }

    /// <summary>The question frozen as <see cref="Bank.BankQuestion"/> JSON.</summary>
    public required string Question { get; set; }

    /// <summary>The option indexes in the order this attempt shows them (comma-separated).</summary>
    public required string OptionOrder { get; set; }

    /// <summary>The saved answer as <see cref="Bank.QuestionResponse"/> JSON; null while unanswered.</summary>
    public string? Response { get; set; }

    public DateTime? SavedAtUtc { get; set; }

    /// <summary>The mark 0..1 set at grading.</summary>
    public decimal? Fraction { get; set; }
}
