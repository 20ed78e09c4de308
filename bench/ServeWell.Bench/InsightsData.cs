using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ServeWell.Web.Modules.Feedback.Services;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Bench;

/// <summary>
/// A national-scale city for the Insights benchmark: a city, 5 districts, 250 offices, 40 services (~8 per office),
/// a touchpoint per office × service × channel (~2.4 channels each) and N answers over the 24 local months
/// 2024-11 … 2026-10 (Asia/Seoul), skewed: busy offices and services get more answers; some offices, services and the
/// website channel are worse; one weak driver per poor service; satisfaction improves slowly over the two years.
/// Answers are written server-side by INSERT … SELECT over generate_series, month by month, with the table's foreign
/// keys and secondary indexes dropped during the load and recreated afterwards with their exact definitions.
/// </summary>
internal static class InsightsData
{
    public const int Districts = 5;
    public const int OfficesPerDistrict = 50;
    public const int Services = 40;
    public const int ServicesPerOffice = 8;
    public const int Slots = 100_000;

    /// <summary>The first local month of the data and the number of months.</summary>
    public static readonly DateOnly FirstMonth = new(2024, 11, 1);
    public const int Months = 24;

    private static readonly string[] Channels = ["CounterQr", "Kiosk", "Link", "Website"];

    private sealed record Tp(int Id, int OrgUnitId, int? ServiceId, int Channel, double Weight, double Dissatisfied, int WeakDriver);

    public static async Task<(TimeSpan Setup, TimeSpan Load, TimeSpan Indexes)> GenerateAsync(BenchDatabase database, long answers)
    {
        var setup = Stopwatch.StartNew();
        var random = new Random(42);
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        var touchpoints = await CreateCityAsync(database, random);
        setup.Stop();

        await using var connection = (NpgsqlConnection)database.NewConnection();
        await connection.OpenAsync();
        await ExecAsync(connection, "SELECT setseed(0.42)");
        await ExecAsync(connection, """
            CREATE TEMP TABLE bench_slots (slot int PRIMARY KEY, touchpoint_id int NOT NULL, org_unit_id int NOT NULL,
              service_id int NULL, channel text NOT NULL, p_dis float8 NOT NULL, weak int NOT NULL)
            """);
        await FillSlotsAsync(connection, touchpoints);

        var dropped = await DropSecondaryAsync(connection);
        var load = Stopwatch.StartNew();
        var weights = Enumerable.Range(0, Months).Select(m => DateTime.DaysInMonth(FirstMonth.AddMonths(m).Year, FirstMonth.AddMonths(m).Month) * (1 + (0.3 * m / (Months - 1)))).ToArray();
        var total = weights.Sum();
        long written = 0;
        for (var m = 0; m < Months; m++)
        {
            var n = m == Months - 1 ? answers - written : (long)Math.Round(answers * weights[m] / total);
            var month = FirstMonth.AddMonths(m);
            var day0 = month.DayNumber - FirstMonth.DayNumber;
            var days = DateTime.DaysInMonth(month.Year, month.Month);
            await InsertMonthAsync(connection, n, day0, days);
            written += n;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {month:yyyy-MM}: {n:N0} answers ({written:N0} so far, {load.Elapsed.TotalSeconds:F0} s)"));
        }

        load.Stop();
        var indexes = Stopwatch.StartNew();
        foreach (var sql in dropped)
        {
            await ExecAsync(connection, sql);
        }

        await ExecAsync(connection, "ANALYZE");
        indexes.Stop();
        return (setup.Elapsed, load.Elapsed, indexes.Elapsed);
    }

