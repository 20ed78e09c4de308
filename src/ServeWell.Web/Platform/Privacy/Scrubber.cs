using System.Text;
using System.Text.RegularExpressions;

namespace ServeWell.Web.Platform.Privacy;

/// <summary>
/// The one personal-data scrubber of ServeWell (ADR-052): removes what identifies a citizen or an employee from Korean
/// and English text, writes a marker in the text's language in its place ([전화번호 삭제] / [phone removed]) or, for a
/// name, a placeholder that stays the same for the same name within the text (민원인 A, 직원 B), and lists every
/// finding so an author can see what was removed beside the original. A pure function: no state, no I/O.
/// </summary>
public static class Scrubber
{
    /// <summary>The longest text taken (a long case write-up); longer ones are refused with <see cref="ScrubInputTooLongException"/>.</summary>
    public const int MaxLength = 20_000;

    private static readonly string[] AccountWords = ["계좌", "입금", "송금", "통장", "은행", "예금주", "account", "acct", "bank"];

    private static readonly HashSet<string> NotLots =
    [
        "자동", "행동", "활동", "운동", "이동", "노동", "공동", "감동", "변동", "작동", "가동", "출동", "연동", "발동", "충동",
        "진동", "선동", "난동", "합동", "소동", "파동", "총동", "재가동", "동", "기동", "유동", "부동", "구동", "지동",
    ];

    /// <param name="text">As typed.</param>
    /// <param name="languageHint">"ko" or "en": the language to use when the text has no words to tell (only a number).</param>
    /// <param name="roster">The employees' names, found without an honorific; null for none.</param>
    /// <param name="scope">What to remove; the rest stays as typed.</param>
    /// <param name="marked">Words or phrases the author marked (ADR-053): each becomes a placeholder (비공개 A), case-insensitively, where no other finding took the text.</param>
    public static ScrubResult Scrub(string text, string? languageHint = null, RosterNames? roster = null, PersonalData scope = PersonalData.All, IReadOnlyCollection<string>? marked = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new ScrubInputTooLongException(text.Length, MaxLength);
        }

        var normal = Normalise(text);
        // The language is read from the words around the personal data: an email address alone is not English, and
        // the syllable of a car plate (12가 3456) does not make an English sentence Korean.
        var language = TextLanguage.Of(ScrubPatterns.CarPlate().Replace(ScrubPatterns.Email().Replace(normal, ""), ""), languageHint);
        var claims = new Claims(normal.Length, scope);

        foreach (Match m in ScrubPatterns.Email().Matches(normal))
        {
            claims.Add(m.Index, m.Length, PersonalData.Email);
        }

        foreach (Match m in ScrubPatterns.Passport().Matches(normal))
        {
            claims.Add(m.Index, m.Length, PersonalData.Passport);
        }

        foreach (Match m in ScrubPatterns.CarPlate().Matches(normal))
        {
            claims.Add(m.Index, m.Length, PersonalData.CarPlate);
        }

        foreach (Match m in ScrubPatterns.DigitRun().Matches(normal))
        {
            ClassifyDigits(normal, m, claims);
        }

        foreach (Match m in ScrubPatterns.KoreanAddress().Matches(normal))
        {
            if (!m.Groups["lot"].Success || !NotLots.Contains(m.Groups["lot"].Value))
            {
                claims.Add(m.Index, m.Length, PersonalData.Address);
            }
        }

        foreach (Match m in ScrubPatterns.EnglishAddress().Matches(normal))
        {
            claims.Add(m.Index, m.Length, PersonalData.Address);
        }

        if ((scope & PersonalData.Names) != 0)
        {
            FindRosterNames(normal, roster ?? RosterNames.Empty, claims);
            FindHonorificNames(normal, roster ?? RosterNames.Empty, claims);
        }

