using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Revisions;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Feedback;

namespace ServeWell.Web.Tests.Insights;

/// <summary>
/// The rollups equal a raw GROUP BY over the answers that count after random answers through the intake, late kiosk
/// syncs into past months, exclusions and restores (ADR-022) and a drained queue; the worker catches up by itself; bulk-loaded answers come in by a rebuild.
/// </summary>
public abstract class InsightsRollupTests(FeedbackApp app)
{
    [Fact]
    public async Task RandomAnswersLateSyncsExclusionsAndRestores_AfterDrain_RollupsEqualTheRawGroupBy()
    {
        await app.UseAsync<InsightsRollups, int>(r => r.RebuildAsync(CancellationToken.None));
        var touchpoints = await app.DbAsync(db => db.Touchpoints.AsNoTracking()
            .Where(t => t.RetiredAt == null && t.Kind != TouchpointKind.EmployeeBadge).OrderBy(t => t.Id).ToListAsync());
        touchpoints.Select(t => t.Channel).Distinct().Count().ShouldBeGreaterThan(1);
        touchpoints.Select(t => t.OrgUnitId).Distinct().Count().ShouldBeGreaterThan(1);
        var random = new Random(20261122);
        using var citizen = app.Citizen();
        var counting = new List<long>();
        var excluded = new List<long>();
        var (exclusions, restores, drains) = (0, 0, 0);
        for (var i = 0; i < 120; i++)
        {
            // Mostly new answers (half of them late syncs); then exclusions and restores of answers already rolled up
            // or still queued (updates after intake, ADR-022), and now and then a batch in between.
            var operation = random.Next(10);
            if (operation < 2 && counting.Count > 0)
            {
                var id = counting[random.Next(counting.Count)];
                var reason = ReviseFeedback.ReasonNames[random.Next(ReviseFeedback.ReasonNames.Count)];
                (await ReviseAsync(r => r.ExcludeAsync(id, reason, random.Next(2) == 0 ? null : "note " + i.ToString(CultureInfo.InvariantCulture), Everything, new ClaimsPrincipal(), CancellationToken.None)))
                    .Outcome.ShouldBe(RevisionOutcome.Done);
                counting.Remove(id);
                excluded.Add(id);
                exclusions++;
                continue;
            }

            if (operation == 2 && excluded.Count > 0)
            {
                var id = excluded[random.Next(excluded.Count)];
                (await ReviseAsync(r => r.RestoreAsync(id, Everything, CancellationToken.None))).Outcome.ShouldBe(RevisionOutcome.Done);
                excluded.Remove(id);
                counting.Add(id);
                restores++;
                continue;
            }

            if (operation == 3)
            {
                await app.UseAsync<InsightsRollups, int>(r => r.RunBatchAsync(CancellationToken.None));
                drains++;
                continue;
            }

            var touchpoint = touchpoints[random.Next(touchpoints.Count)];
            int? Driver() => random.Next(3) == 0 ? null : random.Next(1, 6);
            // Half are late syncs: answered up to 80 days ago, so they land in months the rollups already hold.
            var answeredAt = DateTimeOffset.UtcNow.AddMinutes(-(random.Next(2) == 0 ? random.Next(0, 60) : random.Next(60, 80 * 24 * 60)));
            using var response = await citizen.PostFeedbackAsync(new
            {
                touchpoint = touchpoint.Code, overall = random.Next(1, 6), language = random.Next(2) == 0 ? "en" : "ko",
                comment = random.Next(2) == 0 ? null : "comment " + i.ToString(CultureInfo.InvariantCulture),
                resolved = new[] { null, "yes", "partly", "no" }[random.Next(4)],
                drivers = new { timeliness = Driver(), knowledge = Driver(), courtesy = Driver(), fairness = Driver(), outcome = Driver() },
                answeredAt,
            }, FeedbackData.NewKey());
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            counting.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }

        exclusions.ShouldBeGreaterThan(5);
        restores.ShouldBeGreaterThan(2);
        drains.ShouldBeGreaterThan(2);
        excluded.ShouldNotBeEmpty();
        await app.UseAsync<InsightsRollups, int>(r => r.DrainAsync(CancellationToken.None));

        (await app.DbAsync(db => db.InsightsRollupQueue.CountAsync())).ShouldBe(0);
        SameCells(await RollupsAsync(), await RawGroupByAsync());
        SameCells(await UnitMonthsAsync(), await RawUnitMonthsAsync());
        SameCells(await SubtreesAsync(), await RawSubtreesAsync());

        // The rebuild leaves the excluded answers out the same way.
        await app.UseAsync<InsightsRollups, int>(r => r.RebuildAsync(CancellationToken.None));
        SameCells(await RollupsAsync(), await RawGroupByAsync());
        SameCells(await UnitMonthsAsync(), await RawUnitMonthsAsync());
        SameCells(await SubtreesAsync(), await RawSubtreesAsync());
    }

