namespace ServeWell.Web.Modules.Insights.Text;

/// <summary>A comment (already redacted by the intake) and the answer it belongs to.</summary>
public sealed record Comment(long AnswerId, string Text);

/// <summary>Choices for <see cref="CommentTerms.Rank"/>.</summary>
public sealed record CommentTermOptions
{
    /// <summary>A term is reported only when at least this many dissatisfied comments contain it (default 3).</summary>
    public int MinimumDocumentFrequency { get; init; } = 3;

    /// <summary>At most this many terms are returned (default 30).</summary>
    public int MaxTerms { get; init; } = 30;

    /// <summary>Example answers per term (default 3).</summary>
    public int MaxExamples { get; init; } = 3;

    /// <summary>
    /// Strength of the informative Dirichlet prior as a multiple of the pooled counts (default 1: each term's prior is
    /// its count in both groups together). Larger values pull every term further toward "no difference".
    /// </summary>
    public double PriorScale { get; init; } = 1;

    /// <summary>Further words to ignore, after normalisation and stemming (e.g. the intake's redaction placeholder).</summary>
    public IReadOnlySet<string>? ExtraStopWords { get; init; }
}

/// <summary>A word or two-word phrase over-represented in dissatisfied comments.</summary>
/// <param name="Term">The word or phrase as shown: its commonest written form, a Korean noun without its particle (<see cref="KoreanWords.Surface"/>).</param>
/// <param name="Language">"ko" or "en", by script.</param>
/// <param name="IsPhrase">True for a two-word phrase.</param>
/// <param name="DissatisfiedComments">Dissatisfied comments containing it.</param>
/// <param name="SatisfiedComments">Satisfied comments containing it.</param>
/// <param name="Score">Under <see cref="TermRankingMethod.WeightedLogOdds"/> the z-score of the weighted log-odds ratio (dissatisfied against satisfied; above ~2 is clear); under <see cref="TermRankingMethod.Frequency"/> the share of dissatisfied comments containing the term.</param>
/// <param name="ExampleAnswerIds">Up to <see cref="CommentTermOptions.MaxExamples"/> dissatisfied answers using it, in input order, each with a different comment.</param>
public sealed record CommentTerm(
    string Term,
    string Language,
    bool IsPhrase,
    int DissatisfiedComments,
    int SatisfiedComments,
    double Score,
    IReadOnlyList<long> ExampleAnswerIds);

/// <summary>How the terms were ranked; the page says which.</summary>
public enum TermRankingMethod
{
    /// <summary>Weighted log-odds ratio with an informative Dirichlet prior, dissatisfied against satisfied comments.</summary>
    WeightedLogOdds,

    /// <summary>Plain frequency among dissatisfied comments: there were no satisfied comments to compare with.</summary>
    Frequency,
}

/// <summary>The ranked terms, strongest first, and how they were ranked.</summary>
public sealed record CommentTermRanking(TermRankingMethod Method, IReadOnlyList<CommentTerm> Terms);

