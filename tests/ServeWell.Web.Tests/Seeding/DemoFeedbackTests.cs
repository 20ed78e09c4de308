using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Demo;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Seeding;

/// <summary>The demo city seeded at a realistic size (20,000 answers over two years; the default is 200,000).</summary>
public abstract class DemoCityApp(DatabaseKind kind) : AppHost(kind)
{
    public const int Answers = 20_000;
    public const int ScenarioPlayers = 300;

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Demo:FeedbackAnswers"] = Answers.ToString(CultureInfo.InvariantCulture), ["Demo:ScenarioPlayers"] = ScenarioPlayers.ToString(CultureInfo.InvariantCulture) };
}

public sealed class DemoCitySqliteApp() : DemoCityApp(DatabaseKind.Sqlite);

public sealed class DemoCityPostgresApp() : DemoCityApp(DatabaseKind.Postgres);

/// <summary>
/// The promised shape of the demo city's feedback (issue 4, "The demo city"), read back from the database after a real
/// start: two years, both languages, every channel, business permits clearly the least satisfied, courtesy up at the
/// trained centres only, the New-Year and tax-month peaks; and the Insights rollups equal to the raw answers at once.
/// </summary>
public abstract partial class DemoFeedbackTests(DemoCityApp app)
{
    private readonly DateTime _now = DateTime.UtcNow;

