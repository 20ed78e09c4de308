namespace ServeWell.Web.Modules.Insights.Text;

/// <summary>
/// English stop words and a deliberately light stemmer: only plural endings are removed ("queues" → "queue",
/// "replies" → "reply"), so counted words stay recognisable and "waiting time" is not turned into "wait time".
/// </summary>
public static class EnglishWords
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "arent",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cant",
        "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "dont", "down", "during", "each", "even",
        "ever", "every", "few", "for", "from", "further", "get", "got", "had", "hadnt", "has", "hasnt", "have", "havent",
        "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "id", "if",
        "ill", "im", "in", "into", "is", "isnt", "it", "its", "itself", "ive", "just", "let", "lets", "like", "me",
        "more", "most", "much", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
        "or", "other", "our", "ours", "ourselves", "out", "over", "own", "quite", "rather", "really", "same", "she",
        "should", "shouldnt", "so", "some", "still", "such", "than", "that", "thats", "the", "their", "theirs", "them",
        "themselves", "then", "there", "theres", "these", "they", "theyre", "this", "those", "through", "to", "too",
        "under", "until", "up", "us", "very", "was", "wasnt", "we", "were", "werent", "weve", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "wont", "would", "wouldnt", "you", "youre", "your",
        "yours", "yourself", "yourselves", "yes", "ok", "okay", "far", "lot", "lots", "many", "way", "thanks", "thank", "please", "today", "yesterday",
    };

    /// <summary>True for a word too common to say anything (after normalisation, apostrophes dropped).</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>Removes a plural ending: -ies → -y, -es → -e (not -aes/-ees/-oes), -s → "" (not -us/-ss/-is).</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3)
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal) && !word.EndsWith("aies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("aes", StringComparison.Ordinal)
            && !word.EndsWith("ees", StringComparison.Ordinal) && !word.EndsWith("oes", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        if (word.EndsWith('s') && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }
}
