namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>
/// The minimum group size rule for figures about people (ADR-014): an employee's figures are shown only with at least
/// <see cref="Default"/> (configurable) answers, so no single citizen can be identified and no employee is judged on two
/// answers. When the group's total is shown and exactly one row is withheld, the total minus the others would reveal
/// it, so the next smallest row is withheld too.
/// </summary>
public static class MinimumGroupSize
{
    /// <summary>The default minimum; the setting is <c>City:MinimumGroupSize</c> (one for the whole app, ADR-029).</summary>
    public const int Default = 5;

    /// <summary>
    /// The keys whose figures must be withheld: every row with fewer than <paramref name="minimum"/> answers, plus, when
    /// <paramref name="totalShown"/> and that leaves exactly one withheld row with answers, the smallest other row with answers
    /// (ties: the first given). Rows with no answers have no figures to hide and are never counted as withheld.
    /// </summary>
    public static IReadOnlySet<TKey> Withheld<TKey>(IEnumerable<(TKey Key, long Answers)> rows, int minimum = Default, bool totalShown = true)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.Where(r => r.Answers > 0).ToList();
        var withheld = list.Where(r => r.Answers < minimum).Select(r => r.Key).ToHashSet();
        if (totalShown && withheld.Count == 1)
        {
            var others = list.Where(r => !withheld.Contains(r.Key)).ToList();
            if (others.Count > 0)
            {
                withheld.Add(others.MinBy(r => r.Answers).Key);
            }
        }

        return withheld;
    }

    /// <summary>True when a group of <paramref name="answers"/> may be shown.</summary>
    public static bool MayShow(long answers, int minimum = Default) => answers >= minimum;
}