    /// <summary>
    /// The race a delta rollup must survive (ADR-026): answers commit while batches add deltas, recount office-months
    /// (exclusions, restores) and a rebuild recounts whole months. A recount that saw an answer must drop its delta; one
    /// that did not must leave it, or the answer counts twice or never.
    /// </summary>
    [Fact]
    public async Task AnswersArrivingWhileBatchesRecountAndRebuild_AfterDrain_RollupsEqualTheRawGroupBy()
    {
        await app.UseAsync<InsightsRollups, int>(r => r.DrainAsync(CancellationToken.None));
        var touchpoints = await app.DbAsync(db => db.Touchpoints.AsNoTracking()
            .Where(t => t.RetiredAt == null && t.Kind != TouchpointKind.EmployeeBadge).OrderBy(t => t.Id).Take(6).ToListAsync());
        var stored = new System.Collections.Concurrent.ConcurrentQueue<long>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            using var citizen = app.Citizen();
            var posted = 0;
            while (!stop.IsCancellationRequested)
            {
                using var response = await citizen.PostFeedbackAsync(new
                {
                    touchpoint = touchpoints[random.Next(touchpoints.Count)].Code, overall = random.Next(1, 6), language = "en",
                    comment = random.Next(2) == 0 ? null : "race", drivers = new { courtesy = random.Next(1, 6) },
                    answeredAt = DateTimeOffset.UtcNow.AddDays(-random.Next(0, 40)),
                }, FeedbackData.NewKey());
                response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
                stored.Enqueue((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
                posted++;
            }

            return posted;
        })).ToList();

        // While the answers keep coming: rebuilds, recounts (an exclusion, a batch, its restore) and plain batches.
        var started = DateTime.UtcNow;
        while (stored.Count < 8 && DateTime.UtcNow - started < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        for (var i = 0; i < 24; i++)
        {
            if (i % 8 == 0)
            {
                await app.UseAsync<InsightsRollups, int>(r => r.RebuildAsync(CancellationToken.None));
            }
            else if (i % 3 == 1)
            {
                stored.TryDequeue(out var id).ShouldBeTrue();
                (await ReviseAsync(r => r.ExcludeAsync(id, ReviseFeedback.ReasonNames[0], null, Everything, new ClaimsPrincipal(), CancellationToken.None))).Outcome.ShouldBe(RevisionOutcome.Done);
                await app.UseAsync<InsightsRollups, int>(r => r.RunBatchAsync(CancellationToken.None));
                (await ReviseAsync(r => r.RestoreAsync(id, Everything, CancellationToken.None))).Outcome.ShouldBe(RevisionOutcome.Done);
            }
            else
            {
                await app.UseAsync<InsightsRollups, int>(r => r.RunBatchAsync(CancellationToken.None));
            }
        }

        await stop.CancelAsync();
        (await Task.WhenAll(writers)).Sum().ShouldBeGreaterThanOrEqualTo(8);
        await app.UseAsync<InsightsRollups, int>(r => r.DrainAsync(CancellationToken.None));

        (await app.DbAsync(db => db.InsightsRollupQueue.CountAsync())).ShouldBe(0);
        SameCells(await RollupsAsync(), await RawGroupByAsync());
        SameCells(await UnitMonthsAsync(), await RawUnitMonthsAsync());
        SameCells(await SubtreesAsync(), await RawSubtreesAsync());
    }

    protected static readonly ScopeFilter Everything = new(true, null, null);

    protected Task<RevisionResult> ReviseAsync(Func<ReviseFeedback, Task<RevisionResult>> work) => app.UseAsync<ReviseFeedback, RevisionResult>(work);

    /// <summary>Every stored answer that counts, read past the global filter and filtered here, so the test does not lean on the filter it checks.</summary>
    private Task<List<FeedbackAnswer>> CountingAnswersAsync() =>
        app.DbAsync(db => db.FeedbackAnswers.IgnoreQueryFilters().AsNoTracking().Where(a => a.ExcludedAt == null).ToListAsync());

