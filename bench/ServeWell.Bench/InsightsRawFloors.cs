using Npgsql;

namespace ServeWell.Bench;

/// <summary>
/// The floors the Insights benchmark sets each view beside: the same figures as a raw GROUP BY over
/// <c>feedback_answers</c> for the same scope and period, read to the last row.
/// </summary>
internal static class InsightsRawFloors
{
    private const string Measures = """
        count(*) FILTER (WHERE a."Overall" = 1), count(*) FILTER (WHERE a."Overall" = 2), count(*) FILTER (WHERE a."Overall" = 3),
        count(*) FILTER (WHERE a."Overall" = 4), count(*) FILTER (WHERE a."Overall" = 5),
        count(a."TimelinessScore"), COALESCE(sum(a."TimelinessScore"), 0), count(a."KnowledgeScore"), COALESCE(sum(a."KnowledgeScore"), 0),
        count(a."CourtesyScore"), COALESCE(sum(a."CourtesyScore"), 0), count(a."FairnessScore"), COALESCE(sum(a."FairnessScore"), 0),
        count(a."OutcomeScore"), COALESCE(sum(a."OutcomeScore"), 0)
        """;

    /// <summary>The floor for the overview and the ranking: the same office × service × channel sums straight from the answers.</summary>
    public static Task CellsAsync(NpgsqlConnection c, string path, DateTime from, DateTime to, CancellationToken ct) => ReadAllAsync(c, $"""
        SELECT a."OrgUnitId", COALESCE(a."ServiceId", 0), a."Channel", {Measures}
          FROM feedback_answers a
         WHERE a."AnsweredAt" >= @from AND a."AnsweredAt" < @to AND a."OrgUnitId" IN (SELECT "Id" FROM org_units WHERE "Path" LIKE @path)
         GROUP BY 1, 2, 3
        """, path, from, to, null, ct);

    /// <summary>The floor for trends: score counts per local month straight from the answers.</summary>
    public static Task MonthsAsync(NpgsqlConnection c, string path, DateTime from, DateTime to, CancellationToken ct) => ReadAllAsync(c, """
        SELECT date_trunc('month', a."AnsweredAt" AT TIME ZONE 'Asia/Seoul'),
               count(*) FILTER (WHERE a."Overall" = 1), count(*) FILTER (WHERE a."Overall" = 2), count(*) FILTER (WHERE a."Overall" = 3),
               count(*) FILTER (WHERE a."Overall" = 4), count(*) FILTER (WHERE a."Overall" = 5)
          FROM feedback_answers a
         WHERE a."AnsweredAt" >= @from AND a."AnsweredAt" < @to AND a."OrgUnitId" IN (SELECT "Id" FROM org_units WHERE "Path" LIKE @path)
         GROUP BY 1
        """, path, from, to, null, ct);

    /// <summary>The floor for a drill-down: the figure of the cell it opens, straight from the answers.</summary>
    public static Task CellAsync(NpgsqlConnection c, string path, DateTime from, DateTime to, int? service, CancellationToken ct) => ReadAllAsync(c, $"""
        SELECT {Measures}
          FROM feedback_answers a
         WHERE a."AnsweredAt" >= @from AND a."AnsweredAt" < @to AND a."OrgUnitId" IN (SELECT "Id" FROM org_units WHERE "Path" LIKE @path)
           AND (@service::int IS NULL OR a."ServiceId" = @service)
        """, path, from, to, service, ct);

    private static async Task ReadAllAsync(NpgsqlConnection c, string sql, string path, DateTime from, DateTime to, int? service, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 600 };
        cmd.Parameters.AddWithValue("path", path + "%");
        cmd.Parameters.AddWithValue("from", DateTime.SpecifyKind(from, DateTimeKind.Utc));
        cmd.Parameters.AddWithValue("to", DateTime.SpecifyKind(to, DateTimeKind.Utc));
        if (sql.Contains("@service", StringComparison.Ordinal))
        {
            cmd.Parameters.Add(new NpgsqlParameter("service", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)service ?? DBNull.Value });
        }

        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
        }
    }
}
