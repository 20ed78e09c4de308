namespace ServeWell.Web.Platform.Privacy;

/// <summary>
/// The word lists behind name finding (ADR-052): surnames, the honorifics and titles that follow a name, the particles
/// that may follow a roster name, and the common words that look like a surname plus an honorific (고객님, 손님).
/// </summary>
internal static class KoreanNames
{
    /// <summary>Titles of the city's own staff: a name before one of these is an employee's.</summary>
    public static readonly string[] StaffTitles =
    [
        "센터장", "주무관", "사무관", "조사관", "상담관", "담당관", "서기관", "팀장", "과장", "계장", "국장", "실장", "주임",
        "대리", "부장", "차장", "소장", "원장", "동장", "면장", "읍장", "반장", "선생", "위원", "구청장", "청장",
    ];

    /// <summary>Honorifics for anyone: a name before one of these is taken for a citizen's unless the roster knows it.</summary>
    public static readonly string[] Honorifics = ["씨", "님"];

    /// <summary>Single-syllable surnames, the common ones; 제 ("my") is left out, it is far more often a word than a name.</summary>
    private static readonly HashSet<char> Surnames =
    [
        .. "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄변채원천방공현함염여추도소석선설마길연위표명기반라왕금옥육인맹모탁국어은편용예경봉사부",
    ];

    private static readonly string[] CompoundSurnames = ["남궁", "제갈", "선우", "황보", "독고", "사공", "서문", "동방"];

    /// <summary>Words that start with a surname and take an honorific or title, yet name no one.</summary>
    private static readonly HashSet<string> NotNames =
    [
        "고객", "손님", "사장", "부모", "기사", "주민", "시민", "방문객", "공무원", "민원인", "민원", "어르신", "여러분", "하느",
        "마음", "사모", "이모", "고모", "남편", "부인", "동생", "전화", "문의", "안내", "상담", "경찰", "기자", "변호사", "장애인",
        "노인", "우리", "이분", "그분", "저분", "이번", "담당", "직원", "신청인", "대표", "원장", "교수", "의사", "간호사", "보호자",
        "여러", "모든", "신규", "부서", "구청", "선거", "인사", "기획", "정책", "안전", "도시", "문화", "위생", "지원", "공원", "주택",
        "조직", "홍보", "전산", "민원실", "고객님", "해당",
    ];

    /// <summary>What may follow a roster name inside the same word: particles, honorifics, titles.</summary>
    public static readonly string[] Followers =
    [
        .. StaffTitles, .. Honorifics, "께서", "에게", "한테", "으로", "이랑", "하고", "이가", "이는", "이를", "이의", "이에게",
        "이", "가", "은", "는", "을", "를", "의", "에", "께", "와", "과", "도", "만", "로", "랑", "이다", "입니다", "였", "이었",
    ];

    /// <summary>
    /// Whether <paramref name="name"/> before <paramref name="title"/> reads as a person: a surname first (a compound
    /// one for four syllables), not a common word, and never a bare surname before 님 (손님, 고객님).
    /// </summary>
    public static bool IsName(string name, string title)
    {
        if (name.Length == 0 || name.Length > 4 || NotNames.Contains(name) || name[^1] is '님' or '씨')
        {
            return false;
        }

        var compound = name.Length >= 3 && CompoundSurnames.Contains(name[..2]);
        if (name.Length == 4 && !compound)
        {
            return false;
        }

        if (!compound && !Surnames.Contains(name[0]))
        {
            return false;
        }

        // 민원과 과장, 홍보팀 팀장: a department, not a person.
        if (name.Length >= 2 && IsStaffTitle(title) && name[^1] is '과' or '팀' or '실' or '계')
        {
            return false;
        }

        // "김 씨", "이 주무관", but not "손님": a bare surname needs 씨 or a title; 님 follows a full name.
        return name.Length switch
        {
            1 => title != "님",
            2 => title != "님",
            _ => true,
        };
    }

    /// <summary>A title that is really the start of another word (위원회, 과장된, 대리점), or a word that ends like a title (주차장).</summary>
    private static readonly string[] NotTitles = ["위원회", "과장된", "과장되", "과장하", "과장해", "대리점", "대리인", "소장품"];

    private static readonly HashSet<string> NotNameAndTitle = ["주차장", "승차장", "하차장", "정차장", "조차장"];

    /// <summary>Whether the words around a name and its title spoil the reading (<paramref name="after"/>: the text right after the title).</summary>
    public static bool Spoiled(string name, string space, string title, ReadOnlySpan<char> after)
    {
        if (space.Length == 0 && NotNameAndTitle.Contains(name + title))
        {
            return true;
        }

        foreach (var word in NotTitles)
        {
            if (word.StartsWith(title, StringComparison.Ordinal) && after.StartsWith(word.AsSpan(title.Length), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsStaffTitle(string title) => Array.IndexOf(StaffTitles, title) >= 0;

    /// <summary>"김주무관" read as name "김주무관" before 님 is "김" before "주무관": peel a title off the end of the name.</summary>
    public static (string Name, string Title) Peel(string name, string title)
    {
        foreach (var t in StaffTitles)
        {
            if (name.Length >= t.Length && name.EndsWith(t, StringComparison.Ordinal))
            {
                return (name[..^t.Length], t);
            }
        }

        return (name, title);
    }
}
