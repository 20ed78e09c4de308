using ServeWell.Web.Modules.People.OrgUnits;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// Hanbit City (한빛시), a fictional Korean city: three bureaus, twelve offices and community service
/// centres, about 600 employees. Generated from a fixed seed, so every demo looks the same.
/// </summary>
public static class DemoCity
{
    public sealed record Unit(string Code, string Name, string NameEn, OrgUnitKind Kind, string? Parent, int Staff, double FrontlineShare);

    public sealed record Person(string Number, string Name, string Email, string? Phone, string UnitCode, int Grade, string Position, DateOnly HireDate, bool Frontline);

    public const string RootCode = "HBC";
    public const string SupervisorCentre = "C-WONHYO";

    /// <summary>
    /// The community centres whose frontline staff took the first round of Visiting Courtesy Training, about eight months
    /// ago; the other three centres have not yet, so the training-impact page has both groups (demo data, ADR-020).
    /// </summary>
    public static readonly IReadOnlyList<string> CourtesyTrainedCentres = ["C-JUNGANG", "C-NAMSAN", "C-HANNAM"];

    /// <summary>How many months ago the first courtesy round was held.</summary>
    public const int CourtesyRoundMonthsAgo = 8;

    public static readonly IReadOnlyList<Unit> Units =
    [
        new(RootCode, "한빛시", "Hanbit City", OrgUnitKind.City, null, 6, 0),
        new("D-ADM", "행정지원국", "Administrative Support Bureau", OrgUnitKind.Department, RootCode, 4, 0),
        new("O-CIVIL", "민원봉사과", "Civil Service Office", OrgUnitKind.Office, "D-ADM", 22, 0.85),
        new("T-CIVIL-1", "민원1팀", "Civil Service Team 1", OrgUnitKind.Team, "O-CIVIL", 16, 0.9),
        new("T-CIVIL-2", "민원2팀", "Civil Service Team 2", OrgUnitKind.Team, "O-CIVIL", 16, 0.9),
        new("O-HR", "인사과", "Human Resources Office", OrgUnitKind.Office, "D-ADM", 26, 0.1),
        new("O-AUDIT", "감사실", "Audit Office", OrgUnitKind.Office, "D-ADM", 18, 0.1),
        new("D-WEL", "복지환경국", "Welfare and Environment Bureau", OrgUnitKind.Department, RootCode, 4, 0),
        new("O-WELFARE", "복지정책과", "Welfare Policy Office", OrgUnitKind.Office, "D-WEL", 48, 0.5),
        new("O-ENV", "환경위생과", "Environment and Sanitation Office", OrgUnitKind.Office, "D-WEL", 44, 0.3),
        new("O-TAX", "세무과", "Local Tax Office", OrgUnitKind.Office, "D-WEL", 52, 0.6),
        new("D-COM", "동행정국", "Community Services Bureau", OrgUnitKind.Department, RootCode, 4, 0),
        new("C-JUNGANG", "중앙동 행정복지센터", "Jungang-dong Community Service Centre", OrgUnitKind.CommunityCentre, "D-COM", 58, 0.75),
        new("C-GANGBYEON", "강변동 행정복지센터", "Gangbyeon-dong Community Service Centre", OrgUnitKind.CommunityCentre, "D-COM", 52, 0.75),
        new(SupervisorCentre, "원효동 행정복지센터", "Wonhyo-dong Community Service Centre", OrgUnitKind.CommunityCentre, "D-COM", 54, 0.75),
        new("C-NAMSAN", "남산동 행정복지센터", "Namsan-dong Community Service Centre", OrgUnitKind.CommunityCentre, "D-COM", 50, 0.75),
        new("C-CHEONGPA", "청파동 행정복지센터", "Cheongpa-dong Community Service Centre", OrgUnitKind.CommunityCentre, "D-COM", 56, 0.75),
        new("C-HANNAM", "한남동 행정복지센터", "Hannam-dong Community Service Centre", OrgUnitKind.CommunityCentre, "D-COM", 52, 0.75),
    ];

    private static readonly (string Hangul, string Roman)[] Surnames =
    [
        ("김", "kim"), ("이", "lee"), ("박", "park"), ("최", "choi"), ("정", "jung"), ("강", "kang"), ("조", "cho"), ("윤", "yoon"),
        ("장", "jang"), ("임", "lim"), ("한", "han"), ("오", "oh"), ("서", "seo"), ("신", "shin"), ("권", "kwon"), ("황", "hwang"),
        ("안", "ahn"), ("송", "song"), ("류", "ryu"), ("홍", "hong"),
    ];

    private static readonly (string Hangul, string Roman)[] Syllables =
    [
        ("민", "min"), ("준", "jun"), ("서", "seo"), ("연", "yeon"), ("지", "ji"), ("우", "woo"), ("현", "hyun"), ("수", "su"),
        ("영", "young"), ("진", "jin"), ("하", "ha"), ("은", "eun"), ("도", "do"), ("윤", "yun"), ("예", "ye"), ("재", "jae"),
        ("성", "sung"), ("혜", "hye"), ("정", "jeong"), ("호", "ho"), ("경", "kyung"), ("희", "hee"), ("승", "seung"), ("아", "a"),
    ];

    /// <summary>The people of the city, deterministic. The first person of each unit heads it.</summary>
    public static IReadOnlyList<Person> People(DateOnly today)
    {
        var random = new Random(20261122);
        var people = new List<Person>();
        var serial = 1000;
        foreach (var unit in Units)
        {
            for (var i = 0; i < unit.Staff; i++)
            {
                serial++;
                var (sur, surRoman) = Surnames[random.Next(Surnames.Length)];
                var (a, aRoman) = Syllables[random.Next(Syllables.Length)];
                var (b, bRoman) = Syllables[random.Next(Syllables.Length)];
                var grade = i == 0 ? HeadGrade(unit.Kind) : StaffGrade(random);
                var years = grade switch
                {
                    <= 4 => random.Next(22, 34),
                    5 => random.Next(15, 28),
                    6 => random.Next(8, 20),
                    7 => random.Next(3, 12),
                    8 => random.Next(1, 6),
                    _ => random.Next(0, 3),
                };
                var hired = today.AddYears(-years).AddDays(-random.Next(0, 360));
                var number = "HB" + serial.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var email = $"{aRoman}{bRoman}.{surRoman}.{serial}@hanbit.demo";
                var phone = random.NextDouble() < 0.8 ? $"010-{random.Next(2000, 9999)}-{random.Next(1000, 9999)}" : null;
                var frontline = i > 0 && random.NextDouble() < unit.FrontlineShare;
                people.Add(new Person(number, sur + a + b, email, phone, unit.Code, grade, PositionFor(unit.Kind, grade, i == 0), hired, frontline));
            }
        }

        return people;
    }

    private static int HeadGrade(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.City => 1,
        OrgUnitKind.Department => 3,
        OrgUnitKind.Office => 4,
        _ => 5,
    };

    private static int StaffGrade(Random random) => random.NextDouble() switch
    {
        < 0.04 => 5,
        < 0.22 => 6,
        < 0.50 => 7,
        < 0.78 => 8,
        _ => 9,
    };

    private static string PositionFor(OrgUnitKind kind, int grade, bool head) => (kind, head) switch
    {
        (OrgUnitKind.City, true) => "시장",
        (OrgUnitKind.Department, true) => "국장",
        (OrgUnitKind.Office, true) => "과장",
        (OrgUnitKind.CommunityCentre, true) => "동장",
        (OrgUnitKind.Team, true) => "팀장",
        _ => grade <= 5 ? "팀장" : "주무관",
    };
}
