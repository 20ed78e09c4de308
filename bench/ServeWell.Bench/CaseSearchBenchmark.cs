using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ServeWell.Web.Modules.Practice.Cases;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Bench;

/// <summary>
/// Searching the case library at 50,000 published cases (issue 15, ADR-053) on PostgreSQL: <see cref="CaseSearch"/> (the
/// page's count and first page of twenty, ranked, over the bigram term table, a new DbContext per query as a request has)
/// for one- and two-word Korean queries, beside the floor in the same run — PostgreSQL's own full-text search over the
/// same title and situation (<c>to_tsvector('simple', …) @@ plainto_tsquery</c>, a GIN expression index, the same count
/// and first page newest first) on one open connection. The floor finds only whole words (Korean particles defeat it);
/// ours finds a word whatever particle follows it, which is why it reads a term table.
/// </summary>
internal static class CaseSearchBenchmark
{
    private static readonly string[] Topics =
    [
        "과태료", "주차", "건축허가", "영업신고", "기초연금", "전입신고", "여권", "수도요금", "층간소음", "재개발", "가로등", "쓰레기",
        "지방세", "인감증명", "복지급여", "장애인주차", "체류지", "소상공인", "지원금", "놀이터", "반려견", "도로파손", "민원서류", "당직실",
    ];

    private static readonly string[] Behaviours =
    [
        "반복", "욕설", "위협", "항의", "고성", "촬영", "방문", "전화", "서면", "온라인", "이의신청", "사과", "안내", "설명",
    ];

    private static readonly string[] Fillers =
    [
        "민원인 A는", "직원 B는", "담당 부서는", "팀장은", "오후 늦게", "다음 날", "일주일 뒤", "창구에서", "전화로", "차분히",
    ];

    public static async Task RunAsync(string admin, int cases, int queries)
    {
        await using var database = await BenchDatabase.PostgresAsync(admin);
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        var seed = Stopwatch.StartNew();
        var random = new Random(53);
        var published = DateTime.UtcNow.AddYears(-3);
        for (var start = 0; start < cases; start += 2_000)
        {
            await using var db = database.NewContext();
            var batch = Enumerable.Range(start, Math.Min(2_000, cases - start)).Select(i => Case(i, random, published.AddMinutes(i * 30))).ToList();
            db.PracticeCases.AddRange(batch);
            await db.SaveChangesAsync();
            await CopyTermsAsync(database, batch.SelectMany(CaseTerms.OfCase));
        }

        long terms;
        await using (var connection = (NpgsqlConnection)database.NewConnection())
        {
            await connection.OpenAsync();
            await using (var index = new NpgsqlCommand(
                "CREATE INDEX bench_cases_fts ON practice_cases USING gin (to_tsvector('simple', \"TitleKo\" || ' ' || \"SituationKo\")); ANALYZE;", connection))
            {
                index.CommandTimeout = 600;
                await index.ExecuteNonQueryAsync();
            }

            await using var count = new NpgsqlCommand("SELECT count(*) FROM practice_case_terms", connection);
            terms = (long)(await count.ExecuteScalarAsync())!;
        }

        seed.Stop();
        Console.WriteLine($"case-search: {cases:N0} published cases, {terms:N0} terms, seeded and indexed in {seed.Elapsed.TotalSeconds:F0} s");

        var words = Topics.Concat(Behaviours).ToArray();
        var asked = Enumerable.Range(0, queries).Select(i => i % 2 == 0
            ? words[random.Next(words.Length)]
            : Topics[random.Next(Topics.Length)] + " " + Behaviours[random.Next(Behaviours.Length)]).ToList();

        // Warm up both (JIT, plans, caches), then time each query alone.
        foreach (var q in asked.Take(20))
        {
            await OursAsync(database, q);
            await FloorAsync(database, q);
        }

        var ours = new List<double>();
        var floor = new List<double>();
        long oursFound = 0, floorFound = 0;
        foreach (var q in asked)
        {
            var watch = Stopwatch.StartNew();
            oursFound += await OursAsync(database, q);
            ours.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            floorFound += await FloorAsync(database, q);
            floor.Add(watch.Elapsed.TotalMilliseconds);
        }

        var (p50, p95) = (Percentile(ours, 0.5), Percentile(ours, 0.95));
        var (f50, f95) = (Percentile(floor, 0.5), Percentile(floor, 0.95));
        Console.WriteLine($"  CaseSearch (count + first page, ranked)     p50 {p50,7:F1} ms  p95 {p95,7:F1} ms  ({oursFound / (double)queries:F0} cases found per query)");
        Console.WriteLine($"  floor: PostgreSQL full-text (GIN, whole words) p50 {f50,7:F1} ms  p95 {f95,7:F1} ms  ({floorFound / (double)queries:F0} cases found per query)");
        Console.WriteLine(FormattableString.Invariant($"| Case search, {cases:N0} cases, {queries} queries | {p50:F1} ms | **{p95:F1} ms** | {f50:F1} ms | {f95:F1} ms | **{p95 / f95:F1}×** |"));
    }

