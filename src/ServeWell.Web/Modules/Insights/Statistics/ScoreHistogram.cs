namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>
/// How many answers gave each overall score 1..5: the shape a rollup row stores (ADR-014), from which every
/// satisfaction measure follows. Histograms of disjoint cells add up.
/// </summary>
public readonly record struct ScoreHistogram(long Ones, long Twos, long Threes, long Fours, long Fives)
{
    /// <summary>No answers.</summary>
    public static ScoreHistogram Empty => default;

    /// <summary>Answers counted.</summary>
    public long Count => Ones + Twos + Threes + Fours + Fives;

    /// <summary>Answers of 4 or 5.</summary>
    public long Satisfied => Fours + Fives;

    /// <summary>Answers of 1 or 2.</summary>
    public long Dissatisfied => Ones + Twos;

    /// <summary>The histogram of the given scores (each 1..5).</summary>
    public static ScoreHistogram Of(IEnumerable<int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var h = Empty;
        foreach (var score in scores)
        {
            h = h.Add(score);
        }

        return h;
    }

    /// <summary>This histogram with one more answer of <paramref name="score"/>.</summary>
    public ScoreHistogram Add(int score) => score switch
    {
        1 => this with { Ones = Ones + 1 },
        2 => this with { Twos = Twos + 1 },
        3 => this with { Threes = Threes + 1 },
        4 => this with { Fours = Fours + 1 },
        5 => this with { Fives = Fives + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "A score is 1..5."),
    };

    /// <summary>How many answers gave <paramref name="score"/> (1..5).</summary>
    public long this[int score] => score switch
    {
        1 => Ones,
        2 => Twos,
        3 => Threes,
        4 => Fours,
        5 => Fives,
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "A score is 1..5."),
    };

    public static ScoreHistogram operator +(ScoreHistogram a, ScoreHistogram b) =>
        new(a.Ones + b.Ones, a.Twos + b.Twos, a.Threes + b.Threes, a.Fours + b.Fours, a.Fives + b.Fives);

    /// <summary>The sum of the histograms (a period or a subtree made of several rollup cells).</summary>
    public static ScoreHistogram Sum(IEnumerable<ScoreHistogram> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return cells.Aggregate(Empty, (a, b) => a + b);
    }

    /// <summary>
    /// The 0–100 index of each answer, (score − 1) × 25, as count, sum and sum of squares, so the index can be
    /// compared between periods with Welch's test.
    /// </summary>
    public Moments IndexMoments()
    {
        double sum = 0, squares = 0;
        for (var score = 1; score <= 5; score++)
        {
            var value = SatisfactionMeasures.IndexOf(score);
            sum += this[score] * value;
            squares += this[score] * value * value;
        }

        return new Moments(Count, sum, squares);
    }

    /// <summary>Satisfaction, dissatisfaction and the index of these answers.</summary>
    public SatisfactionMeasures Measures() => SatisfactionMeasures.From(this);
}