    [Fact]
    public async Task History_CoversTwoYears_InBothLanguages_OnEveryChannel_LikeIntakeAnswers()
    {
        var answers = await DemoAnswersAsync();
        answers.Count.ShouldBe(DemoCityApp.Answers);
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync())).ShouldBeLessThan(DemoCityApp.Answers + 20);
        answers.Min(a => a.AnsweredAt).ShouldBeInRange(_now.AddMonths(-DemoFeedback.Months).AddDays(-2), _now.AddMonths(-DemoFeedback.Months + 1));
        answers.Max(a => a.AnsweredAt).ShouldBeGreaterThan(_now.AddDays(-3));
        var calendar = app.Services.GetRequiredService<InsightsCalendar>();
        var months = answers.Select(a => calendar.MonthOf(a.AnsweredAt)).ToHashSet();
        var thisMonth = calendar.MonthOf(_now);
        for (var back = 0; back < DemoFeedback.Months; back++)
        {
            months.ShouldContain(thisMonth.AddMonths(-back));
        }

        var english = answers.Count(a => a.Language == "en") / (double)answers.Count;
        english.ShouldBeInRange(0.05, 0.3);
        answers.Count(a => a.Language == "ko").ShouldBe(answers.Count - answers.Count(a => a.Language == "en"));
        answers.Select(a => a.Channel).Distinct().Order().ShouldBe(Enum.GetValues<FeedbackChannel>());
        answers.Where(a => a.Comment is not null).Select(a => a.Language).Distinct().Order().ShouldBe(["en", "ko"]);
        answers.Count(a => a.CommendedEmployeeId is not null).ShouldBeGreaterThan(50);

        // Indistinguishable from intake answers: the original survey, both scales, a redacted comment, received after answered.
        answers.ShouldAllBe(a => a.SurveyVersionId == SurveyVersion.OriginalId && a.OverallScore == (a.Overall - 1) * 25
            && a.CourtesyScore == FeedbackAnswer.ToScore(a.Courtesy) && a.TimelinessScore == FeedbackAnswer.ToScore(a.Timeliness)
            && a.OutcomeScore == FeedbackAnswer.ToScore(a.Outcome) && a.ReceivedAt >= a.AnsweredAt);
        answers.Where(a => a.Comment is not null).ShouldAllBe(a => a.Comment == CommentRedaction.Clean(a.Comment));
        // Ids ascend with time, as at the intake.
        answers.OrderBy(a => a.Id).Select(a => a.AnsweredAt).ShouldBeInOrder();
    }

    [Fact]
    public async Task BusinessPermits_AreClearlyTheLeastSatisfied()
    {
        var answers = await DemoAnswersAsync();
        var services = await app.DbAsync(db => db.PublicServices.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code));
        var dissatisfied = answers.Where(a => a.ServiceId is not null).GroupBy(a => services[a.ServiceId!.Value])
            .ToDictionary(g => g.Key, g => g.Count(a => a.Overall <= 2) / (double)g.Count());

        var permits = dissatisfied["business-permits"];
        foreach (var (service, share) in dissatisfied.Where(d => d.Key != "business-permits"))
        {
            permits.ShouldBeGreaterThan(1.5 * share, $"business permits against {service}");
        }
    }

    [Fact]
    public async Task Courtesy_RisesAtTheTrainedCentres_AndStaysLevelAtTheOthers()
    {
        var answers = await DemoAnswersAsync();
        var centres = await app.DbAsync(db => db.OrgUnits.AsNoTracking().Where(u => u.Code.StartsWith("C-")).ToDictionaryAsync(u => u.Id, u => u.Code));
        var trainingDone = _now.AddMonths(-DemoCity.CourtesyRoundMonthsAgo);
        double Change(bool trained)
        {
            var rated = answers.Where(a => a.Courtesy is not null && centres.TryGetValue(a.OrgUnitId, out var code) && DemoCity.CourtesyTrainedCentres.Contains(code) == trained).ToList();
            return rated.Where(a => a.AnsweredAt >= trainingDone).Average(a => a.Courtesy!.Value) - rated.Where(a => a.AnsweredAt < trainingDone).Average(a => a.Courtesy!.Value);
        }

        var trained = Change(true);
        var others = Change(false);
        trained.ShouldBeGreaterThan(0.4);
        Math.Abs(others).ShouldBeLessThan(0.25);
        (trained - others).ShouldBeGreaterThan(0.3);
    }

    [Fact]
    public async Task Seasons_NewYearAndTaxMonthsPeakInVolumeAndWaits()
    {
        var answers = await DemoAnswersAsync();
        var calendar = app.Services.GetRequiredService<InsightsCalendar>();
        var taxService = await app.DbAsync(db => db.PublicServices.Where(s => s.Code == "local-tax").Select(s => s.Id).SingleAsync());
        // Whole months only: the first and the current one are partial.
        var first = calendar.MonthOf(answers.Min(a => a.AnsweredAt)).AddMonths(1);
        var last = calendar.MonthOf(_now).AddMonths(-1);
        var whole = answers.Select(a => (Answer: a, Month: calendar.MonthOf(a.AnsweredAt))).Where(x => x.Month >= first && x.Month <= last).ToList();
        double PerDay(IEnumerable<(FeedbackAnswer Answer, DateOnly Month)> rows, Func<int, bool> inMonth)
        {
            var days = Enumerable.Range(0, (last.Year - first.Year) * 12 + last.Month - first.Month + 1).Select(first.AddMonths)
                .Where(m => inMonth(m.Month)).Sum(m => DateTime.DaysInMonth(m.Year, m.Month));
            return rows.Count(x => inMonth(x.Month.Month)) / (double)days;
        }

        var general = whole.Where(x => x.Answer.ServiceId != taxService).ToList();
        var tax = whole.Where(x => x.Answer.ServiceId == taxService).ToList();
        PerDay(general, m => m == 1).ShouldBeGreaterThan(1.2 * PerDay(general, m => m is 4 or 5 or 6), "the New-Year peak");
        PerDay(general, m => m == 8).ShouldBeLessThan(PerDay(general, m => m is 4 or 5 or 6), "the summer lull");
        PerDay(tax, m => m is 5 or 8).ShouldBeGreaterThan(2 * PerDay(tax, m => m is not (5 or 8)), "the tax months");

        double Timeliness(IEnumerable<(FeedbackAnswer Answer, DateOnly Month)> rows, Func<int, bool> inMonth) =>
            rows.Where(x => x.Answer.Timeliness is not null && inMonth(x.Month.Month)).Average(x => x.Answer.Timeliness!.Value);
        Timeliness(general, m => m == 1).ShouldBeLessThan(Timeliness(general, m => m is 4 or 5 or 6) - 0.2, "waits in the New-Year peak");
        Timeliness(tax, m => m is 5 or 8).ShouldBeLessThan(Timeliness(tax, m => m is not (5 or 8)) - 0.3, "waits in the tax months");
    }

    [Fact]
    public async Task Rollups_EqualTheRawAnswers_AsSoonAsTheAppAnswers()
    {
        var calendar = app.Services.GetRequiredService<InsightsCalendar>();
        var answers = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().ToListAsync());
        var expected = answers
            .GroupBy(a => Key(calendar.MonthOf(a.AnsweredAt), a.OrgUnitId, a.ServiceId ?? 0, (int)a.Channel))
            .ToDictionary(g => g.Key, g => Measures(
                [.. Enumerable.Range(1, 5).Select(s => (long)g.Count(a => a.Overall == s))],
                [.. g.Select(a => new int?[] { a.TimelinessScore, a.KnowledgeScore, a.CourtesyScore, a.FairnessScore, a.OutcomeScore })
                    .Aggregate(new long[10], (sum, d) => [.. Enumerable.Range(0, 10).Select(i => sum[i] + (i < 5 ? (d[i] is null ? 0 : 1) : d[i - 5] ?? 0))])],
                g.Count(a => a.Resolved == Resolution.Yes), g.Count(a => a.Resolved is not null), g.Count(a => a.Comment is not null)));
        var cells = await app.DbAsync(db => db.InsightsUnitServiceMonths.AsNoTracking().ToListAsync());
        var actual = cells.ToDictionary(
            c => Key(c.Month, c.OrgUnitId, c.ServiceKey, c.Channel),
            c => Measures(
                [c.Score1, c.Score2, c.Score3, c.Score4, c.Score5],
                [c.Driver1Count, c.Driver2Count, c.Driver3Count, c.Driver4Count, c.Driver5Count, c.Driver1Sum, c.Driver2Sum, c.Driver3Sum, c.Driver4Sum, c.Driver5Sum],
                c.ResolvedYes, c.ResolvedAnswered, c.Commented));
        actual.Count.ShouldBe(expected.Count);
        foreach (var (key, cell) in expected)
        {
            actual.ShouldContainKey(key);
            actual[key].ShouldBe(cell, $"cell {key}");
        }

        var unitMonths = await app.DbAsync(db => db.InsightsUnitMonths.AsNoTracking().ToListAsync());
        unitMonths.Sum(u => (long)u.Score1 + u.Score2 + u.Score3 + u.Score4 + u.Score5).ShouldBe(answers.Count);
        var city = await app.DbAsync(db => db.OrgUnits.Where(u => u.Code == DemoCity.RootCode).Select(u => u.Id).SingleAsync());
        var subtree = await app.DbAsync(db => db.InsightsSubtreeMonths.AsNoTracking().Where(s => s.UnitId == city).ToListAsync());
        subtree.Sum(s => (long)s.Score1 + s.Score2 + s.Score3 + s.Score4 + s.Score5).ShouldBe(answers.Count(a => a.OrgUnitId != city));
    }

    /// <summary>The generated history: the follow-up demo's few answers come through the intake after it, so they have the last ids.</summary>
    private Task<List<FeedbackAnswer>> DemoAnswersAsync() =>
        app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().OrderBy(a => a.Id).Take(DemoCityApp.Answers).ToListAsync());

    private static string Key(DateOnly month, int unit, int service, int channel) =>
        string.Create(CultureInfo.InvariantCulture, $"{month:yyyy-MM}/{unit}/{service}/{channel}");

    private static string Measures(long[] scores, long[] drivers, int resolvedYes, int resolvedAnswered, int commented) =>
        string.Create(CultureInfo.InvariantCulture, $"{string.Join(',', scores)} | {string.Join(',', drivers)} | {resolvedYes}/{resolvedAnswered} | {commented}");
}

public sealed class DemoFeedbackSqliteTests(DemoCitySqliteApp app) : DemoFeedbackTests(app), IClassFixture<DemoCitySqliteApp>;

public sealed class DemoFeedbackPostgresTests(DemoCityPostgresApp app) : DemoFeedbackTests(app), IClassFixture<DemoCityPostgresApp>;