    private static PracticeCase Case(int i, Random random, DateTime at)
    {
        string Pick(string[] from) => from[random.Next(from.Length)];
        var topic = Pick(Topics);
        var behaviour = Pick(Behaviours);
        var title = $"{topic} {behaviour} 민원 {i % 97 + 1}";
        var situation = string.Join(" ", Enumerable.Range(0, 3).Select(_ => $"{Pick(Fillers)} {Pick(Topics)} {Pick(Behaviours)} 관련 내용을 확인했다."));
        return new PracticeCase
        {
            Reference = "CASE-B" + i.ToString("D6", CultureInfo.InvariantCulture), AuthorUserId = "bench", Status = CaseStatus.Published,
            Channel = (CaseChannel)(i % 4), Kind = (CaseKind)(i % 3), Tags = CaseTags.None,
            Title = LocalText.Of(null, title), Situation = LocalText.Of(null, situation), CitizenSaid = LocalText.Of(null, $"\"{topic} 문제를 해결해 주세요.\""),
            OfficialDid = LocalText.Of(null, $"{behaviour}에 대해 절차를 {Pick(Behaviours)}했다."), Outcome = LocalText.Of(null, "민원이 종결되었다."), Lesson = LocalText.Of(null, "같은 답을 팀 전체가 한다."),
            CreatedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at, PublishedAtUtc = at, ReviewedBy = "bench",
        };
    }

    private static async Task CopyTermsAsync(BenchDatabase database, IEnumerable<CaseTerm> terms)
    {
        await using var connection = (NpgsqlConnection)database.NewConnection();
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync("COPY practice_case_terms (\"CaseId\", \"Term\", \"Weight\") FROM STDIN (FORMAT BINARY)");
        foreach (var term in terms)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(term.CaseId, NpgsqlDbType.Integer);
            await writer.WriteAsync(term.Term, NpgsqlDbType.Text);
            await writer.WriteAsync(term.Weight, NpgsqlDbType.Integer);
        }

        await writer.CompleteAsync();
    }

    private static async Task<int> OursAsync(BenchDatabase database, string q)
    {
        await using var db = database.NewContext();
        var hits = await new CaseSearch(db).SearchAsync(new CaseQuery(q), CancellationToken.None);
        return hits.Total;
    }

    private static async Task<int> FloorAsync(BenchDatabase database, string q)
    {
        await using var connection = (NpgsqlConnection)database.NewConnection();
        await connection.OpenAsync();
        const string Match = "\"Status\" = @published AND to_tsvector('simple', \"TitleKo\" || ' ' || \"SituationKo\") @@ plainto_tsquery('simple', @q)";
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM practice_cases WHERE {Match}", connection);
        count.Parameters.AddWithValue("published", (int)CaseStatus.Published);
        count.Parameters.AddWithValue("q", q);
        var total = (int)(long)(await count.ExecuteScalarAsync())!;
        await using var page = new NpgsqlCommand($"SELECT \"Id\", \"Reference\", \"TitleKo\", \"SituationKo\", \"PublishedAtUtc\" FROM practice_cases WHERE {Match} ORDER BY \"PublishedAtUtc\" DESC LIMIT 20", connection);
        page.Parameters.AddWithValue("published", (int)CaseStatus.Published);
        page.Parameters.AddWithValue("q", q);
        await using var reader = await page.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(2);
        }

        return total;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
