using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ServeWell.Web.Platform.Privacy;

namespace ServeWell.Bench;

/// <summary>
/// Scrubs generated comments (ADR-052) and times it beside the floor: one plain regex pass (a phone-number pattern,
/// replaced) over the same texts, in the same run. Pure CPU: no database.
/// </summary>
internal static partial class ScrubBenchmark
{
    private static readonly string[] Openings =
    [
        "창구 직원이 친절했습니다.", "대기 시간이 45분이나 걸렸어요.", "The officer at counter 3 was very helpful.", "번호표 0421번 받고 2026-12-06에 방문했습니다.",
        "수수료 15,000원이 비싸요.", "I waited 20 minutes and paid 12,000 won.", "오후 2시 30분에 갔는데 만족도 95%입니다.", "안내가 부족했습니다.",
    ];

    private static readonly string[] Personal =
    [
        "연락은 010-{0:D4}-{1:D4}로 주세요.", "call me on +82 10 {0:D4} {1:D4}", "주민번호 850315-1{0:D4}{1:D2} 입니다.", "메일 user{0}@example.kr 로 답 주세요.",
        "{2} 주무관님이 도와주셨어요.", "{2} 씨가 새치기했어요.", "주소는 세종대로 {0} 입니다.", "차량 12가 {0:D4} 주차 문제", "카드 4111 1111 1111 1111 결제 오류",
        "계좌 110-123-{0:D6} 로 환불해 주세요.", "Mr. Kim was rude.", "０１０－{0:D4}－{1:D4} 로 연락",
    ];

    private static readonly string[] Names = ["김민수", "이서연", "박지훈", "최유진", "정하늘", "강도윤", "조수아", "윤서준"];

    public static void Run(int comments)
    {
        var random = new Random(42);
        var texts = new string[comments];
        for (var i = 0; i < comments; i++)
        {
            var text = Openings[random.Next(Openings.Length)];
            // Two comments in five carry personal data, one in ten two pieces of it.
            for (var p = random.Next(10) switch { < 6 => 0, < 9 => 1, _ => 2 }; p > 0; p--)
            {
                text += " " + string.Format(CultureInfo.InvariantCulture, Personal[random.Next(Personal.Length)], random.Next(10000), random.Next(10000), Names[random.Next(Names.Length)]);
            }

            texts[i] = text;
        }

        var roster = new RosterNames(Enumerable.Range(0, 1000).Select(i => Names[i % Names.Length][..1] + (char)('가' + (i * 37 % 11000)) + (char)('가' + (i * 91 % 11000))));
        var characters = texts.Sum(t => (long)t.Length);

        // Warm both up (JIT, regex construction) before timing.
        foreach (var text in texts.Take(1000))
        {
            Scrubber.Scrub(text, "ko", roster);
            PlainPhone().Replace(text, "[phone removed]");
        }

        // CPU time as well as wall time: on a shared machine the wall clock also counts the time other work had the core.
        var process = Process.GetCurrentProcess();
        var plain = Stopwatch.StartNew();
        var plainCpu = process.TotalProcessorTime;
        long plainChanged = 0;
        foreach (var text in texts)
        {
            plainChanged += PlainPhone().Replace(text, "[phone removed]").Length;
        }

        plain.Stop();
        process.Refresh();
        plainCpu = process.TotalProcessorTime - plainCpu;

        var scrub = Stopwatch.StartNew();
        var scrubCpu = process.TotalProcessorTime;
        long findings = 0;
        foreach (var text in texts)
        {
            findings += Scrubber.Scrub(text, "ko", roster).Findings.Count;
        }

        scrub.Stop();
        process.Refresh();
        scrubCpu = process.TotalProcessorTime - scrubCpu;

        var perScrub = scrubCpu.TotalMicroseconds / comments;
        var perPlain = plainCpu.TotalMicroseconds / comments;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{comments:N0} comments, {characters / (double)comments:F0} characters each on average, {findings:N0} findings (checksum {plainChanged})"));
        Console.WriteLine();
        Console.WriteLine("| Pass | Comments | Wall clock | CPU time | CPU per comment | ÷ plain regex (CPU) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Plain regex (one phone pattern, replaced) | {comments:N0} comments | {plain.Elapsed.TotalSeconds:F2} s | {plainCpu.TotalSeconds:F2} s | {perPlain:F1} µs | 1× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Scrubber (every category, 1,000 roster names) | {comments:N0} comments | {scrub.Elapsed.TotalSeconds:F2} s | {scrubCpu.TotalSeconds:F2} s | {perScrub:F1} µs | {perScrub / Math.Max(perPlain, 0.001):F1}× |"));
    }

    // The comment redaction's phone pattern before the scrubber (one regex, no classification).
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\+[0-9]{1,3}[\s.\-]?)?(?:\(?[0-9]{2,4}\)?[\s.\-]?){1,3}[0-9]{4}(?![0-9A-Za-z])")]
    private static partial Regex PlainPhone();
}