        // Last: a marked phrase inside a number or a name found above leaves that finding whole ("5678" of a phone).
        foreach (var phrase in marked ?? [])
        {
            var key = Normalise(phrase.Trim());
            for (var at = key.Length == 0 ? -1 : normal.IndexOf(key, StringComparison.OrdinalIgnoreCase); at >= 0; at = normal.IndexOf(key, at + key.Length, StringComparison.OrdinalIgnoreCase))
            {
                claims.Add(at, key.Length, PersonalData.Marked, key: key.ToUpperInvariant());
            }
        }

        return claims.Apply(text, language == "ko", language);
    }

    private static void ClassifyDigits(string normal, Match m, Claims claims)
    {
        var groups = new List<int>(6);
        var digits = new StringBuilder(24);
        if (m.Groups["area"].Success)
        {
            groups.Add(m.Groups["area"].Length);
            digits.Append(m.Groups["area"].Value);
        }

        foreach (Capture g in m.Groups["g"].Captures)
        {
            groups.Add(g.Length);
            digits.Append(g.Value);
        }

        if (digits.Length < 8 || IsAmount(normal, m.Index, m.Index + m.Length))
        {
            return;
        }

        var before = normal.Substring(Math.Max(0, m.Index - 12), Math.Min(12, m.Index));
        var accountContext = AccountWords.Any(w => before.Contains(w, StringComparison.OrdinalIgnoreCase));
        var countryCode = m.Groups["cc"].Success ? m.Groups["cc"].Value : null;
        if (NumberRules.Classify(digits.ToString(), groups, countryCode, accountContext) is { } found)
        {
            claims.Add(m.Index, m.Length, found.Category, found.Checked);
        }
    }

    /// <summary>15,000원 is written with commas and stays anyway; 1500000000원, ₩ 1500000000 and 1500000000 KRW stay too.</summary>
    private static bool IsAmount(string normal, int start, int end)
    {
        var after = normal.AsSpan(end).TrimStart(' ');
        if (after.Length > 0 && after[0] is '원' or '만' or '억' or '천' or '%' or '달' or '엔')
        {
            return true;
        }

        if (after.StartsWith("won", StringComparison.OrdinalIgnoreCase) || after.StartsWith("KRW", StringComparison.Ordinal) || after.StartsWith("USD", StringComparison.Ordinal))
        {
            return true;
        }

        var before = normal.AsSpan(0, start).TrimEnd(' ');
        return before.EndsWith("₩", StringComparison.Ordinal) || before.EndsWith("$", StringComparison.Ordinal) || before.EndsWith("KRW", StringComparison.Ordinal) || before.EndsWith("USD", StringComparison.Ordinal);
    }

    /// <summary>A roster name at the start of a Hangul word, followed by nothing, a particle, an honorific or a title.</summary>
    private static void FindRosterNames(string normal, RosterNames roster, Claims claims)
    {
        if (roster.Count == 0)
        {
            return;
        }

        var i = 0;
        while (i < normal.Length)
        {
            if (!IsHangul(normal[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < normal.Length && IsHangul(normal[i]))
            {
                i++;
            }

            var word = normal.AsSpan(start, i - start);
            for (var length = Math.Min(4, word.Length); length >= 2; length--)
            {
                var name = word[..length].ToString();
                if (roster.ContainsHangul(name) && FollowsName(word[length..]))
                {
                    claims.Add(start, length, PersonalData.EmployeeName, key: name);
                    break;
                }
            }
        }

        foreach (var name in roster.Latin)
        {
            for (var at = normal.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = normal.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + name.Length;
                if ((at == 0 || !char.IsLetterOrDigit(normal[at - 1])) && (end == normal.Length || !char.IsLetterOrDigit(normal[end])))
                {
                    claims.Add(at, name.Length, PersonalData.EmployeeName, key: name.ToUpperInvariant());
                }
            }
        }
    }

    private static bool FollowsName(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            return true;
        }

        foreach (var follower in KoreanNames.Followers)
        {
            if (rest.StartsWith(follower, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void FindHonorificNames(string normal, RosterNames roster, Claims claims)
    {
        foreach (Match m in ScrubPatterns.KoreanHonorificName.Matches(normal))
        {
            var space = m.Groups["space"].Value;
            var (name, title) = KoreanNames.Peel(m.Groups["name"].Value, m.Groups["title"].Value);
            if (name.Length != m.Groups["name"].Length)
            {
                space = "";
            }

            if (!KoreanNames.IsName(name, title) || KoreanNames.Spoiled(name, space, title, normal.AsSpan(m.Index + m.Length)))
            {
                continue;
            }

            var employee = KoreanNames.IsStaffTitle(title) || roster.ContainsHangul(name);
            claims.Add(m.Index, name.Length, employee ? PersonalData.EmployeeName : PersonalData.CitizenName, key: name);
        }

        foreach (Match m in ScrubPatterns.EnglishHonorificName().Matches(normal))
        {
            var employee = m.Groups["title"].Value is "Officer" or "Manager" or "Director" or "Inspector" or "Supervisor";
            claims.Add(m.Index, m.Length, employee ? PersonalData.EmployeeName : PersonalData.CitizenName, key: m.Groups["name"].Value.ToUpperInvariant());
        }
    }

    private static bool IsHangul(char c) => c is >= '가' and <= '힣';

    /// <summary>
    /// The same length as the text, so a match's position is the original's: full-width digits, letters and signs
    /// become ASCII, every dash (and ㅡ typed for one) a hyphen, every space a plain one.
    /// </summary>
    internal static string Normalise(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                >= 'Ａ' and <= 'Ｚ' => (char)(c - 'Ａ' + 'A'),
                >= 'ａ' and <= 'ｚ' => (char)(c - 'ａ' + 'a'),
                '＠' => '@',
                '．' or '。' => '.',
                '＋' => '+',
                '（' => '(',
                '）' => ')',
                '￦' => '₩',
                '＄' => '$',
                '％' => '%',
                '，' => ',',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' or '\uFF0D' or 'ㅡ' => '-',
                '\u3000' or '\u00A0' or '\u2009' or '\u202F' or '\t' => ' ',
                _ => c,
            };
        }
    });

    /// <summary>Who took which characters: the first finding to claim a character keeps it (the order above is the priority).</summary>
    private sealed class Claims(int length, PersonalData scope)
    {
        private readonly bool[] _taken = new bool[length];
        private readonly List<(int Start, int Length, PersonalData Category, bool Checked, string? Key)> _found = [];

        public void Add(int start, int length, PersonalData category, bool isChecked = false, string? key = null)
        {
            if ((scope & category) == 0 || _taken.AsSpan(start, length).Contains(true))
            {
                return;
            }

            _taken.AsSpan(start, length).Fill(true);
            _found.Add((start, length, category, isChecked, key));
        }

        public ScrubResult Apply(string text, bool korean, string language)
        {
            _found.Sort((a, b) => a.Start.CompareTo(b.Start));
            var letters = new Dictionary<(PersonalData, string), int>();
            var perRole = new Dictionary<PersonalData, int>();
            var findings = new List<ScrubFinding>(_found.Count);
            var output = new StringBuilder(text.Length);
            var at = 0;
            foreach (var (start, length, category, isChecked, key) in _found)
            {
                string replacement;
                if (key is null)
                {
                    replacement = PersonalDataMarkers.For(category, korean);
                }
                else
                {
                    if (!letters.TryGetValue((category, key), out var index))
                    {
                        index = perRole.GetValueOrDefault(category);
                        perRole[category] = index + 1;
                        letters[(category, key)] = index;
                    }

                    replacement = PersonalDataMarkers.Placeholder(category, index, korean);
                }

                output.Append(text, at, start - at).Append(replacement);
                at = start + length;
                findings.Add(new ScrubFinding(category, start, length, text.Substring(start, length), replacement, isChecked));
            }

            output.Append(text, at, text.Length - at);
            return new ScrubResult(text, output.ToString(), language, findings);
        }
    }
}
