namespace ServeWell.Web.Modules.Insights.Text;

/// <summary>
/// A light Korean analyser with no dictionary: strips one particle (josa) or verbal ending from the end of a word
/// (eojeol), so "시간이", "시간을", "시간에" all count as "시간" and "불친절했습니다", "불친절해요", "불친절한" as "불친절".
/// Particles that depend on the last syllable (이/가, 은/는, 을/를, 과/와, 으로/로) are stripped only after the right
/// kind of syllable, which keeps nouns such as "나이" and "평가" whole (but takes "길이", length, for "길" + 이). Any other
/// one-syllable particle or ending is stripped only when two
/// syllables remain, so "가게" and "사고" stay whole, and endings that three-syllable nouns often end in
/// (요, 서, 면: "불필요", "신청서", "측면") are only stripped as part of a longer ending ("해요", "해서", "하면"). It errs toward leaving a word alone: a wrong split invents a term,
/// a missed one only splits a count.
/// </summary>
public static class KoreanWords
{
    private enum Attach
    {
        Any,
        AfterConsonant,
        AfterVowel,
        AfterVowelOrRieul,
    }

    /// <summary>A particle (or the copula) leaves a noun a reader knows; a verbal ending leaves a stem nobody writes.</summary>
    private enum Kind
    {
        Particle,
        Ending,
    }

    /// <summary>Index of the final consonant ㅆ in a precomposed syllable.</summary>
    private const int PastFinal = 20;