    /// <summary>Org units, services and touchpoints through the app's own entities.</summary>
    private static async Task<List<Tp>> CreateCityAsync(BenchDatabase database, Random random)
    {
        await using var db = database.NewContext();
        var now = DateTime.UtcNow;
        var city = new OrgUnit { Code = "CITY", Name = "벤치시", NameEn = "Bench City", Kind = OrgUnitKind.City, CreatedAt = now };
        db.OrgUnits.Add(city);
        await db.SaveChangesAsync();
        city.PlaceUnder(null);
        var districts = new List<OrgUnit>();
        for (var d = 1; d <= Districts; d++)
        {
            var district = new OrgUnit { Code = $"D{d}", Name = $"제{d}구", NameEn = $"District {d}", Kind = OrgUnitKind.Department, CreatedAt = now };
            db.OrgUnits.Add(district);
            districts.Add(district);
        }

        await db.SaveChangesAsync();
        districts.ForEach(d => d.PlaceUnder(city));
        var offices = new List<OrgUnit>();
        for (var o = 0; o < Districts * OfficesPerDistrict; o++)
        {
            var office = new OrgUnit
            {
                Code = $"O{o + 1:D3}", Name = $"{o + 1}번 민원실", NameEn = $"Office {o + 1}",
                Kind = o % 3 == 0 ? OrgUnitKind.CommunityCentre : OrgUnitKind.Office, CreatedAt = now,
            };
            db.OrgUnits.Add(office);
            offices.Add(office);
        }

        await db.SaveChangesAsync();
        for (var o = 0; o < offices.Count; o++)
        {
            offices[o].PlaceUnder(districts[o / OfficesPerDistrict]);
        }

        await db.SaveChangesAsync();

        // Service popularity (log-normal) and badness: services 3, 11, 19, 27 are poor, 7 and 23 a little.
        var services = new List<(PublicService Service, double Weight, double Bad, int Weak)>();
        for (var s = 0; s < Services; s++)
        {
            var bad = s is 3 or 11 or 19 or 27 ? 0.14 : s is 7 or 23 ? 0.05 : 0;
            var service = new PublicService { Code = $"svc-{s + 1:D2}", NameEn = $"Service {s + 1}", NameKo = $"서비스 {s + 1}" };
            db.PublicServices.Add(service);
            services.Add((service, Math.Exp(Normal(random)), bad, bad > 0 ? 1 + (s % 5) : 0));
        }

        await db.SaveChangesAsync();
        var offered = new List<(int Office, int Service)>();
        var officeTraits = offices.Select(_ => (Weight: Math.Exp(0.6 * Normal(random)), Bad: random.NextDouble() switch { < 0.05 => 0.18, < 0.15 => 0.08, _ => 0 })).ToList();
        for (var o = 0; o < offices.Count; o++)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < ServicesPerOffice)
            {
                chosen.Add(random.Next(Services));
            }

