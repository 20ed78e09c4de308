using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Services;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// The demo city's services, touchpoints and two years of citizen answers (200,000 by default) from a fixed seed, with
/// what a dashboard should find: business permits slow and the least satisfied, local tax crowded and worse in the May
/// and August tax months, a winter and New-Year peak (and a summer lull) in volume and waits, more answers each year,
/// community centres' courtesy rising at the three centres whose staff took the visiting courtesy training eight months
/// ago (the other three, not yet trained, stay level; both share a small citywide drift), Korean and English answers and
/// comments, and some commendations. Generated in memory in time order and bulk-loaded (<see cref="DemoFeedbackLoad"/>),
/// so the first start stays fast; the caller rebuilds the Insights rollups afterwards.
/// </summary>
internal static class DemoFeedback
{
    internal sealed record ServiceSeed(string Code, string En, string Ko, double Base, double TimelinessPenalty, string[] Offices);

    private static readonly string[] Centres = ["C-JUNGANG", "C-GANGBYEON", DemoCity.SupervisorCentre, "C-NAMSAN", "C-CHEONGPA", "C-HANNAM"];

    private static readonly ServiceSeed[] Services =
    [
        new("resident-registration", "Resident registration", "주민등록", 4.2, 0.1, [.. Centres, "O-CIVIL"]),
        new("certificates", "Certificates", "제증명 발급", 4.4, 0.0, [.. Centres, "O-CIVIL"]),
        new("business-permits", "Business permits", "영업 인허가", 3.0, 1.3, ["O-CIVIL", "O-ENV"]),
        new("welfare-applications", "Welfare applications", "복지 급여 신청", 3.8, 0.5, [.. Centres, "O-WELFARE"]),
        new("local-tax", "Local tax", "지방세", 3.6, 0.4, ["O-TAX"]),
        new("civil-complaints", "Civil complaints desk", "민원 상담 창구", 3.7, 0.3, ["O-CIVIL"]),
        new("passports", "Passports", "여권 발급", 4.1, 0.2, ["O-CIVIL"]),
        new("bulky-waste", "Bulky waste disposal", "대형 폐기물 신고", 4.0, 0.2, [.. Centres, "O-ENV"]),
    ];

    private static readonly string[] UnhappyKo =
    [
        "대기 시간이 너무 길었습니다.", "서류를 세 번이나 다시 냈습니다.", "담당자가 바뀌어서 처음부터 다시 설명해야 했어요.",
        "안내가 불친절했습니다.", "처리 기간을 아무도 알려주지 않았어요.", "인허가가 한 달 넘게 걸리고 있습니다.",
        "번호표 시스템이 고장 나 있었습니다.", "전화 연결이 되지 않았어요.", "필요한 서류 안내가 홈페이지와 달랐습니다.",
    ];

    private static readonly string[] UnhappyEn =
    [
        "Waited over an hour.", "Nobody could tell me how long the permit would take.", "Staff did not speak English and there was no help.",
        "I was sent between three counters.", "The form online was different from the one at the counter.", "Rude at the window.",
    ];

    /// <summary>What citizens say in the crowded weeks (New Year, tax months).</summary>
    private static readonly string[] BusyKo = ["연초라 그런지 대기 인원이 너무 많았습니다.", "납부 기간이라 줄이 건물 밖까지 있었어요.", "번호표를 받고 50분을 기다렸습니다."];

    private static readonly string[] BusyEn = ["Very crowded, the queue went out of the door.", "Tax week: waited almost an hour."];

    private static readonly string[] HappyKo = ["친절하게 안내해 주셔서 감사합니다.", "빠르게 처리되었어요.", "설명이 아주 자세했습니다."];

    private static readonly string[] HappyEn = ["Very helpful, thank you.", "Quick and friendly.", "Explained everything clearly."];

    /// <summary>Months of history the demo holds, ending now.</summary>
    public const int Months = 24;

