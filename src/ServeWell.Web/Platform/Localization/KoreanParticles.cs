using System.Text;

namespace ServeWell.Web.Platform.Localization;

/// <summary>
/// Korean particles that follow the word before them: 센터를 but 사무소를, 민원이 but 과가 (ADR-030). Translations
/// write the neutral pair, "{0}을(를)", because the word is only known when the text is formatted; <see cref="Resolve"/>
/// then picks the one form that fits the word's last syllable. Hangul decides by its final consonant, digits by
/// how they are read (1 일, 3 삼, 6 육…), Latin letters by a conservative reading (acronyms by letter name: L 엘,
/// M 엠, N 엔, R 알). When the word cannot be read (a symbol, an empty value), the neutral pair stays as written.
/// </summary>
public static class KoreanParticles
{
    // (neutral form, form after a final consonant, form after a vowel); "로" also follows ㄹ.
    private static readonly (string Neutral, string Consonant, string Vowel)[] Pairs =
    [
        ("을(를)", "을", "를"), ("를(을)", "을", "를"),
        ("이(가)", "이", "가"), ("가(이)", "이", "가"),
        ("은(는)", "은", "는"), ("는(은)", "은", "는"),
        ("과(와)", "과", "와"), ("와(과)", "과", "와"),
        ("(으)로", "으로", "로"),
        ("(이)라는", "이라는", "라는"),
        ("(이)나", "이나", "나"),
    ];

    /// <summary>What a word ends in, as far as particles care.</summary>
    public enum Ending
    {
        Unknown,
        Vowel,

        /// <summary>ㄹ: takes the consonant form except with (으)로, which it takes like a vowel (서울로).</summary>
        Rieul,
        Consonant,
    }

    /// <summary>The particle for <paramref name="word"/>: <c>For("센터", "을(를)")</c> is "를".</summary>
    public static string For(string word, string neutral)
    {
        var pair = Pairs.FirstOrDefault(p => p.Neutral == neutral);
        return pair.Neutral is null ? neutral : Pick(pair, EndingOf(word, word.Length));
    }

    /// <summary>Replaces every neutral pair in <paramref name="text"/> by the form its preceding word takes.</summary>
    public static string Resolve(string text)
    {
        if (text.IndexOf('(', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var match = Match(text, i);
            if (match.Neutral is null)
            {
                result.Append(text[i]);
                i++;
                continue;
            }

            result.Append(Pick(match, EndingOf(text, i)));
            i += match.Neutral.Length;
        }

        return result.ToString();
    }

    private static (string Neutral, string Consonant, string Vowel) Match(string text, int at)
    {
        foreach (var pair in Pairs)
        {
            if (string.CompareOrdinal(text, at, pair.Neutral, 0, pair.Neutral.Length) == 0)
            {
                return pair;
            }
        }

        return default;
    }

    private static string Pick((string Neutral, string Consonant, string Vowel) pair, Ending ending) => ending switch
    {
        Ending.Vowel => pair.Vowel,
        Ending.Rieul when pair.Neutral == "(으)로" => pair.Vowel,
        Ending.Rieul or Ending.Consonant => pair.Consonant,
        _ => pair.Neutral,
    };

    /// <summary>How the word ending just before <paramref name="end"/> ends; closing quotes and brackets are looked through.</summary>
    public static Ending EndingOf(string text, int end)
    {
        var i = end - 1;
        while (i >= 0 && text[i] is '”' or '"' or '’' or '\'' or ')' or ']' or '」' or '』' or '》' or '〉' or '»')
        {
            i--;
        }

        if (i < 0)
        {
            return Ending.Unknown;
        }

        var c = text[i];
        if (c is >= '가' and <= '힣')
        {
            var final = (c - '가') % 28;
            return final == 0 ? Ending.Vowel : final == 8 ? Ending.Rieul : Ending.Consonant;
        }

        if (char.IsAsciiDigit(c))
        {
            // 영 일 이 삼 사 오 육 칠 팔 구; a trailing 0 is read 영, 십, 백, 천 or 만: a final consonant every time.
            return c switch
            {
                '1' or '7' or '8' => Ending.Rieul,
                '0' or '3' or '6' => Ending.Consonant,
                _ => Ending.Vowel,
            };
        }

        if (char.IsAsciiLetter(c))
        {
            var acronym = char.IsAsciiLetterUpper(c) && (i == 0 || !char.IsAsciiLetterLower(text[i - 1]));
            if (acronym)
            {
                return c switch
                {
                    'L' or 'R' => Ending.Rieul,
                    'M' or 'N' => Ending.Consonant,
                    _ => Ending.Vowel,
                };
            }

            // A word read out: "email" 이메일, "team" 팀, "plan" 플랜, "book" 북, "chat" 챗; anything else (e, r, s, y…)
            // is read ending in a vowel (서비스, 센터, 카운터).
            return char.ToLowerInvariant(c) switch
            {
                'l' => Ending.Rieul,
                'm' or 'n' or 'k' or 'p' or 't' or 'b' or 'g' => Ending.Consonant,
                _ => Ending.Vowel,
            };
        }

        return Ending.Unknown;
    }
}
