using System.Globalization;
using System.Text;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>
/// The search terms of a text (ADR-053): every Hangul run becomes its overlapping bigrams (민원인이 → 민원, 원인, 인이), so
/// a word is found whatever particle is attached; a one-syllable run is kept whole; Latin words and numbers are
/// lower-cased whole words. The same function cuts the query, so "민원인" asks for 민원 and 원인.
/// </summary>
public static class CaseTerms
{
    public const int MaxTermLength = 40;

    /// <summary>A query term; <see cref="Prefix"/> for Latin words and single syllables ("complain" finds "complaints").</summary>
    public sealed record QueryTerm(string Term, bool Prefix);

    public static IEnumerable<string> Of(string text)
    {
        foreach (var (run, hangul) in Runs(text))
        {
            if (!hangul || run.Length == 1)
            {
                yield return run.Length > MaxTermLength ? run[..MaxTermLength] : run;
                continue;
            }

            for (var i = 0; i + 1 < run.Length; i++)
            {
                yield return run.Substring(i, 2);
            }
        }
    }

    /// <summary>The terms of a published case with their weights: a term in the title counts three times.</summary>
    public static IEnumerable<CaseTerm> OfCase(PracticeCase c)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, i) in c.Texts.Select((t, i) => (t, i)))
        {
            foreach (var term in Of(text.Ko).Concat(Of(text.En)))
            {
                weights[term] = Math.Min(weights.GetValueOrDefault(term) + (i == 0 ? 3 : 1), 1000);
            }
        }

        return weights.Select(w => new CaseTerm { CaseId = c.Id, Term = w.Key, Weight = w.Value });
    }

    public static IReadOnlyList<QueryTerm> OfQuery(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var terms = new List<QueryTerm>();
        foreach (var (run, hangul) in Runs(query))
        {
            if (hangul && run.Length > 1)
            {
                terms.AddRange(Enumerable.Range(0, run.Length - 1).Select(i => new QueryTerm(run.Substring(i, 2), false)));
            }
            else
            {
                terms.Add(new QueryTerm(run.Length > MaxTermLength ? run[..MaxTermLength] : run, true));
            }
        }

        return [.. terms.Distinct().Take(20)];
    }

    private static IEnumerable<(string Run, bool Hangul)> Runs(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var run = new StringBuilder();
        bool? hangul = null;
        foreach (var c in folded)
        {
            bool? kind = c is >= '가' and <= '힣' ? true : char.IsLetterOrDigit(c) ? false : null;
            if (kind != hangul && run.Length > 0)
            {
                yield return (run.ToString(), hangul == true);
                run.Clear();
            }

            hangul = kind;
            if (kind is not null)
            {
                run.Append(c);
            }
        }

        if (run.Length > 0)
        {
            yield return (run.ToString(), hangul == true);
        }
    }
}