    /// <summary>Seeds the services, touchpoints and <paramref name="answers"/> answers once; returns how many answers were inserted (0 when seeded before).</summary>
    public static async Task<int> SeedAsync(ServeWellDbContext db, int answers, DateTime now, ILogger logger, CancellationToken cancellationToken)
    {
        if (await db.Touchpoints.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, cancellationToken);
        if (!units.ContainsKey("O-CIVIL"))
        {
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AuditEachChange = false;
        var services = new Dictionary<string, PublicService>();
        foreach (var s in Services)
        {
            var service = new PublicService { Code = s.Code, NameEn = s.En, NameKo = s.Ko };
            service.Offices.AddRange(s.Offices.Select(o => new ServiceOffice { OrgUnitId = units[o].Id }));
            db.PublicServices.Add(service);
            services[s.Code] = service;
        }

        await db.SaveChangesAsync(cancellationToken);
        var touchpoints = new List<(Touchpoint Touchpoint, ServiceSeed Service, double Weight)>();
        void Add(TouchpointKind kind, LocalText label, string unit, string service, double weight, int? employeeId = null)
        {
            var t = new Touchpoint
            {
                Kind = kind, Label = label, OrgUnitId = units[unit].Id, ServiceId = services[service].Id, EmployeeId = employeeId,
                Code = TouchpointCodes.New(), CreatedAt = now.AddMonths(-Months - 1),
            };
            db.Touchpoints.Add(t);
            touchpoints.Add((t, Services.Single(x => x.Code == service), weight));
        }

        foreach (var centre in Centres)
        {
            Add(TouchpointKind.Counter, new("Counter 1 – resident registration", "1번 창구 – 주민등록"), centre, "resident-registration", 3);
            Add(TouchpointKind.Counter, new("Counter 2 – certificates", "2번 창구 – 제증명"), centre, "certificates", 2.5);
            Add(TouchpointKind.ServiceWindow, new("Welfare window", "복지 창구"), centre, "welfare-applications", 1.5);
            Add(TouchpointKind.Kiosk, new("Entrance kiosk", "입구 키오스크"), centre, "certificates", 1);
        }

        Add(TouchpointKind.ServiceWindow, new("Window 5 – business permits", "5번 창구 – 영업 인허가"), "O-CIVIL", "business-permits", 3);
        Add(TouchpointKind.ServiceWindow, new("Window 7 – passports", "7번 창구 – 여권"), "O-CIVIL", "passports", 2.5);
        Add(TouchpointKind.Counter, new("Civil complaints desk", "민원 상담 창구"), "O-CIVIL", "civil-complaints", 2);
        Add(TouchpointKind.Website, new("Civil service website", "민원 누리집"), "O-CIVIL", "civil-complaints", 1.5);
        Add(TouchpointKind.ServiceWindow, new("Food business permits", "식품 영업 인허가"), "O-ENV", "business-permits", 1.5);
        Add(TouchpointKind.Counter, new("Tax counter", "세무 창구"), "O-TAX", "local-tax", 3);
        Add(TouchpointKind.PostTransactionLink, new("Link on tax notices", "세금 고지서 링크"), "O-TAX", "local-tax", 2);
        Add(TouchpointKind.Counter, new("Welfare reception", "복지 접수"), "O-WELFARE", "welfare-applications", 2);
        var badgeHolder = await db.Employees.AsNoTracking()
            .Where(e => e.OrgUnitId == units[DemoCity.SupervisorCentre].Id && e.IsFrontline && e.Position == "주무관")
            .OrderBy(e => e.EmployeeNumber).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (badgeHolder is not null)
        {
            Add(TouchpointKind.EmployeeBadge, new("Name badge", "명찰"), DemoCity.SupervisorCentre, "resident-registration", 0.5, badgeHolder);
        }

        await db.SaveChangesAsync(cancellationToken);

        var staff = await db.Employees.AsNoTracking().Where(e => e.IsFrontline).Select(e => new { e.Id, e.OrgUnitId }).ToListAsync(cancellationToken);
        var staffByUnit = staff.GroupBy(e => e.OrgUnitId).ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToArray());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = Generate(touchpoints, staffByUnit, units, answers, now);
        var generated = clock.ElapsedMilliseconds;
        await DemoFeedbackLoad.LoadEmptyTableAsync(db, rows, cancellationToken);
        logger.LogInformation(
            "Demo feedback: {Answers} answers over {Months} months generated in {Generated} ms and inserted in {Inserted} ms",
            rows.Length, Months, generated, clock.ElapsedMilliseconds - generated);
        db.AuditEachChange = true;
        db.Audit("demo-seed", nameof(FeedbackAnswer), "demo", null, new { services = Services.Length, touchpoints = touchpoints.Count, answers = rows.Length, months = Months });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return rows.Length;
    }

