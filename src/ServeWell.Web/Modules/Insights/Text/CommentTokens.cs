using System.Globalization;
using System.Text;

namespace ServeWell.Web.Modules.Insights.Text;

/// <summary>A word of a comment after analysis: <see cref="Key"/> is what is counted, <see cref="Surface"/> what is shown.</summary>
public readonly record struct Word(string Key, string Surface, string Language);

/// <summary>
/// Turns a comment into runs of content words. Text is normalised to NFKC (full-width letters and compatibility jamo
/// become ordinary ones) and lower-cased; words are runs of letters and digits (an apostrophe inside a word is
/// dropped, so "didn't" is "didnt"); a word with a Hangul syllable is Korean, any other English. Stop words,
/// numbers, single Latin letters and punctuation other than spaces end a run, so a phrase never spans them.
/// </summary>
public static class CommentTokens
{
    /// <summary>The comment's runs of consecutive content words; a phrase is two neighbours in one run.</summary>
    public static IReadOnlyList<IReadOnlyList<Word>> Runs(string text, IReadOnlySet<string>? extraStopWords = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var runs = new List<IReadOnlyList<Word>>();
        var run = new List<Word>();

        void EndRun()
        {
            if (run.Count > 0)
            {
                runs.Add(run);
                run = [];
            }
        }

        foreach (var (token, breakBefore) in RawTokens(Normalise(text)))
        {
            if (breakBefore)
            {
                EndRun();
            }

            var word = Analyse(token);
            if (word is null || (extraStopWords?.Contains(word.Value.Key) ?? false))
            {
                EndRun();
            }
            else
            {
                run.Add(word.Value);
            }
        }

        EndRun();
        return runs;
    }

    /// <summary>NFKC then lower case (invariant culture: no Turkish dotless i surprises). Hangul stays composed.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>True for a precomposed Hangul syllable (가..힣).</summary>
    public static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    private static Word? Analyse(string token)
    {
        if (token.Any(IsHangulSyllable))
        {
            var (stem, shown) = KoreanWords.Analyse(token);
            return KoreanWords.IsStopWord(stem) ? null : new Word(stem, shown, "ko");
        }

        if (token.Length < 2 || token.All(char.IsDigit) || EnglishWords.IsStopWord(token))
        {
            return null;
        }

        return new Word(EnglishWords.Stem(token), token, "en");
    }

    /// <summary>Each token with whether punctuation (anything but spaces) came between it and the previous one.</summary>
    private static IEnumerable<(string Token, bool BreakBefore)> RawTokens(string text)
    {
        var current = new StringBuilder();
        var pendingBreak = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            var apostrophe = c is '\'' or '\u2019';
            if (apostrophe && current.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                continue;
            }

            if (current.Length > 0)
            {
                yield return (current.ToString(), pendingBreak);
                current.Clear();
                pendingBreak = false;
            }

            if (!char.IsWhiteSpace(c))
            {
                pendingBreak = true;
            }
        }

        if (current.Length > 0)
        {
            yield return (current.ToString(), pendingBreak);
        }
    }
}
