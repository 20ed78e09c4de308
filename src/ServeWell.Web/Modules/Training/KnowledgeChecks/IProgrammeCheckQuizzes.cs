using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

/// <summary>A question a programme's check may ask, as the results page names it.</summary>
public sealed record CheckQuestion(int Id, LocalText Text);

/// <summary>A quiz as Training sees it: its title, pass mark, attempt limit and the questions it draws from.</summary>
public sealed record CheckQuiz(int Id, LocalText Title, int PassPercent, int? MaxAttempts, int QuestionsPerAttempt, IReadOnlyList<CheckQuestion> Questions);

/// <summary>
/// The quizzes a programme's knowledge check can be (ADR-048). Declared here, implemented by Learning, which owns the
/// question bank and the quizzes (ADR-033: Training never uses Learning). Learning records each submitted attempt at a
/// check's quiz into Training's ledger through <see cref="TakeKnowledgeCheck.RecordAsync"/>.
/// </summary>
public interface IProgrammeCheckQuizzes
{
    /// <summary>The quiz, or null when there is none with that id.</summary>
    Task<CheckQuiz?> FindAsync(int quizId, CancellationToken cancellationToken);

    /// <summary>Every quiz a training officer may choose, by title.</summary>
    Task<IReadOnlyList<(int Id, LocalText Title)>> ChoicesAsync(CancellationToken cancellationToken);

    /// <summary>Where the employee takes the programme's check in a phase.</summary>
    string TakeUrl(int programmeId, KnowledgePhase phase);

    /// <summary>Where an officer edits the quiz.</summary>
    string EditUrl(int quizId);

    /// <summary>Where an officer makes a new quiz for the programme from bank categories.</summary>
    string NewQuizUrl(int programmeId);
}