    [Fact]
    public async Task UnitMoved_SubtreeRollupsFollowTheTree_AndEqualTheRawGroupBy()
    {
        await app.UseAsync<InsightsRollups, int>(r => r.DrainAsync(CancellationToken.None));
        await app.UseAsync<InsightsRollups, int>(r => r.RebuildAsync(CancellationToken.None));
        SameCells(await SubtreesAsync(), await RawSubtreesAsync());
        (await SubtreesAsync()).Count.ShouldBeGreaterThan(0);

        // An answering unit with no units below it moves under another parent; its answers must now count there.
        var (unitId, oldParentId, newParentId) = await app.DbAsync(async db =>
        {
            var answering = await db.FeedbackAnswers.Select(a => a.OrgUnitId).Distinct().ToListAsync();
            var units = await db.OrgUnits.AsNoTracking().ToListAsync();
            var leaf = units.First(u => answering.Contains(u.Id) && u.ParentId is not null && !units.Any(c => c.ParentId == u.Id));
            var target = units.First(u => u.Id != leaf.ParentId && u.Id != leaf.Id && !u.Path.StartsWith(leaf.Path, StringComparison.Ordinal));
            return (leaf.Id, leaf.ParentId!.Value, target.Id);
        });
        await MoveAsync(unitId, newParentId);
        try
        {
            (await app.UseAsync<InsightsRollups, int>(r => r.RefreshSubtreesAsync(CancellationToken.None))).ShouldBeGreaterThan(0);
            SameCells(await SubtreesAsync(), await RawSubtreesAsync());
        }
        finally
        {
            await MoveAsync(unitId, oldParentId);
            await app.UseAsync<InsightsRollups, int>(r => r.RefreshSubtreesAsync(CancellationToken.None));
        }
    }

    private Task MoveAsync(int unitId, int parentId) => app.DbAsync(async db =>
    {
        var unit = await db.OrgUnits.SingleAsync(u => u.Id == unitId);
        unit.PlaceUnder(await db.OrgUnits.SingleAsync(u => u.Id == parentId));
        await db.SaveChangesAsync();
        return 0;
    });

    private Task<Dictionary<string, string>> UnitMonthsAsync() => app.DbAsync(async db =>
        (await db.InsightsUnitMonths.AsNoTracking().ToListAsync()).ToDictionary(
            c => string.Create(CultureInfo.InvariantCulture, $"{c.Month:yyyy-MM}/{c.OrgUnitId}"),
            c => string.Create(CultureInfo.InvariantCulture, $"{c.Score1},{c.Score2},{c.Score3},{c.Score4},{c.Score5}")));

    private async Task<Dictionary<string, string>> RawUnitMonthsAsync()
    {
        var calendar = app.Services.GetRequiredService<InsightsCalendar>();
        var answers = await CountingAnswersAsync();
        return answers
            .GroupBy(a => string.Create(CultureInfo.InvariantCulture, $"{calendar.MonthOf(a.AnsweredAt):yyyy-MM}/{a.OrgUnitId}"))
            .ToDictionary(g => g.Key, g => string.Join(',', Enumerable.Range(1, 5).Select(s => g.Count(a => a.Overall == s).ToString(CultureInfo.InvariantCulture))));
    }

    private Task<Dictionary<string, string>> SubtreesAsync() => app.DbAsync(async db =>
        (await db.InsightsSubtreeMonths.AsNoTracking().ToListAsync()).ToDictionary(
            c => Key(c.Month, c.UnitId, c.ServiceKey, c.Channel),
            c => Measures(c.Score1, c.Score2, c.Score3, c.Score4, c.Score5,
                [c.Driver1Count, c.Driver2Count, c.Driver3Count, c.Driver4Count, c.Driver5Count],
                [c.Driver1Sum, c.Driver2Sum, c.Driver3Sum, c.Driver4Sum, c.Driver5Sum], c.ResolvedYes, c.ResolvedAnswered, c.Commented)));

    /// <summary>For every unit, its descendants' answers (not its own), by local month, service and channel, from the answers and the tree as it is now.</summary>
    private async Task<Dictionary<string, string>> RawSubtreesAsync()
    {
        var calendar = app.Services.GetRequiredService<InsightsCalendar>();
        var answers = await CountingAnswersAsync();
        var units = await app.DbAsync(db => db.OrgUnits.AsNoTracking().ToListAsync());
        var pathOf = units.ToDictionary(u => u.Id, u => u.Path);
        return units
            .SelectMany(u => answers.Where(a => a.OrgUnitId != u.Id && pathOf[a.OrgUnitId].StartsWith(u.Path, StringComparison.Ordinal)).Select(a => (Unit: u.Id, Answer: a)))
            .GroupBy(x => Key(calendar.MonthOf(x.Answer.AnsweredAt), x.Unit, x.Answer.ServiceId ?? 0, (int)x.Answer.Channel))
            .ToDictionary(g => g.Key, g =>
            {
                var a = g.Select(x => x.Answer).ToList();
                var drivers = a.Select(x => new[] { x.TimelinessScore, x.KnowledgeScore, x.CourtesyScore, x.FairnessScore, x.OutcomeScore }).ToList();
                return Measures(
                    a.Count(x => x.Overall == 1), a.Count(x => x.Overall == 2), a.Count(x => x.Overall == 3), a.Count(x => x.Overall == 4), a.Count(x => x.Overall == 5),
                    [.. Enumerable.Range(0, 5).Select(d => drivers.Count(x => x[d] is not null))],
                    [.. Enumerable.Range(0, 5).Select(d => drivers.Sum(x => (long)(x[d] ?? 0)))],
                    a.Count(x => x.Resolved == Resolution.Yes), a.Count(x => x.Resolved is not null), a.Count(x => x.Comment is not null));
            });
    }