/// <summary>
/// What unhappy citizens write about: words and two-word phrases that dissatisfied comments (answers 1–2) use more than
/// satisfied ones (4–5), in Korean and English, with no outside service. Counts are of comments, not occurrences, so one
/// long complaint cannot dominate. Terms are ranked by the weighted log-odds ratio with an informative Dirichlet prior
/// (Monroe, Colaresi &amp; Quinn 2008): with yᵢ, yⱼ the term's counts, nᵢ, nⱼ the groups' totals, prior αw = s·(yᵢ+yⱼ) and
/// α0 = s·(nᵢ+nⱼ), δ = ln((yᵢ+αw)/(nᵢ+α0−yᵢ−αw)) − ln((yⱼ+αw)/(nⱼ+α0−yⱼ−αw)), σ² ≈ 1/(yᵢ+αw) + 1/(yⱼ+αw), score δ/σ.
/// The prior keeps rare terms from topping the list on a count of one and the z-score favours terms seen often.
/// A word is left out when a reported phrase containing it occurs in exactly the same dissatisfied comments.
/// Without satisfied comments there is nothing to compare with (every term's log-odds is 0), so the terms are ranked by
/// how many dissatisfied comments use them and <see cref="CommentTermRanking.Method"/> says so; a caller with a small
/// scope can pass the satisfied comments of a wider one (the city in the same period) as the baseline instead.
/// </summary>
public static class CommentTerms
{
    /// <summary>The terms over-represented in <paramref name="dissatisfied"/> relative to <paramref name="satisfied"/>, strongest first.</summary>
    public static CommentTermRanking Rank(IEnumerable<Comment> dissatisfied, IEnumerable<Comment> satisfied, CommentTermOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dissatisfied);
        ArgumentNullException.ThrowIfNull(satisfied);
        options ??= new CommentTermOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PriorScale);

        var stats = new Dictionary<string, TermStats>(StringComparer.Ordinal);
        var (unhappyTotal, happyTotal, unhappyComments) = (0L, 0L, 0);
        foreach (var comment in dissatisfied)
        {
            unhappyTotal += Count(comment, stats, options, unhappy: true);
            unhappyComments++;
        }

        foreach (var comment in satisfied)
        {
            happyTotal += Count(comment, stats, options, unhappy: false);
        }

        var scale = options.PriorScale;
        var alpha0 = scale * (unhappyTotal + happyTotal);
        var method = happyTotal == 0 ? TermRankingMethod.Frequency : TermRankingMethod.WeightedLogOdds;
        Func<TermStats, double> score = method == TermRankingMethod.Frequency
            ? t => (double)t.Unhappy / unhappyComments
            : t => Score(t, unhappyTotal, happyTotal, scale, alpha0);
        var candidates = stats
            .Where(p => p.Value.Unhappy >= Math.Max(1, options.MinimumDocumentFrequency))
            .Select(p => (Key: p.Key, Stats: p.Value, Score: score(p.Value)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Stats.Unhappy)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();

        // (word, dissatisfied count) of every word inside a reported phrase: such a word adds nothing beside the phrase.
        var covered = candidates
            .Where(c => c.Stats.IsPhrase)
            .SelectMany(c => c.Stats.Parts.Select(part => (part, c.Stats.Unhappy)))
            .ToHashSet();
        var terms = candidates
            .Where(c => c.Stats.IsPhrase || !covered.Contains((c.Key, c.Stats.Unhappy)))
            .Take(Math.Max(0, options.MaxTerms))
            .Select(c => new CommentTerm(
                c.Stats.Display(),
                c.Stats.Language,
                c.Stats.IsPhrase,
                c.Stats.Unhappy,
                c.Stats.Happy,
                c.Score,
                c.Stats.Examples))
            .ToList();
        return new CommentTermRanking(method, terms);
    }

    private static double Score(TermStats term, long unhappyTotal, long happyTotal, double scale, double alpha0)
    {
        var alpha = scale * (term.Unhappy + term.Happy);
        // Guards against a corpus of a single term, where n + α0 − y − α is 0 in both groups.
        var unhappyOdds = (term.Unhappy + alpha) / Math.Max(unhappyTotal + alpha0 - term.Unhappy - alpha, 1e-9);
        var happyOdds = (term.Happy + alpha) / Math.Max(happyTotal + alpha0 - term.Happy - alpha, 1e-9);
        var delta = Math.Log(unhappyOdds) - Math.Log(happyOdds);
        var variance = (1 / (term.Unhappy + alpha)) + (1 / (term.Happy + alpha));
        return delta / Math.Sqrt(variance);
    }

    /// <summary>Counts each distinct term of the comment once; returns how many distinct terms it had.</summary>
    private static int Count(Comment comment, Dictionary<string, TermStats> stats, CommentTermOptions options, bool unhappy)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in CommentTokens.Runs(comment.Text ?? string.Empty, options.ExtraStopWords))
        {
            for (var i = 0; i < run.Count; i++)
            {
                Tally(run[i].Key, run[i].Surface, run[i].Language, null);
                // "rude rude" is emphasis, not a phrase.
                if (i + 1 < run.Count && !string.Equals(run[i].Key, run[i + 1].Key, StringComparison.Ordinal))
                {
                    var key = run[i].Key + " " + run[i + 1].Key;
                    Tally(key, run[i].Surface + " " + run[i + 1].Surface, run[i].Language, [run[i].Key, run[i + 1].Key]);
                }
            }
        }

        return seen.Count;

        void Tally(string key, string surface, string language, string[]? parts)
        {
            if (!stats.TryGetValue(key, out var term))
            {
                term = new TermStats(language, parts ?? []);
                stats[key] = term;
            }

            term.Surfaces[surface] = term.Surfaces.GetValueOrDefault(surface) + 1;
            if (!seen.Add(key))
            {
                return;
            }

            if (!unhappy)
            {
                term.Happy++;
                return;
            }

            term.Unhappy++;
            // Examples are different comments: the same words sent twice (a form re-sent, a stock phrase) show once.
            if (term.Examples.Count < options.MaxExamples && term.ExampleTexts.Add(CommentTokens.Normalise(comment.Text ?? "").Trim()))
            {
                term.Examples.Add(comment.AnswerId);
            }
        }
    }

    private sealed class TermStats(string language, string[] parts)
    {
        public string Language { get; } = language;

        public string[] Parts { get; } = parts;

        public bool IsPhrase => Parts.Length > 0;

        public int Unhappy { get; set; }

        public int Happy { get; set; }

        public List<long> Examples { get; } = [];

        public HashSet<string> ExampleTexts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Surfaces { get; } = new(StringComparer.Ordinal);

        public string Display() => Surfaces
            .OrderByDescending(s => s.Value)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .First().Key;
    }
}
