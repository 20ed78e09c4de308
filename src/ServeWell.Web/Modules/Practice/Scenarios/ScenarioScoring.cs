using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>
/// Scores finished attempts as the player's own page scores them (<see cref="ScenarioScore"/>), over the content of
/// the versions they were played on, for every reader that sums them: the employee's profile, the trainers' view per
/// office, Insights' figures per unit and the completion rule. One place, so the four cannot drift apart.
/// </summary>
public sealed class ScenarioScoring
{
    private readonly IReadOnlyDictionary<int, ScenarioContent> _contents;

    private ScenarioScoring(IReadOnlyDictionary<int, ScenarioContent> contents) => _contents = contents;

    /// <summary>Reads the content of each version once.</summary>
    public static async Task<ScenarioScoring> ForVersionsAsync(ServeWellDbContext db, IEnumerable<int> versionIds, CancellationToken cancellationToken)
    {
        var ids = versionIds.Distinct().ToList();
        var contents = ids.Count == 0
            ? []
            : (await db.ScenarioVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.Content }).ToListAsync(cancellationToken))
                .ToDictionary(v => v.Id, v => ScenarioContent.FromJson(v.Content));
        return new ScenarioScoring(contents);
    }

    /// <summary>The scores of the moves made on a version, in the order they were made.</summary>
    public IReadOnlyList<CompetencyScore> Score(int versionId, IEnumerable<ScenarioMoveInput> moves) => ScenarioScore.Of(_contents[versionId], moves);

    /// <summary>The scores of an attempt loaded with its moves.</summary>
    public IReadOnlyList<CompetencyScore> Score(ScenarioAttempt attempt) =>
        Score(attempt.ScenarioVersionId, attempt.Moves.OrderBy(m => m.Step).Select(m => new ScenarioMoveInput(m.Node, m.Choice)));

    /// <summary>
    /// For each group of attempts (one player's attempts at one scenario), the first attempt beside the latest, summed per
    /// competency over the groups; competencies in the order the first attempts meet them.
    /// </summary>
    public IReadOnlyList<ProfileRow> FirstAgainstLatest(IEnumerable<IEnumerable<ScenarioAttempt>> groups)
    {
        var list = groups.Select(g => g.ToList()).Where(g => g.Count > 0).ToList();
        var first = list.SelectMany(g => Score(g.MinBy(a => a.Number)!)).ToList();
        var latest = list.SelectMany(g => Score(g.MaxBy(a => a.Number)!)).ToList();
        return [.. first.Select(s => s.Competency).Distinct().Select(code => new ProfileRow(
            code,
            first.Where(s => s.Competency == code).Sum(s => s.Score),
            first.Where(s => s.Competency == code).Sum(s => s.Best),
            latest.Where(s => s.Competency == code).Sum(s => s.Score),
            latest.Where(s => s.Competency == code).Sum(s => s.Best)))];
    }
}
