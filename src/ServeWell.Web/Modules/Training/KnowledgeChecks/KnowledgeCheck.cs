using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

/// <summary>Before or after the session: the same questions, so the difference shows what was learned (Kirkpatrick level 2).</summary>
public enum KnowledgePhase
{
    Pre = 0,
    Post = 1,
}

/// <summary>
/// A programme's knowledge check (ADR-048): the quiz of the question bank taken before and after the session
/// (<see cref="QuizId"/>, null for none). Checks written before ADR-048 held their own questions
/// (<see cref="Questions"/>, <see cref="PassMarkPercent"/>); the conversion turned them into a quiz and they are only read since.
/// </summary>
public sealed class KnowledgeCheck : IAudited
{
    public int Id { get; private set; }

    public int ProgrammeId { get; set; }

    /// <summary>The quiz taken as the check, before and after (ADR-048); the quiz's own pass mark applies.</summary>
    public int? QuizId { get; set; }

    /// <summary>The pass mark of a question set written before ADR-048; the converted quiz took it over.</summary>
    public int PassMarkPercent { get; set; } = 70;

    /// <summary>The question set written before ADR-048, kept as it was; the conversion copied it into the bank.</summary>
    public List<KnowledgeQuestion> Questions { get; } = [];

    public DateTime UpdatedAt { get; set; }

    string IAudited.AuditKey => $"programme {ProgrammeId}";
}

public sealed class KnowledgeQuestion
{
    public const int MaxOptions = 6;

    public int Id { get; private set; }

    public int KnowledgeCheckId { get; set; }

    public int Order { get; set; }

    /// <summary>The question, per language (ADR-030); the employee reads their language, else the other.</summary>
    public LocalText Text { get; set; } = LocalText.Empty;

    /// <summary>The options in the order shown, each per language; stored as one JSON array (see <see cref="KnowledgeOptionsJson"/>).</summary>
    public List<LocalText> Options { get; set; } = [];

    /// <summary>Index into <see cref="Options"/> of the one correct option.</summary>
    public int CorrectOption { get; set; }
}

/// <summary>One employee's answers before or after a session, scored when submitted.</summary>
public sealed class KnowledgeAttempt
{
    public int Id { get; private set; }

    public int ProgrammeId { get; set; }

    public int EmployeeId { get; set; }

    public int Cycle { get; set; }

    public KnowledgePhase Phase { get; set; }

    /// <summary>1 for the first try; a post check not passed may be taken again. Results count first tries only.</summary>
    public int Number { get; set; } = 1;

    /// <summary>The session attended, for an attempt after it; null before.</summary>
    public int? SessionId { get; set; }

    public int ScorePercent { get; set; }

    public bool Passed { get; set; }

    /// <summary>Per question: whether it was right (and on the old pages which option was chosen); stored as one JSON array.</summary>
    public List<KnowledgeAnswer> Answers { get; set; } = [];

    public DateTime SubmittedAtUtc { get; set; }

    /// <summary>The quiz attempt this row records (ADR-048); null for attempts made on the old question pages.</summary>
    public long? QuizAttemptId { get; set; }
}

/// <summary>
/// One question's answer. <see cref="QuestionId"/> is the bank question's id (old attempts were re-keyed by the
/// conversion, ADR-048); <see cref="Chosen"/> is the option index on the old pages and -1 for a quiz (its attempt holds the answer).
/// </summary>
public sealed record KnowledgeAnswer(int QuestionId, int Chosen, bool Correct);
