using System.Text;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>
/// Writes the bank as GIFT that Moodle imports (ADR-041): a <c>$CATEGORY:</c> before each category's questions, every
/// question named, special characters escaped, texts in two languages as Moodle multi-language spans. Ordering uses
/// the syntax of Moodle's ordering type (<c>{&gt;N ALL VERTICAL ABSOLUTE_POSITION</c>, one item a line). Flags GIFT has
/// no syntax for (case-sensitive short answers, unshuffled answers) go in a comment Moodle ignores and ServeWell reads.
/// </summary>
public static class GiftWriter
{
    public static string Write(BankFile file, string language)
    {
        var gift = new StringBuilder();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in file.Categories.Concat(file.Questions.Select(q => q.Category)))
        {
            var key = Path(path, language);
            if (!written.Add(key))
            {
                continue;
            }

            gift.Append("$CATEGORY: ").Append(key.ReplaceLineEndings(" ")).Append("\n\n");
            foreach (var question in file.Questions.Where(q => Path(q.Category, language) == key))
            {
                Question(gift, question, language);
            }
        }

        foreach (var question in file.Questions.Where(q => q.Category.Count == 0))
        {
            Question(gift, question, language);
        }

        return gift.ToString();
    }

    /// <summary>A category as Moodle writes its path: "$course$/top/Complaints/Phone", a "/" inside a name doubled.</summary>
    public static string Path(IReadOnlyList<LocalText> category, string language) =>
        category.Count == 0 ? "" : "$course$/top/" + string.Join("/", category.Select(c => Multilang.Write(c, language).Replace("/", "//", StringComparison.Ordinal)));

    private static void Question(StringBuilder gift, BankQuestion q, string language)
    {
        var flags = new List<string>();
        if (q.CaseSensitive) flags.Add("case-sensitive");
        if (!q.Shuffle) flags.Add("no-shuffle");
        if (flags.Count > 0)
        {
            gift.Append(GiftReader.FlagsComment).Append(' ').Append(string.Join(", ", flags)).Append('\n');
        }

        string T(LocalText text) => Escape(Multilang.Write(text, language));
        gift.Append("::").Append(Escape(q.Name)).Append("::");
        gift.Append('[').Append(q.Format.ToString().ToLowerInvariant()).Append(']');
        gift.Append(T(q.Text)).Append(" {");
        string Feedback(LocalText feedback) => feedback.IsEmpty ? "" : " #" + T(feedback);
        switch (q.Type)
        {
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                foreach (var o in q.Options)
                {
                    gift.Append("\n\t");
                    gift.Append(q.Type == QuestionType.SingleChoice && o.Fraction == 1m ? "=" : o.Fraction == 0m ? "~" : "~%" + BankRules.Percent(o.Fraction) + "%");
                    gift.Append(T(o.Text)).Append(Feedback(o.Feedback));
                }

                gift.Append('\n');
                break;
            case QuestionType.TrueFalse:
                var isTrue = q.Options[0].Fraction == 1m;
                var right = isTrue ? q.Options[0] : q.Options[1];
                var wrong = isTrue ? q.Options[1] : q.Options[0];
                gift.Append(isTrue ? "TRUE" : "FALSE");
                if (!right.Feedback.IsEmpty || !wrong.Feedback.IsEmpty)
                {
                    gift.Append('#').Append(T(wrong.Feedback)).Append('#').Append(T(right.Feedback));
                }

                break;
            case QuestionType.ShortAnswer:
                foreach (var o in q.Options)
                {
                    gift.Append("\n\t=").Append(o.Fraction == 1m ? "" : "%" + BankRules.Percent(o.Fraction) + "%").Append(T(o.Text)).Append(Feedback(o.Feedback));
                }

                gift.Append('\n');
                break;
            case QuestionType.Matching:
                foreach (var o in q.Options)
                {
                    gift.Append("\n\t=").Append(T(o.Text)).Append(" -> ").Append(T(o.Match));
                }

                gift.Append('\n');
                break;
            case QuestionType.Ordering:
                gift.Append('>').Append(q.Options.Count).Append(" ALL VERTICAL ABSOLUTE_POSITION");
                foreach (var o in q.Options)
                {
                    gift.Append('\n').Append(T(o.Text).Replace("\n", "\\n", StringComparison.Ordinal));
                }

                gift.Append('\n');
                break;
        }

        if (!q.GeneralFeedback.IsEmpty)
        {
            gift.Append("\n\t####").Append(T(q.GeneralFeedback)).Append('\n');
        }

        gift.Append("}\n\n");
    }

    /// <summary>GIFT's special characters escaped; a line break as \n so a question stays one block.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or ':' or '#' or '=' or '{' or '}' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                case '\n':
                    escaped.Append(@"\n");
                    break;
                case '\r':
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