            foreach (var s in chosen)
            {
                services[s].Service.Offices.Add(new ServiceOffice { OrgUnitId = offices[o].Id });
                offered.Add((o, s));
            }
        }

        await db.SaveChangesAsync();
        var made = new List<(Touchpoint Touchpoint, double Weight, double Dis, int Weak)>();
        double[] channelWeight = [1.0, 0.6, 0.5, 0.3];
        double[] channelBad = [0, 0.01, -0.01, 0.04];
        double[] channelChance = [1.0, 0.5, 0.6, 0.3];
        foreach (var (o, s) in offered)
        {
            for (var c = 0; c < Channels.Length; c++)
            {
                if (random.NextDouble() >= channelChance[c])
                {
                    continue;
                }

                var kind = c switch { 1 => TouchpointKind.Kiosk, 2 => TouchpointKind.PostTransactionLink, 3 => TouchpointKind.Website, _ => TouchpointKind.Counter };
                var tp = new Touchpoint
                {
                    Kind = kind, Label = LocalText.In("en", $"{Channels[c]} {services[s].Service.Code}"), OrgUnitId = offices[o].Id, ServiceId = services[s].Service.Id,
                    Code = TouchpointCodes.New(), CreatedAt = now,
                };
                db.Touchpoints.Add(tp);
                made.Add((tp, officeTraits[o].Weight * services[s].Weight * channelWeight[c],
                    0.07 + officeTraits[o].Bad + services[s].Bad + channelBad[c], services[s].Weak));
            }
        }

        // One general website touchpoint per office with no service named.
        for (var o = 0; o < offices.Count; o++)
        {
            var tp = new Touchpoint { Kind = TouchpointKind.Website, Label = LocalText.In("en", "Website (general)"), OrgUnitId = offices[o].Id, Code = TouchpointCodes.New(), CreatedAt = now };
            db.Touchpoints.Add(tp);
            made.Add((tp, officeTraits[o].Weight * 0.5, 0.09 + officeTraits[o].Bad, 0));
        }

        await db.SaveChangesAsync();
        return made.Select(m => new Tp(m.Touchpoint.Id, m.Touchpoint.OrgUnitId, m.Touchpoint.ServiceId, (int)m.Touchpoint.Channel, m.Weight, m.Dis, m.Weak)).ToList();
    }

    /// <summary>100,000 slots, each touchpoint holding slots in proportion to its weight: a uniform slot draws a weighted touchpoint.</summary>
    private static async Task FillSlotsAsync(NpgsqlConnection connection, List<Tp> touchpoints)
    {
        var total = touchpoints.Sum(t => t.Weight);
        await using var writer = await connection.BeginBinaryImportAsync("COPY bench_slots (slot, touchpoint_id, org_unit_id, service_id, channel, p_dis, weak) FROM STDIN (FORMAT BINARY)");
        var slot = 0;
        var cumulative = 0.0;
        foreach (var t in touchpoints)
        {
            cumulative += t.Weight;
            var upTo = t == touchpoints[^1] ? Slots : (int)Math.Round(cumulative / total * Slots);
            for (; slot < upTo; slot++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(slot, NpgsqlDbType.Integer);
                await writer.WriteAsync(t.Id, NpgsqlDbType.Integer);
                await writer.WriteAsync(t.OrgUnitId, NpgsqlDbType.Integer);
                if (t.ServiceId is { } s)
                {
                    await writer.WriteAsync(s, NpgsqlDbType.Integer);
                }
                else
                {
                    await writer.WriteNullAsync();
                }

                await writer.WriteAsync(Channels[t.Channel], NpgsqlDbType.Text);
                await writer.WriteAsync(Math.Clamp(t.Dissatisfied, 0.01, 0.6), NpgsqlDbType.Double);
                await writer.WriteAsync(t.WeakDriver, NpgsqlDbType.Integer);
            }
        }

        await writer.CompleteAsync();
    }

    /// <summary>Drops the answers' foreign keys and secondary indexes; returns the statements that recreate them exactly.</summary>
    private static async Task<List<string>> DropSecondaryAsync(NpgsqlConnection connection)
    {
        var recreate = new List<string>();
        var drop = new List<string>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT 'ALTER TABLE feedback_answers DROP CONSTRAINT "' || conname || '"',
                   'ALTER TABLE feedback_answers ADD CONSTRAINT "' || conname || '" ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE conrelid = 'feedback_answers'::regclass AND contype = 'f'
            UNION ALL
            SELECT 'DROP INDEX "' || i.relname || '"', pg_get_indexdef(i.oid)
              FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
             WHERE x.indrelid = 'feedback_answers'::regclass AND NOT x.indisprimary
            """, connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                drop.Add(reader.GetString(0));
                recreate.Add(reader.GetString(1));
            }
        }

        foreach (var sql in drop)
        {
            await ExecAsync(connection, sql);
        }

        // Indexes first (they serve the foreign-key validation), constraints after.
        return [.. recreate.OrderBy(s => s.StartsWith("ALTER", StringComparison.Ordinal) ? 1 : 0)];
    }

    private static async Task InsertMonthAsync(NpgsqlConnection connection, long n, int day0, int days)
    {
        // 2024-11-01 00:00 in Seoul is 2024-10-31 15:00 UTC; answers fall between 09:00 and 18:00 local time.
        // Satisfaction improves over the two years: the dissatisfied chance is multiplied by 1.1 falling to 0.9.
        const string sql = """
            WITH r AS MATERIALIZED (
              SELECT (random() * 99999)::int AS slot, random() AS u, random() AS v, floor(random() * @days)::int + @day0 AS day, random() AS tod,
                     random() AS d1, random() AS d2, random() AS d3, random() AS d4, random() AS d5, random() AS res, random() AS com,
                     random() AS lang, random() AS pick
                FROM generate_series(1, @n)
            ), a AS MATERIALIZED (
              SELECT s.touchpoint_id, s.org_unit_id, s.service_id, s.channel, s.weak, r.*,
                     timestamptz '2024-10-31 15:00:00+00' + r.day * interval '1 day' + interval '9 hours' + r.tod * interval '9 hours' AS at,
                     CASE WHEN r.u < s.p_dis * (1.1 - 0.2 * r.day / 730.0) THEN CASE WHEN r.v < 0.45 THEN 1 ELSE 2 END
                          WHEN r.u < s.p_dis * (1.1 - 0.2 * r.day / 730.0) + 0.16 THEN 3
                          WHEN r.v < 0.55 THEN 5 ELSE 4 END AS overall
                FROM r JOIN bench_slots s ON s.slot = r.slot
            ), b AS (
              SELECT a.*,
                     CASE WHEN d1 < 0.7 THEN LEAST(5, GREATEST(1, overall + (floor(d1 * 3000)::int % 3) - 1 - (weak = 1)::int)) END AS t1,
                     CASE WHEN d2 < 0.7 THEN LEAST(5, GREATEST(1, overall + (floor(d2 * 3000)::int % 3) - 1 - (weak = 2)::int)) END AS t2,
                     CASE WHEN d3 < 0.7 THEN LEAST(5, GREATEST(1, overall + (floor(d3 * 3000)::int % 3) - 1 - (weak = 3)::int)) END AS t3,
                     CASE WHEN d4 < 0.7 THEN LEAST(5, GREATEST(1, overall + (floor(d4 * 3000)::int % 3) - 1 - (weak = 4)::int)) END AS t4,
                     CASE WHEN d5 < 0.7 THEN LEAST(5, GREATEST(1, overall + (floor(d5 * 3000)::int % 3) - 1 - (weak = 5)::int)) END AS t5
                FROM a
            )
            INSERT INTO feedback_answers ("TouchpointId", "OrgUnitId", "ServiceId", "Channel", "Overall", "OverallScore",
                "Timeliness", "TimelinessScore", "Knowledge", "KnowledgeScore", "Courtesy", "CourtesyScore", "Fairness", "FairnessScore",
                "Outcome", "OutcomeScore", "Resolved", "Comment", "CommendedEmployeeId", "ContactRequested", "Language", "AnsweredAt", "ReceivedAt")
            SELECT touchpoint_id, org_unit_id, service_id, channel, overall, (overall - 1) * 25,
                   t1, (t1 - 1) * 25, t2, (t2 - 1) * 25, t3, (t3 - 1) * 25, t4, (t4 - 1) * 25, t5, (t5 - 1) * 25,
                   CASE WHEN res < 0.6 THEN
                     CASE WHEN overall >= 4 THEN CASE WHEN res < 0.5 THEN 'Yes' ELSE 'Partly' END
                          WHEN overall = 3 THEN CASE WHEN res < 0.3 THEN 'Yes' WHEN res < 0.45 THEN 'Partly' ELSE 'No' END
                          ELSE CASE WHEN res < 0.1 THEN 'Yes' WHEN res < 0.3 THEN 'Partly' ELSE 'No' END END END,
                   CASE WHEN (overall <= 2 AND com < 0.3) OR (overall >= 3 AND com < 0.06) THEN
                     CASE WHEN lang < 0.85 THEN
                       CASE WHEN overall <= 2 THEN (ARRAY['대기 시간이 너무 길었습니다', '직원이 불친절했어요', '서류 안내가 부족했습니다', '주차할 곳이 없어요', '전화 연결이 되지 않습니다'])[1 + floor(pick * 5)::int]
                            ELSE (ARRAY['친절하게 안내해 주셔서 감사합니다', '빠르게 처리되었어요', '설명이 자세했습니다', '대기 시간이 짧았어요', '직원분이 친절했어요'])[1 + floor(pick * 5)::int] END
                     ELSE
                       CASE WHEN overall <= 2 THEN (ARRAY['The wait was far too long', 'Staff were rude', 'Nobody explained which documents I needed', 'No parking anywhere', 'Could not get through on the phone'])[1 + floor(pick * 5)::int]
                            ELSE (ARRAY['Thank you for the friendly help', 'Done quickly', 'Clear explanation', 'Short wait', 'Very kind staff'])[1 + floor(pick * 5)::int] END
                     END END,
                   NULL, false, CASE WHEN lang < 0.85 THEN 'ko' ELSE 'en' END,
                   at, at + CASE WHEN channel = 'Kiosk' THEN pick * interval '2 days' ELSE interval '2 seconds' END
              FROM b
            """;
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        cmd.Parameters.AddWithValue("n", n);
        cmd.Parameters.AddWithValue("day0", day0);
        cmd.Parameters.AddWithValue("days", days);
        await cmd.ExecuteNonQueryAsync();
    }

    internal static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
