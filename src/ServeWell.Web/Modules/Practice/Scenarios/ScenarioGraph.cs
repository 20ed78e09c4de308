using Microsoft.Extensions.Localization;

namespace ServeWell.Web.Modules.Practice.Scenarios;

public enum GraphProblemKind
{
    NoNodes,
    StartMissing,
    DuplicateKey,
    InvalidKey,
    MissingTarget,
    Unreachable,
    DeadEnd,
    LoopWithoutExit,
    NoWayToEnding,
    NoEnding,
    EmptyText,
    UnknownCompetency,
    ScoreOutOfRange,
}

/// <summary>What is wrong with a scenario's graph, named by the node it is found at (ADR-054).</summary>
public sealed record GraphProblem(GraphProblemKind Kind, string Node, string Detail = "")
{
    public string Message(IStringLocalizer l) => Kind switch
    {
        GraphProblemKind.NoNodes => l["The scenario has no nodes yet."],
        GraphProblemKind.StartMissing => l["The start node \"{0}\" does not exist.", Node],
        GraphProblemKind.DuplicateKey => l["Two nodes are named \"{0}\".", Node],
        GraphProblemKind.InvalidKey => l["Node \"{0}\": a name may hold only letters, digits, spaces, '-' and '_' (at most {1} characters).", Node, ScenarioContent.MaxKey],
        GraphProblemKind.MissingTarget => l["Node \"{0}\": the reply \"{1}\" leads to a node that does not exist.", Node, Detail],
        GraphProblemKind.Unreachable => l["Node \"{0}\" cannot be reached from the start.", Node],
        GraphProblemKind.DeadEnd => l["Node \"{0}\" is a dead end: it is not an ending and has no replies.", Node],
        GraphProblemKind.LoopWithoutExit => l["Nodes {0} form a loop with no way to an ending.", Detail],
        GraphProblemKind.NoWayToEnding => l["Node \"{0}\" leads only to dead ends or loops: no ending can be reached from it.", Node],
        GraphProblemKind.NoEnding => l["The scenario has no ending."],
        GraphProblemKind.EmptyText => l["Node \"{0}\" has no text in either language.", Node],
        GraphProblemKind.UnknownCompetency => l["Node \"{0}\": the reply \"{1}\" scores a competency the scenario does not list.", Node, Detail],
        GraphProblemKind.ScoreOutOfRange => l["Node \"{0}\": the reply \"{1}\" has a score outside {2} to +{3}.", Node, Detail, ScenarioContent.MinScore, ScenarioContent.MaxScore],
        _ => Kind.ToString(),
    };
}