    /// <summary>The suffixes by their last character, longest first, so a word is checked against a handful, not all.</summary>
    private static readonly Dictionary<char, (string Suffix, Attach Attach, Kind Kind)[]> SuffixesByLastChar = BuildSuffixes()
        .GroupBy(s => s.Item1[^1])
        .ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "너무", "정말", "진짜", "매우", "아주", "좀", "그냥", "것", "거", "수", "등", "더", "또", "잘", "안", "못", "그리고",
        "그래서", "하지만", "그런데", "근데", "그러나", "이", "그", "저", "제", "저희", "나", "내", "우리", "때", "때문", "있",
        "없", "하", "되", "않", "같", "이런", "그런", "저런", "어떤", "모든", "다", "여기", "거기", "오늘", "항상", "계속",
        "많이", "조금", "왜", "및", "또한", "뭐", "다시", "이번", "감사", "감사합니다", "수고", "주", "드리", "해", "했",
        "한", "할", "게", "건", "걸", "분", "번", "점", "주시", "주셔서", "주세요", "가", "오", "보",
    };

    /// <summary>True for a stem too common to say anything.</summary>
    public static bool IsStopWord(string stem) => StopWords.Contains(stem);

    /// <summary>The word without its particle or ending (see the type's remarks); the word itself when nothing fits. This is what is counted.</summary>
    public static string Stem(string word) => Analyse(word).Stem;

    /// <summary>
    /// The word as a reader is shown it (ADR-030): a whole word, never a bare verb stem. A noun loses its particle
    /// ("시간이" → "시간") and a noun used as a verb its 하다/되다 ("불친절했습니다" → "불친절"), as a dictionary would list
    /// them; any other word keeps its ending as written ("걸리고", not "걸리"), since a stem is not something people write.
    /// </summary>
    public static string Surface(string word) => Analyse(word).Shown;

    /// <summary><see cref="Stem"/> and <see cref="Surface"/> in one pass.</summary>
    public static (string Stem, string Shown) Analyse(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var (remaining, suffix, kind) = Strip(word);
        var verbForm = kind == Kind.Ending || EndsInPast(remaining);
        var stem = Tidy(remaining, out var lightVerb);
        // "불친절했습니다", "처리됐어요": the ending took 하다/되다 with it, and a noun of two syllables or more remains.
        lightVerb |= kind == Kind.Ending && remaining.Length >= 2 && suffix[0] is '하' or '했' or '해' or '함' or '한' or '할' or '되' or '됐' or '됩' or '돼' or '된' or '될' or '됨';
        return (stem, verbForm && !lightVerb ? word : stem);
    }

    private static bool EndsInPast(string stem) =>
        stem.Length >= 2 && CommentTokens.IsHangulSyllable(stem[^1]) && (stem[^1] - '\uAC00') % 28 == PastFinal;

    private static (string Remaining, string Suffix, Kind? Kind) Strip(string word)
    {
        if (word.Length == 0 || !SuffixesByLastChar.TryGetValue(word[^1], out var suffixes))
        {
            return (word, "", null);
        }

        foreach (var (suffix, attach, kind) in suffixes)
        {
            var remaining = word.Length - suffix.Length;
            if (remaining < (suffix.Length == 1 && attach == Attach.Any ? 2 : 1) || !word.EndsWith(suffix, StringComparison.Ordinal) || !Fits(word[remaining - 1], attach))
            {
                continue;
            }

            return (word[..remaining], suffix, kind);
        }

        return (word, "", null);
    }

    /// <summary>
    /// After the ending is gone: undo a contracted past tense ("기다렸" → "기다리", "했" → "하"), drop a plural 들
    /// ("직원들" → "직원"), then a light verb 하/되 behind a noun of two or more syllables ("불친절하" → "불친절").
    /// </summary>
    private static string Tidy(string stem, out bool lightVerb)
    {
        lightVerb = false;
        if (EndsInPast(stem))
        {
            stem = stem[..^1] + UncontractPast(stem[^1]);
        }

        if (stem.Length >= 3 && stem[^1] == '들')
        {
            stem = stem[..^1];
        }

        lightVerb = stem.Length >= 3 && stem[^1] is '하' or '되';
        return lightVerb ? stem[..^1] : stem;
    }

    /// <summary>렸 → 리, 왔 → 오, 줬 → 주, 됐 → 되, 했 → 하, 났 → 나: the syllable without the fused past-tense vowel and ㅆ.</summary>
    private static char UncontractPast(char syllable)
    {
        var index = syllable - '\uAC00';
        var initial = index / (21 * 28);
        var medial = index / 28 % 21;
        medial = medial switch
        {
            6 => 20, // ㅕ → ㅣ (리+었 = 렸)
            9 => 8, // ㅘ → ㅗ (오+았 = 왔)
            14 => 13, // ㅝ → ㅜ (주+었 = 줬)
            10 => 11, // ㅙ → ㅚ (되+었 = 됐)
            1 when initial == 18 => 0, // 해 → 하 (하+였 = 했)
            _ => medial, // 났, 갔, 냈, 섰: the vowel is already the stem's
        };
        return (char)('\uAC00' + (((initial * 21) + medial) * 28));
    }

    private static bool Fits(char before, Attach attach)
    {
        if (attach == Attach.Any || !CommentTokens.IsHangulSyllable(before))
        {
            return true;
        }

        var final = (before - '\uAC00') % 28;
        return attach switch
        {
            Attach.AfterConsonant => final != 0,
            Attach.AfterVowel => final == 0,
            _ => final is 0 or 8, // 8 = ㄹ, after which 로 is used as after a vowel
        };
    }

    private static (string, Attach, Kind)[] BuildSuffixes()
    {
        var list = new List<(string, Attach, Kind)>();
        var kind = Kind.Particle;
        void Add(Attach attach, params string[] suffixes) => list.AddRange(suffixes.Select(s => (s, attach, kind)));

        Add(Attach.AfterConsonant, "이", "은", "을", "과", "으로", "이나", "이랑", "으로는", "으로도", "으로서", "이라도", "이에요", "이라서", "이라");
        Add(Attach.AfterVowel, "가", "는", "를", "와", "나", "랑", "라도", "예요", "라서");
        Add(Attach.AfterVowelOrRieul, "로", "로는", "로도", "로서");
        Add(
            Attach.Any,
            "에", "에서", "에게", "께", "께서", "의", "도", "만", "까지", "부터", "보다", "처럼", "한테", "에서는", "에서도", "에는",
            "에도", "에게는", "까지는", "까지도", "부터는", "만큼", "조차", "마저", "밖에");
        Add(Attach.Any, "입니다", "이었어요", "이었습니다");
        kind = Kind.Ending;
        Add(
            Attach.Any,
            "했습니다", "했었어요", "했어요", "했는데", "했지만", "했고", "했다", "했던", "했음", "했네요", "합니다", "하세요",
            "하셨어요", "하십니다", "해요", "해서", "해도", "해야", "해주세요", "해줘요", "하고", "하게", "하는", "하다", "하며", "하여",
            "하지", "하니", "하면", "하네요", "함", "한", "할", "되었습니다", "되었어요", "됐어요", "됐습니다", "됩니다", "돼요", "되어",
            "되고", "되는", "된", "될", "됨", "었습니다", "았습니다", "였습니다", "었어요", "았어요", "였어요", "었는데", "았는데",
            "었지만", "았지만", "었고", "았고", "었다", "았다", "였다", "었던", "았던", "었음", "습니다", "입니다", "이었어요",
            "이었습니다", "어요", "아요", "여요", "는데", "은데", "지만", "네요", "군요", "고요", "어서", "아서", "으면", "으니",
            "니까", "고", "게", "지", "다", "해");

        // Longest first, so "에서는" wins over "는" and "했습니다" over "다".
        return [.. list.DistinctBy(s => s.Item1).OrderByDescending(s => s.Item1.Length)];
    }
}
