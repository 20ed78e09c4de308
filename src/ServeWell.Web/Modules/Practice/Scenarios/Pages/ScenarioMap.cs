using System.Globalization;

namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

/// <summary>How a node is marked on the map: by shape, pattern and a word, never by colour alone (ADR-061).</summary>
public enum MapMark
{
    None,
    Ending,
    Unreachable,
    DeadEnd,
    Loop,
}

public sealed record MapBox(ScenarioNode Node, int Index, double X, double Y, MapMark Mark)
{
    /// <summary>The key as it fits in a box; the full key is in the text list beside the map.</summary>
    public string Label => Node.Key.Length > 16 ? Node.Key[..15] + "…" : Node.Key;
}

public sealed record MapArrow(string Path);

/// <summary>
/// The map of a scenario's graph drawn on the server (ADR-061): <see cref="ScenarioGraph.Layout"/> gives columns (depth
/// from the start) and rows; replies are arrows, a reply back to an earlier column bends below the boxes. The graph's
/// problems mark the nodes they are found at.
/// </summary>
public sealed class ScenarioMap
{
    public const double BoxWidth = 136;
    public const double BoxHeight = 48;
    private const double ColumnGap = 56;
    private const double RowGap = 28;
    private const double Margin = 16;

    public ScenarioMap(ScenarioContent content, IReadOnlyList<GraphProblem> problems)
    {
        var layout = ScenarioGraph.Layout(content);
        var loops = problems.Where(p => p.Kind == GraphProblemKind.LoopWithoutExit)
            .SelectMany(p => content.Nodes.Where(n => p.Detail.Contains($"\"{n.Key}\"", StringComparison.Ordinal)).Select(n => n.Key)).ToHashSet();
        var dead = problems.Where(p => p.Kind is GraphProblemKind.DeadEnd or GraphProblemKind.NoWayToEnding).Select(p => p.Node).ToHashSet();
        var unreachable = problems.Where(p => p.Kind == GraphProblemKind.Unreachable).Select(p => p.Node).ToHashSet();
        var boxes = new List<MapBox>();
        foreach (var (node, index) in content.Nodes.Select((n, i) => (n, i)))
        {
            if (!layout.TryGetValue(node.Key, out var place) || boxes.Any(b => b.Node.Key == node.Key))
            {
                continue;
            }

            var mark = node.IsEnding ? MapMark.Ending
                : unreachable.Contains(node.Key) ? MapMark.Unreachable
                : loops.Contains(node.Key) ? MapMark.Loop
                : dead.Contains(node.Key) ? MapMark.DeadEnd
                : MapMark.None;
            boxes.Add(new MapBox(node, index, Margin + place.Column * (BoxWidth + ColumnGap), Margin + place.Row * (BoxHeight + RowGap), mark));
        }

        Boxes = boxes;
        var byKey = boxes.ToDictionary(b => b.Node.Key, StringComparer.Ordinal);
        var arrows = new List<MapArrow>();
        foreach (var from in boxes)
        {
            foreach (var target in from.Node.Choices.Select(c => c.Target).Distinct())
            {
                if (byKey.TryGetValue(target, out var to))
                {
                    arrows.Add(new MapArrow(PathOf(from, to)));
                }
            }
        }

        Arrows = arrows;
        Width = boxes.Count == 0 ? 200 : boxes.Max(b => b.X) + BoxWidth + Margin;
        Height = boxes.Count == 0 ? 60 : boxes.Max(b => b.Y) + BoxHeight + Margin + RowGap;
    }

    public IReadOnlyList<MapBox> Boxes { get; }

    public IReadOnlyList<MapArrow> Arrows { get; }

    public double Width { get; }

    public double Height { get; }

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string PathOf(MapBox from, MapBox to)
    {
        if (to.X > from.X)
        {
            var (x1, y1, x2, y2) = (from.X + BoxWidth, from.Y + BoxHeight / 2, to.X - 4, to.Y + BoxHeight / 2);
            var mid = (x1 + x2) / 2;
            return $"M{N(x1)},{N(y1)} C{N(mid)},{N(y1)} {N(mid)},{N(y2)} {N(x2)},{N(y2)}";
        }

        // Back to the same or an earlier column (a loop): leave from the bottom, come in from the bottom.
        var (bx1, by1, bx2, by2) = (from.X + BoxWidth / 2, from.Y + BoxHeight, to.X + BoxWidth / 2 + 10, to.Y + BoxHeight + 4);
        var low = Math.Max(by1, by2) + RowGap - 6;
        return $"M{N(bx1)},{N(by1)} C{N(bx1)},{N(low)} {N(bx2)},{N(low)} {N(bx2)},{N(by2)}";
    }
}

/// <summary>The model of the <c>_ScenarioMap</c> partial.</summary>
public sealed record ScenarioMapView(int ScenarioId, ScenarioMap Map);
