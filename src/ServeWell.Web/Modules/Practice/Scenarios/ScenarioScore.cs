namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>A choice made at a node: the node's key and the reply's position among its replies.</summary>
public sealed record ScenarioMoveInput(string Node, int Choice);

/// <summary>One competency's score on a path, beside the best the same nodes allowed.</summary>
public sealed record CompetencyScore(string Competency, int Score, int Best)
{
    /// <summary>The score as a share of the best possible, 0–100; a path that could not earn anything counts as full.</summary>
    public int Percent => Best <= 0 ? (Score >= Best ? 100 : 0) : Math.Clamp((int)Math.Round(100.0 * Score / Best), 0, 100);
}

/// <summary>
/// Scoring per competency (ADR-054): the sum of the chosen replies' scores, against the best possible on that path — at
/// every node visited, the reply that scored highest for that competency. So a learner who took a short path is measured
/// on the decisions they actually faced.
/// </summary>
public static class ScenarioScore
{
    public static IReadOnlyList<CompetencyScore> Of(ScenarioContent content, IEnumerable<ScenarioMoveInput> moves)
    {
        var taken = moves.Select(m => (Node: content.Find(m.Node), m.Choice))
            .Where(m => m.Node is not null && m.Choice >= 0 && m.Choice < m.Node.Choices.Count).ToList();
        return content.Competencies.Select(code => new CompetencyScore(
            code,
            taken.Sum(m => m.Node!.Choices[m.Choice].ScoreFor(code)),
            taken.Sum(m => m.Node!.Choices.Max(c => c.ScoreFor(code))))).ToList();
    }
}