/// <summary>
/// The checks publishing needs (ADR-054): every node reachable from the start, every non-ending node with a reply,
/// every reply leading somewhere, and an ending reachable from every node (a loop from which none is reachable is named
/// as a loop). Pure: the same content always gives the same problems, in node order.
/// </summary>
public static class ScenarioGraph
{
    public static IReadOnlyList<GraphProblem> Validate(ScenarioContent content)
    {
        var problems = new List<GraphProblem>();
        if (content.Nodes.Count == 0)
        {
            problems.Add(new GraphProblem(GraphProblemKind.NoNodes, ""));
            return problems;
        }

        foreach (var duplicate in content.Nodes.GroupBy(n => n.Key).Where(g => g.Count() > 1))
        {
            problems.Add(new GraphProblem(GraphProblemKind.DuplicateKey, duplicate.Key));
        }

        var byKey = content.Nodes.GroupBy(n => n.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (!byKey.ContainsKey(content.Start))
        {
            problems.Add(new GraphProblem(GraphProblemKind.StartMissing, content.Start));
        }

        var competencies = content.Competencies.ToHashSet(StringComparer.Ordinal);
        foreach (var node in content.Nodes)
        {
            NodeProblems(node, byKey, competencies, problems);
        }

        if (!content.Nodes.Any(n => n.IsEnding))
        {
            problems.Add(new GraphProblem(GraphProblemKind.NoEnding, ""));
        }

        var reachable = Reachable(content);
        problems.AddRange(content.Nodes.Where(n => !reachable.Contains(n.Key)).Select(n => new GraphProblem(GraphProblemKind.Unreachable, n.Key)));
        problems.AddRange(Traps(content, byKey));
        return problems;
    }

    private static void NodeProblems(ScenarioNode node, Dictionary<string, ScenarioNode> byKey, HashSet<string> competencies, List<GraphProblem> problems)
    {
        if (!ScenarioContent.IsValidKey(node.Key))
        {
            problems.Add(new GraphProblem(GraphProblemKind.InvalidKey, node.Key));
        }

        if (node.Text.IsEmpty)
        {
            problems.Add(new GraphProblem(GraphProblemKind.EmptyText, node.Key));
        }

        if (!node.IsEnding && node.Choices.Count == 0)
        {
            problems.Add(new GraphProblem(GraphProblemKind.DeadEnd, node.Key));
        }

        foreach (var choice in node.Choices)
        {
            var label = choice.Text.Both;
            if (!byKey.ContainsKey(choice.Target))
            {
                problems.Add(new GraphProblem(GraphProblemKind.MissingTarget, node.Key, label));
            }

            if (choice.Scores.Keys.Any(c => !competencies.Contains(c)))
            {
                problems.Add(new GraphProblem(GraphProblemKind.UnknownCompetency, node.Key, label));
            }

            if (choice.Scores.Values.Any(s => s is < ScenarioContent.MinScore or > ScenarioContent.MaxScore))
            {
                problems.Add(new GraphProblem(GraphProblemKind.ScoreOutOfRange, node.Key, label));
            }
        }
    }

    /// <summary>Nodes reachable from the start (none when the start is missing).</summary>
    public static HashSet<string> Reachable(ScenarioContent content) => ReachableFrom(content, content.Start);

    private static HashSet<string> ReachableFrom(ScenarioContent content, string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        if (content.Find(from) is not null)
        {
            seen.Add(from);
            queue.Enqueue(from);
        }

        while (queue.TryDequeue(out var key))
        {
            foreach (var target in Targets(content, key).Where(seen.Add))
            {
                queue.Enqueue(target);
            }
        }

        return seen;
    }

    private static IEnumerable<string> Targets(ScenarioContent content, string key) =>
        content.Find(key) is { } node ? node.Choices.Select(c => c.Target).Where(t => content.Find(t) is not null).Distinct() : [];

    /// <summary>
    /// Nodes from which no ending can be reached. Dead ends are reported on their own; a strongly connected set of such
    /// nodes is one loop without an exit; the rest lead only into those.
    /// </summary>
    private static IEnumerable<GraphProblem> Traps(ScenarioContent content, Dictionary<string, ScenarioNode> byKey)
    {
        var canEnd = new HashSet<string>(content.Nodes.Where(n => n.IsEnding).Select(n => n.Key), StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var node in content.Nodes.Where(n => !canEnd.Contains(n.Key)))
            {
                if (node.Choices.Any(c => canEnd.Contains(c.Target)))
                {
                    grew |= canEnd.Add(node.Key);
                }
            }
        }
        while (grew);

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in content.Nodes.Where(n => !canEnd.Contains(n.Key) && !reported.Contains(n.Key) && ReferenceEquals(byKey[n.Key], n)))
        {
            if (node.Choices.Count == 0)
            {
                continue; // a dead end, already reported
            }

            var forward = ReachableFrom(content, node.Key);
            var loop = forward.Where(k => ReachableFrom(content, k).Contains(node.Key)).ToList();
            var onCycle = loop.Count > 1 || node.Choices.Any(c => c.Target == node.Key);
            if (onCycle)
            {
                var members = content.Nodes.Select(n => n.Key).Where(loop.Contains).ToList();
                reported.UnionWith(members);
                yield return new GraphProblem(GraphProblemKind.LoopWithoutExit, members[0], string.Join(", ", members.Select(m => $"\"{m}\"")));
            }
            else
            {
                reported.Add(node.Key);
                yield return new GraphProblem(GraphProblemKind.NoWayToEnding, node.Key);
            }
        }
    }

    /// <summary>
    /// A layered layout: the column is the breadth-first depth from the start, the row the order within the column;
    /// nodes the start does not reach go in one last column.
    /// </summary>
    public static IReadOnlyDictionary<string, (int Column, int Row)> Layout(ScenarioContent content)
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        if (content.Find(content.Start) is not null)
        {
            depth[content.Start] = 0;
            queue.Enqueue(content.Start);
        }

        while (queue.TryDequeue(out var key))
        {
            foreach (var target in Targets(content, key).Where(t => !depth.ContainsKey(t)))
            {
                depth[target] = depth[key] + 1;
                queue.Enqueue(target);
            }
        }

        var lastColumn = depth.Count == 0 ? 0 : depth.Values.Max() + 1;
        var rows = new Dictionary<int, int>();
        var layout = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var node in content.Nodes.Where(n => !layout.ContainsKey(n.Key)).OrderBy(n => depth.GetValueOrDefault(n.Key, lastColumn)))
        {
            var column = depth.GetValueOrDefault(node.Key, lastColumn);
            var row = rows.GetValueOrDefault(column);
            rows[column] = row + 1;
            layout[node.Key] = (column, row);
        }

        return layout;
    }
}
