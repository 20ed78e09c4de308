using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Completions;

/// <summary>
/// Training's view of the practice scenarios a completion rule can require (ADR-061). Practice sits above Training
/// (ADR-033) and implements it, as Learning implements <c>IProgrammeCheckQuizzes</c>.
/// </summary>
public interface IProgrammeScenarios
{
    /// <summary>Published scenarios a training officer may choose, by title.</summary>
    Task<IReadOnlyList<(int Id, LocalText Title)>> ChoicesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// When (UTC) the employee first reached an ending of the scenario at or after <paramref name="sinceUtc"/> with at
    /// least <paramref name="minPercent"/> of the best possible in every competency — any ending when it is null; null
    /// when not (yet).
    /// </summary>
    Task<DateTime?> DoneAtAsync(int scenarioId, int employeeId, int? minPercent, DateTime sinceUtc, CancellationToken cancellationToken);
}
