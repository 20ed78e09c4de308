using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Services;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// The demo city's services, touchpoints and about fourteen months of citizen answers from a fixed seed, with what a
/// dashboard should find: business permits slow, local tax worse in the May and August tax months, community centres'
/// courtesy rising at the three centres whose staff took the visiting courtesy training eight months ago (the other three, not yet trained, stay level; both share a small citywide drift), Korean and English comments on unhappy answers, and some
/// commendations. Inserted in multi-row statements so the first start stays fast.
/// </summary>
internal static class DemoFeedback
{
    private sealed record ServiceSeed(string Code, string En, string Ko, double Base, double TimelinessPenalty, string[] Offices);

    private static readonly string[] Centres = ["C-JUNGANG", "C-GANGBYEON", DemoCity.SupervisorCentre, "C-NAMSAN", "C-CHEONGPA", "C-HANNAM"];

    private static readonly ServiceSeed[] Services =
    [
        new("resident-registration", "Resident registration", "주민등록", 4.2, 0.1, [.. Centres, "O-CIVIL"]),
        new("certificates", "Certificates", "제증명 발급", 4.4, 0.0, [.. Centres, "O-CIVIL"]),
        new("business-permits", "Business permits", "영업 인허가", 3.1, 1.3, ["O-CIVIL", "O-ENV"]),
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

    private static readonly string[] HappyKo = ["친절하게 안내해 주셔서 감사합니다.", "빠르게 처리되었어요.", "설명이 아주 자세했습니다."];

    private static readonly string[] HappyEn = ["Very helpful, thank you.", "Quick and friendly.", "Explained everything clearly."];

    public static async Task SeedAsync(ServeWellDbContext db, int answers, DateTime now, ILogger logger, CancellationToken cancellationToken)
    {
        if (await db.Touchpoints.AnyAsync(cancellationToken))
        {
            return;
        }

        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, cancellationToken);
        if (!units.ContainsKey("O-CIVIL"))
        {
            return;
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
        void Add(TouchpointKind kind, string label, string unit, string service, double weight, int? employeeId = null)
        {
            var t = new Touchpoint
            {
                Kind = kind, Label = label, OrgUnitId = units[unit].Id, ServiceId = services[service].Id, EmployeeId = employeeId,
                Code = TouchpointCodes.New(), CreatedAt = now.AddMonths(-15),
            };
            db.Touchpoints.Add(t);
            touchpoints.Add((t, Services.Single(x => x.Code == service), weight));
        }

        foreach (var centre in Centres)
        {
            Add(TouchpointKind.Counter, "Counter 1 – resident registration", centre, "resident-registration", 3);
            Add(TouchpointKind.Counter, "Counter 2 – certificates", centre, "certificates", 2.5);
            Add(TouchpointKind.ServiceWindow, "Welfare window", centre, "welfare-applications", 1.5);
            Add(TouchpointKind.Kiosk, "Entrance kiosk", centre, "certificates", 1);
        }

        Add(TouchpointKind.ServiceWindow, "Window 5 – business permits", "O-CIVIL", "business-permits", 3);
        Add(TouchpointKind.ServiceWindow, "Window 7 – passports", "O-CIVIL", "passports", 2.5);
        Add(TouchpointKind.Counter, "Civil complaints desk", "O-CIVIL", "civil-complaints", 2);
        Add(TouchpointKind.Website, "Civil service website", "O-CIVIL", "civil-complaints", 1.5);
        Add(TouchpointKind.ServiceWindow, "Food business permits", "O-ENV", "business-permits", 1.5);
        Add(TouchpointKind.Counter, "Tax counter", "O-TAX", "local-tax", 3);
        Add(TouchpointKind.PostTransactionLink, "Link on tax notices", "O-TAX", "local-tax", 2);
        Add(TouchpointKind.Counter, "Welfare reception", "O-WELFARE", "welfare-applications", 2);
        var badgeHolder = await db.Employees.AsNoTracking()
            .Where(e => e.OrgUnitId == units[DemoCity.SupervisorCentre].Id && e.IsFrontline && e.Position == "주무관")
            .OrderBy(e => e.EmployeeNumber).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (badgeHolder is not null)
        {
            Add(TouchpointKind.EmployeeBadge, "Name badge", DemoCity.SupervisorCentre, "resident-registration", 0.5, badgeHolder);
        }

        await db.SaveChangesAsync(cancellationToken);

        var staff = await db.Employees.AsNoTracking().Where(e => e.IsFrontline).Select(e => new { e.Id, e.OrgUnitId }).ToListAsync(cancellationToken);
        var staffByUnit = staff.GroupBy(e => e.OrgUnitId).ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToArray());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = Generate(touchpoints, staffByUnit, units, answers, now);
        await InsertAsync(db, rows, cancellationToken);
        logger.LogInformation("Demo feedback: {Answers} answers generated and inserted in {Milliseconds} ms", rows.Count, clock.ElapsedMilliseconds);
        db.AuditEachChange = true;
        db.Audit("demo-seed", nameof(FeedbackAnswer), "demo", null, new { services = Services.Length, touchpoints = touchpoints.Count, answers = rows.Count });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private static List<object?[]> Generate(
        List<(Touchpoint Touchpoint, ServiceSeed Service, double Weight)> touchpoints, Dictionary<int, int[]> staffByUnit,
        Dictionary<string, OrgUnit> units, int count, DateTime now)
    {
        var random = new Random(20261122);
        var trainedIds = DemoCity.CourtesyTrainedCentres.Select(c => units[c].Id).ToHashSet();
        var totalWeight = touchpoints.Sum(t => t.Weight);
        var start = now.AddDays(-14 * 30.4);
        var trainingDone = now.AddMonths(-DemoCity.CourtesyRoundMonthsAgo);
        var rows = new List<object?[]>(count);
        for (var i = 0; i < count; i++)
        {
            var pick = random.NextDouble() * totalWeight;
            var (touchpoint, service, _) = touchpoints.First(t => (pick -= t.Weight) <= 0 || t == touchpoints[^1]);
            // Working hours on weekdays, Korean time (UTC+9); the website and links take answers at any hour.
            var day = start.AddDays(random.NextDouble() * (now - start).TotalDays).Date;
            var anyHour = touchpoint.Kind is TouchpointKind.Website or TouchpointKind.PostTransactionLink;
            if (!anyHour && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(day.DayOfWeek == DayOfWeek.Saturday ? -1 : -2);
            }

            var localHour = anyHour ? random.Next(0, 24) : random.Next(9, 18);
            var answeredAt = DateTime.SpecifyKind(day.AddHours(localHour - 9).AddMinutes(random.Next(60)), DateTimeKind.Utc);
            if (answeredAt > now)
            {
                answeredAt = now.AddMinutes(-random.Next(1, 600));
            }

            var mean = service.Base;
            var taxMonth = service.Code == "local-tax" && answeredAt.Month is 5 or 8;
            if (taxMonth)
            {
                mean -= 0.7;
            }

            // Demo data for the training-impact page: courtesy rises at the trained centres after their round; every office drifts up a little.
            var later = answeredAt >= trainingDone;
            var trainedAfter = trainedIds.Contains(touchpoint.OrgUnitId) && later;
            var courtesyBoost = (trainedAfter ? 1.2 : 0) + (later ? 0.1 : 0);
            int Draw(double m) => Math.Clamp((int)Math.Round(m + Normal(random) * 0.9), 1, 5);
            var timeliness = Draw(mean - service.TimelinessPenalty - (taxMonth ? 0.5 : 0));
            var knowledge = Draw(mean + 0.2 + (trainedAfter ? 0.4 : 0));
            var courtesy = Draw(mean + 0.1 + courtesyBoost);
            var fairness = Draw(mean + 0.2);
            var outcome = Draw(mean);
            var overall = Math.Clamp((int)Math.Round(((timeliness + knowledge + courtesy + fairness + outcome) / 5.0) + Normal(random) * 0.45), 1, 5);
            // Many citizens answer only the first question.
            var drivers = random.NextDouble() < 0.55;
            var korean = random.NextDouble() < 0.85;
            var language = korean ? "ko" : "en";
            string? comment = null;
            if (overall <= 2 && random.NextDouble() < 0.55)
            {
                comment = korean ? UnhappyKo[random.Next(UnhappyKo.Length)] : UnhappyEn[random.Next(UnhappyEn.Length)];
            }
            else if (overall == 5 && random.NextDouble() < 0.08)
            {
                comment = korean ? HappyKo[random.Next(HappyKo.Length)] : HappyEn[random.Next(HappyEn.Length)];
            }

            int? commended = touchpoint.EmployeeId is { } badge && overall >= 4 && random.NextDouble() < 0.5 ? badge : null;
            if (commended is null && overall == 5 && random.NextDouble() < 0.06 && staffByUnit.TryGetValue(touchpoint.OrgUnitId, out var people))
            {
                commended = people[random.Next(people.Length)];
            }

            var resolved = overall switch { >= 4 => "Yes", 3 => random.NextDouble() < 0.5 ? "Yes" : "Partly", _ => random.NextDouble() < 0.6 ? "No" : "Partly" };
            rows.Add(
            [
                touchpoint.Id, touchpoint.OrgUnitId, touchpoint.ServiceId, touchpoint.Channel.ToString(), overall, FeedbackAnswer.ToScore(overall),
                drivers ? timeliness : null, drivers ? FeedbackAnswer.ToScore(timeliness) : null,
                drivers ? knowledge : null, drivers ? FeedbackAnswer.ToScore(knowledge) : null,
                drivers ? courtesy : null, drivers ? FeedbackAnswer.ToScore(courtesy) : null,
                drivers ? fairness : null, drivers ? FeedbackAnswer.ToScore(fairness) : null,
                drivers ? outcome : null, drivers ? FeedbackAnswer.ToScore(outcome) : null,
                random.NextDouble() < 0.8 ? resolved : null, comment, commended, false, language, answeredAt,
                answeredAt.AddSeconds(random.Next(1, 30)),
            ]);
        }

        return rows;
    }

    private static readonly string[] Columns =
    [
        "TouchpointId", "OrgUnitId", "ServiceId", "Channel", "Overall", "OverallScore", "Timeliness", "TimelinessScore", "Knowledge",
        "KnowledgeScore", "Courtesy", "CourtesyScore", "Fairness", "FairnessScore", "Outcome", "OutcomeScore", "Resolved", "Comment",
        "CommendedEmployeeId", "ContactRequested", "Language", "AnsweredAt", "ReceivedAt",
    ];

    /// <summary>
    /// Inside the caller's transaction. PostgreSQL: multi-row INSERTs of 400 rows (few round trips). SQLite: one prepared
    /// single-row INSERT run per row — SQLite binds named parameters by a linear search, so a 9,000-parameter statement
    /// costs quadratic time, while a reused prepared statement in one transaction inserts ~100,000 rows a second.
    /// </summary>
    private static async Task InsertAsync(ServeWellDbContext db, List<object?[]> rows, CancellationToken cancellationToken)
    {
        var perStatement = db.Database.IsSqlite() ? 1 : 400;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var head = $"INSERT INTO feedback_answers ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ";
        DbCommand? reused = null;
        try
        {
            for (var offset = 0; offset < rows.Count; offset += perStatement)
            {
                var chunk = rows.GetRange(offset, Math.Min(perStatement, rows.Count - offset));
                if (perStatement == 1 && reused is not null)
                {
                    for (var c = 0; c < Columns.Length; c++)
                    {
                        reused.Parameters[c].Value = chunk[0][c] ?? DBNull.Value;
                    }

                    await reused.ExecuteNonQueryAsync(cancellationToken);
                    continue;
                }

                var command = connection.CreateCommand();
                command.Transaction = transaction;
                var sql = new StringBuilder(head);
                for (var r = 0; r < chunk.Count; r++)
                {
                    sql.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < Columns.Length; c++)
                    {
                        var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                        sql.Append(c == 0 ? "" : ", ").Append(name);
                        AddParameter(command, name, chunk[r][c]);
                    }

                    sql.Append(')');
                }

                command.CommandText = sql.ToString();
                if (perStatement == 1)
                {
                    await command.PrepareAsync(cancellationToken);
                    reused = command;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                else
                {
                    await using (command)
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                }
            }
        }
        finally
        {
            if (reused is not null)
            {
                await reused.DisposeAsync();
            }
        }
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