    [Fact]
    public async Task NewAnswer_TheWorkerRollsItUpWithinSeconds()
    {
        await app.UseAsync<InsightsRollups, int>(r => r.DrainAsync(CancellationToken.None));
        var touchpoint = await app.CreateTouchpointAsync(TouchpointKind.Website);
        using var citizen = app.Citizen();
        using var response = await citizen.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 2, language = "en" }, FeedbackData.NewKey());
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.DbAsync(db => db.InsightsRollupQueue.CountAsync(q => q.OrgUnitId == touchpoint.OrgUnitId))).ShouldBeGreaterThan(0);

        var started = DateTime.UtcNow;
        int rolledUp;
        do
        {
            await Task.Delay(250);
            rolledUp = await app.DbAsync(db => db.InsightsUnitServiceMonths
                .Where(c => c.OrgUnitId == touchpoint.OrgUnitId && c.ServiceKey == 0 && c.Channel == (int)FeedbackChannel.Website)
                .SumAsync(c => c.Score2));
        }
        while (rolledUp == 0 && DateTime.UtcNow - started < TimeSpan.FromSeconds(45));

        rolledUp.ShouldBe(1);
    }

    [Fact]
    public async Task Rebuild_AfterRollupsAreLost_GivesTheSameCells()
    {
        await app.UseAsync<InsightsRollups, int>(r => r.DrainAsync(CancellationToken.None));
        await app.UseAsync<InsightsRollups, int>(r => r.RebuildAsync(CancellationToken.None));
        var before = await RollupsAsync();
        before.Count.ShouldBeGreaterThan(0);

        await app.DbAsync(db => db.InsightsUnitServiceMonths.ExecuteDeleteAsync());
        (await app.UseAsync<InsightsRollups, bool>(r => r.NeedsRebuildAsync(CancellationToken.None))).ShouldBeTrue();
        (await app.UseAsync<InsightsRollups, int>(r => r.RebuildAsync(CancellationToken.None))).ShouldBeGreaterThan(12);

        SameCells(await RollupsAsync(), before);
        SameCells(await RawGroupByAsync(), before);
        SameCells(await UnitMonthsAsync(), await RawUnitMonthsAsync());
        SameCells(await SubtreesAsync(), await RawSubtreesAsync());
    }

    protected static void SameCells(Dictionary<string, string> actual, Dictionary<string, string> expected)
    {
        actual.Count.ShouldBe(expected.Count);
        foreach (var (key, cell) in expected)
        {
            actual.ShouldContainKey(key);
            actual[key].ShouldBe(cell, $"cell {key}");
        }
    }

    protected Task<Dictionary<string, string>> RollupsAsync() => app.DbAsync(async db =>
        (await db.InsightsUnitServiceMonths.AsNoTracking().ToListAsync()).ToDictionary(
            c => Key(c.Month, c.OrgUnitId, c.ServiceKey, c.Channel),
            c => Measures(c.Score1, c.Score2, c.Score3, c.Score4, c.Score5,
                [c.Driver1Count, c.Driver2Count, c.Driver3Count, c.Driver4Count, c.Driver5Count],
                [c.Driver1Sum, c.Driver2Sum, c.Driver3Sum, c.Driver4Sum, c.Driver5Sum], c.ResolvedYes, c.ResolvedAnswered, c.Commented)));

    /// <summary>The cube computed here, independently, from every answer: local month by the calendar, then grouped.</summary>
    protected async Task<Dictionary<string, string>> RawGroupByAsync()
    {
        var calendar = app.Services.GetRequiredService<InsightsCalendar>();
        var answers = await CountingAnswersAsync();
        return answers
            .GroupBy(a => Key(calendar.MonthOf(a.AnsweredAt), a.OrgUnitId, a.ServiceId ?? 0, (int)a.Channel))
            .ToDictionary(g => g.Key, g =>
            {
                var drivers = g.Select(a => new[] { a.TimelinessScore, a.KnowledgeScore, a.CourtesyScore, a.FairnessScore, a.OutcomeScore }).ToList();
                return Measures(
                    g.Count(a => a.Overall == 1), g.Count(a => a.Overall == 2), g.Count(a => a.Overall == 3), g.Count(a => a.Overall == 4), g.Count(a => a.Overall == 5),
                    [.. Enumerable.Range(0, 5).Select(d => drivers.Count(x => x[d] is not null))],
                    [.. Enumerable.Range(0, 5).Select(d => drivers.Sum(x => (long)(x[d] ?? 0)))],
                    g.Count(a => a.Resolved == Resolution.Yes), g.Count(a => a.Resolved is not null), g.Count(a => a.Comment is not null));
            });
    }

    private static string Key(DateOnly month, int unit, int service, int channel) =>
        string.Create(CultureInfo.InvariantCulture, $"{month:yyyy-MM}/{unit}/{service}/{channel}");

    private static string Measures(int s1, int s2, int s3, int s4, int s5, int[] driverCounts, long[] driverSums, int resolvedYes, int resolvedAnswered, int commented) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{s1},{s2},{s3},{s4},{s5} | {string.Join(',', driverCounts)} | {string.Join(',', driverSums)} | {resolvedYes}/{resolvedAnswered} | {commented}");
}