    /// <summary>How busy a local month is for most services: the New-Year and winter peak (certificates, moving season), a summer lull.</summary>
    internal static double Season(int month) => month switch
    {
        1 => 1.45, 2 => 1.3, 3 => 1.2, 7 => 0.9, 8 => 0.8, 12 => 1.2, _ => 1.0,
    };

    /// <summary>Local tax: the May and August payment months are crowded and worse.</summary>
    internal static bool IsTaxMonth(int month) => month is 5 or 8;

    private const int TaxCrowd = 3;

    /// <summary>
    /// The answers, oldest first (so ids ascend with time, as at the intake). A day is drawn per answer from the
    /// touchpoint's profile — weekdays only at counters, any day online; the month's season (tax months for local tax);
    /// a slow growth in use — then the scores from the service's level, the month's crowd and the courtesy training.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static DemoAnswer[] Generate(
        List<(Touchpoint Touchpoint, ServiceSeed Service, double Weight)> touchpoints, Dictionary<int, int[]> staffByUnit,
        Dictionary<string, OrgUnit> units, int count, DateTime now)
    {
        var random = new Random(20261122);
        var trainedIds = DemoCity.CourtesyTrainedCentres.Select(c => units[c].Id).ToHashSet();
        var cumulative = new double[touchpoints.Count];
        var running = 0.0;
        for (var t = 0; t < touchpoints.Count; t++)
        {
            cumulative[t] = running += touchpoints[t].Weight;
        }

        // Days in the city's local time (UTC+9), the first one 24 months before today.
        var todayLocal = now.AddHours(9).Date;
        var firstLocal = todayLocal.AddMonths(-Months).AddDays(1);
        var days = (int)(todayLocal - firstLocal).TotalDays + 1;
        var profiles = new double[4][];
        for (var p = 0; p < 4; p++)
        {
            var (online, tax) = (p % 2 == 1, p >= 2);
            var sums = profiles[p] = new double[days];
            var sum = 0.0;
            for (var d = 0; d < days; d++)
            {
                var day = firstLocal.AddDays(d);
                var weekday = day.DayOfWeek switch
                {
                    DayOfWeek.Saturday or DayOfWeek.Sunday => online ? 0.6 : 0,
                    DayOfWeek.Monday => 1.2,
                    DayOfWeek.Friday => 1.1,
                    _ => 1.0,
                };
                var season = tax ? (IsTaxMonth(day.Month) ? TaxCrowd : 1.0) : Season(day.Month);
                var growth = 0.85 + (0.3 * d / days);
                sums[d] = sum += weekday * season * growth;
            }
        }

        var trainingDone = now.AddMonths(-DemoCity.CourtesyRoundMonthsAgo);
        var unhappyKo = Redacted(UnhappyKo);
        var unhappyEn = Redacted(UnhappyEn);
        var busyKo = Redacted(BusyKo);
        var busyEn = Redacted(BusyEn);
        var happyKo = Redacted(HappyKo);
        var happyEn = Redacted(HappyEn);
        var rows = new DemoAnswer[count];
        for (var i = 0; i < count; i++)
        {
            var pick = Array.BinarySearch(cumulative, random.NextDouble() * running);
            var (touchpoint, service, _) = touchpoints[Math.Min(pick < 0 ? ~pick : pick, touchpoints.Count - 1)];
            var online = touchpoint.Kind is TouchpointKind.Website or TouchpointKind.PostTransactionLink;
            var taxService = service.Code == "local-tax";
            var profile = profiles[(online ? 1 : 0) + (taxService ? 2 : 0)];
            var at = Array.BinarySearch(profile, random.NextDouble() * profile[^1]);
            var localDay = firstLocal.AddDays(Math.Min(at < 0 ? ~at : at, days - 1));
            var localHour = online ? random.Next(0, 24) : random.Next(9, 18);
            var answeredAt = DateTime.SpecifyKind(localDay.AddHours(localHour - 9).AddMinutes(random.Next(60)).AddSeconds(random.Next(60)), DateTimeKind.Utc);
            if (answeredAt > now)
            {
                answeredAt = now.AddMinutes(-random.Next(1, 600));
            }

            var mean = service.Base;
            var taxMonth = taxService && IsTaxMonth(localDay.Month);
            if (taxMonth)
            {
                mean -= 0.7;
            }

            // Waits grow with the crowd: the busy winter months cost timeliness (and so a little overall), the summer lull gives some back.
            var crowd = taxService ? 0 : (Season(localDay.Month) - 1) * 1.1;

            // Demo data for the training-impact page: courtesy rises at the trained centres after their round; every office drifts up a little.
            var later = answeredAt >= trainingDone;
            var trainedAfter = trainedIds.Contains(touchpoint.OrgUnitId) && later;
            var courtesyBoost = (trainedAfter ? 1.2 : 0) + (later ? 0.1 : 0);
            int Draw(double m) => Math.Clamp((int)Math.Round(m + (Normal(random) * 0.9)), 1, 5);
            var timeliness = Draw(mean - service.TimelinessPenalty - (taxMonth ? 0.5 : 0) - crowd);
            var knowledge = Draw(mean + 0.2 + (trainedAfter ? 0.4 : 0));
            var courtesy = Draw(mean + 0.1 + courtesyBoost);
            var fairness = Draw(mean + 0.2);
            var outcome = Draw(mean);
            var overall = Math.Clamp((int)Math.Round(((timeliness + knowledge + courtesy + fairness + outcome) / 5.0) + (Normal(random) * 0.45)), 1, 5);
            // Many citizens answer only the first question.
            var drivers = random.NextDouble() < 0.55;
            // Online answers come in English more often (residents from abroad, the English website).
            var korean = random.NextDouble() < (online ? 0.75 : 0.87);
            string? comment = null;
            if (overall <= 2 && random.NextDouble() < 0.55)
            {
                comment = (crowd > 0.2 || taxMonth) && random.NextDouble() < 0.4
                    ? Pick(random, korean ? busyKo : busyEn)
                    : Pick(random, korean ? unhappyKo : unhappyEn);
            }
            else if (overall == 5 && random.NextDouble() < 0.08)
            {
                comment = Pick(random, korean ? happyKo : happyEn);
            }

            int? commended = touchpoint.EmployeeId is { } badge && overall >= 4 && random.NextDouble() < 0.5 ? badge : null;
            if (commended is null && overall == 5 && random.NextDouble() < 0.06 && staffByUnit.TryGetValue(touchpoint.OrgUnitId, out var people))
            {
                commended = people[random.Next(people.Length)];
            }

            var resolved = overall switch
            {
                >= 4 => Resolution.Yes,
                3 => random.NextDouble() < 0.5 ? Resolution.Yes : Resolution.Partly,
                _ => random.NextDouble() < 0.6 ? Resolution.No : Resolution.Partly,
            };
            // A kiosk that lost its network sends its answers when it is back (minutes to hours later).
            var delay = touchpoint.Kind == TouchpointKind.Kiosk && random.NextDouble() < 0.03 ? random.Next(300, 4 * 3600) : random.Next(1, 30);
            rows[i] = new DemoAnswer(
                touchpoint.Id, touchpoint.OrgUnitId, touchpoint.ServiceId, touchpoint.Channel, overall,
                drivers ? timeliness : null, drivers ? knowledge : null, drivers ? courtesy : null, drivers ? fairness : null, drivers ? outcome : null,
                random.NextDouble() < 0.8 ? resolved : null, comment, commended, korean ? "ko" : "en", answeredAt, answeredAt.AddSeconds(delay));
        }

        Array.Sort(rows, static (a, b) => a.AnsweredAt.CompareTo(b.AnsweredAt));
        return rows;
    }

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];

    /// <summary>The same redaction the intake applies (the canned comments hold no personal data, so it changes nothing, but no path skips it).</summary>
    private static string[] Redacted(string[] comments) => [.. comments.Select(c => CommentRedaction.Clean(c)!)];

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