public sealed class InsightsRollupSqliteTests(FeedbackSqliteApp app) : InsightsRollupTests(app), IClassFixture<FeedbackSqliteApp>;

public sealed class InsightsRollupPostgresTests(FeedbackPostgresApp app) : InsightsRollupTests(app), IClassFixture<FeedbackPostgresApp>
{
    /// <summary>
    /// The race made to happen (ADR-026; SQLite cannot have it, as no answer commits while a batch holds its write lock):
    /// a recount is held, by a row lock on its cube cell, after it dropped its office-month's queued deltas and before it
    /// reads the answers; an answer commits meanwhile. Read in one snapshot, the recount does not see that answer and
    /// its delta stays queued; read statement by statement, the recount would count it and its delta would count it again.
    /// </summary>
    [Fact]
    public async Task AnswerCommittedWhileARecountIsUnderWay_CountsOnce()
    {
        var touchpoint = await app.CreateTouchpointAsync(TouchpointKind.Website);
        using var citizen = app.Citizen();
        async Task<long> PostAsync()
        {
            using var response = await citizen.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 4, language = "en" }, FeedbackData.NewKey());
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }

        Task<int> FoursAsync() => app.DbAsync(db => db.InsightsUnitServiceMonths
            .Where(c => c.OrgUnitId == touchpoint.OrgUnitId && c.ServiceKey == 0 && c.Channel == (int)FeedbackChannel.Website).SumAsync(c => c.Score4));

        var first = await PostAsync();
        await PostAsync();
        await app.UseAsync<InsightsRollups, int>(r => r.DrainAsync(CancellationToken.None));
        var before = await FoursAsync();
        (await ReviseAsync(r => r.ExcludeAsync(first, ReviseFeedback.ReasonNames[0], null, Everything, new ClaimsPrincipal(), CancellationToken.None)))
            .Outcome.ShouldBe(RevisionOutcome.Done);

        await using var scope = app.Services.CreateAsyncScope();
        var holder = scope.ServiceProvider.GetRequiredService<ServeWell.Web.Platform.Data.ServeWellDbContext>();
        await using var hold = await holder.Database.BeginTransactionAsync();
        await holder.Database.ExecuteSqlAsync(
            $"""SELECT 1 FROM insights_unit_service_months WHERE "OrgUnitId" = {touchpoint.OrgUnitId} FOR UPDATE""");
        var batch = app.UseAsync<InsightsRollups, int>(r => r.DrainAsync(CancellationToken.None));
        var started = DateTime.UtcNow;
        while (await app.DbAsync(db => db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM pg_stat_activity
            WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE FROM insights_unit_service_months%'
            """).SingleAsync()) == 0)
        {
            (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(30), "the recount never reached the held cube cell");
            await Task.Delay(20);
        }

        await PostAsync();
        await hold.CommitAsync();
        await batch;
        await app.UseAsync<InsightsRollups, int>(r => r.DrainAsync(CancellationToken.None));

        (await FoursAsync()).ShouldBe(before, "one answer excluded, one that came during the recount counted once");
        SameCells(await RollupsAsync(), await RawGroupByAsync());
    }
}
