using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Demo;
using ServeWell.Web.Modules.Insights.Impact;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Insights;

public sealed class TreatmentMonthTests
{
    private static DateOnly? D(int month, int day) => new DateOnly(2026, month, day);

    [Fact]
    public void TreatmentMonth_IsTheMonthTheEightiethPercentCompleted() =>
        // Five staff: the fourth completion (80 %) came in April.
        TrainingImpact.TreatmentMonth([D(3, 2), D(3, 30), D(4, 1), D(4, 20), null]).ShouldBe(new DateOnly(2026, 4, 1));

    [Fact]
    public void TreatmentMonth_BelowTheShare_IsNull() =>
        TrainingImpact.TreatmentMonth([D(3, 2), D(3, 30), null, null, null]).ShouldBeNull();

    [Fact]
    public void TreatmentMonth_WithoutStaff_IsNull() => TrainingImpact.TreatmentMonth([]).ShouldBeNull();
}

/// <summary>The training-impact API and page on the demo city: the courtesy-trained centres against the others, the estimate recomputed from the answers.</summary>
public abstract class TrainingImpactTests(AppHost app)
{
    [Fact]
    public async Task DemoCity_VisitingCourtesy_TrainedCentresAgainstTheOthers_EstimateEqualsTheAnswers()
    {
        // As the demo city stands once the completion sweep has dated every attended enrolment (ADR-029).
        await SweepAsync();
        await RollUpAsync();
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);

        var impact = await ReadAsync(await leader.GetAsync("/api/v1/insights/impact"));

        impact.ProgrammeTitle.ShouldBe("Visiting Courtesy Training");
        impact.Offices.Where(o => o.Arm == "Treated").Select(o => o.Code).Order().ShouldBe(DemoCity.CourtesyTrainedCentres.Order());
        impact.Offices.Where(o => o.Arm == "Control").Select(o => o.Code).ShouldContain(Demo.SupervisorCentre);
        impact.Offices.Where(o => o.Arm == "Treated").ShouldAllBe(o => o.CompletedByCutoff >= 0.8 * o.FrontlineStaff && o.TreatedIn == impact.Cutoff);
        impact.Cautions[0].ShouldBe("DidCaution:EvidenceNotProof");

        // City:MinimumGroupSize holds in the office table and the monthly series: an index of fewer answers is left out.
        impact.MinimumGroupSize.ShouldBe(5);
        impact.Offices.ShouldAllBe(o => (o.IndexBefore == null) == (o.AnswersBefore < 5) && (o.IndexAfter == null) == (o.AnswersAfter < 5));
        impact.Months.ShouldAllBe(m => (m.TreatedIndex == null) == (m.TreatedAnswers < 5) && (m.ControlIndex == null) == (m.ControlAnswers < 5));

        // By hand from the answers: each counted office's mean index after minus before; treated mean minus control mean.
        var calendar = app.Services.GetRequiredService<InsightsCalendar>();
        var cutoff = Month(impact.Cutoff!);
        var counted = impact.Offices.Where(o => o.Counted).ToList();
        var changes = new List<(string Arm, double Change, long Before, long After)>();
        foreach (var office in counted)
        {
            var before = await IndexAsync(office.Code, calendar.Bounds(cutoff.AddMonths(-6)).From, calendar.Bounds(cutoff).From);
            var after = await IndexAsync(office.Code, calendar.Bounds(cutoff.AddMonths(1)).From, calendar.Bounds(Month(impact.AfterTo!)).To);
            ((long)before.Count).ShouldBe(office.AnswersBefore);
            ((long)after.Count).ShouldBe(office.AnswersAfter);
            changes.Add((office.Arm, after.Average() - before.Average(), before.Count, after.Count));
        }

        var expected = changes.Where(c => c.Arm == "Treated").Average(c => c.Change) - changes.Where(c => c.Arm == "Control").Average(c => c.Change);
        impact.Estimate!.Value.ShouldBe(expected, 1e-9);
        impact.Treated!.AnswersBefore.ShouldBe(changes.Where(c => c.Arm == "Treated").Sum(c => c.Before));
        impact.Control!.Offices.ShouldBe(changes.Count(c => c.Arm == "Control"));
        if (impact.ConfidenceLow is { } low)
        {
            low.ShouldBeLessThan(impact.Estimate.Value);
            impact.ConfidenceHigh!.Value.ShouldBeGreaterThan(impact.Estimate.Value);
        }
    }

    [Fact]
    public async Task DemoCity_FirstCourtesyRound_HadOnlyTheTrainedCentres_SoTheOthersAreUntrainedAfterTheSweep()
    {
        await SweepAsync();
        var longAgo = app.Services.GetRequiredService<CityClock>().Today.AddMonths(-2);

        var units = await app.DbAsync(db =>
            (from c in db.Completions
             join p in db.Programmes on c.ProgrammeId equals p.Id
             join e in db.Employees on c.EmployeeId equals e.Id
             where p.Title.En == "Visiting Courtesy Training" && c.CompletedOn < longAgo
             select e.OrgUnit!.Code).Distinct().ToListAsync());

        units.Order().ShouldBe(DemoCity.CourtesyTrainedCentres.Order());
    }

    [Fact]
    public async Task Supervisor_SeesOnlyTheirCentre_AndNotTheCity()
    {
        await RollUpAsync();
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        using var outside = await supervisor.GetAsync($"/api/v1/insights/impact?orgUnitCode={Demo.City}");
        outside.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var page = await supervisor.GetAsync($"/Insights/Impact?unit={Demo.City}");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var own = await ReadAsync(await supervisor.GetAsync("/api/v1/insights/impact"));
        own.OrgUnitCode.ShouldBe(Demo.SupervisorCentre);
        own.Offices.ShouldAllBe(o => o.Code == Demo.SupervisorCentre);
        own.Estimate.ShouldBeNull();
    }

    [Fact]
    public async Task BadCutoff_IsAProblemNamingTheValue()
    {
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);
        using var response = await leader.GetAsync("/api/v1/insights/impact?cutoff=March");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("March");
    }

    [Theory]
    [InlineData("en", "Training impact", "evidence, not proof")]
    [InlineData("ko", "교육 효과", "증거일 뿐 증명은 아닙니다")]
    public async Task Page_ShowsTheCautionTheChartAndTheTables(string lang, string heading, string caution)
    {
        await RollUpAsync();
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);

        var html = await leader.GetPageAsync($"/Insights/Impact?lang={lang}");

        html.QuerySelector("h1")!.TextContent.ShouldBe(heading);
        html.QuerySelector("[data-caution=evidence]")!.TextContent.ShouldContain(caution);
        html.QuerySelector("svg.impact-chart[aria-hidden=true]").ShouldNotBeNull();
        html.QuerySelectorAll("table.impact-months tbody tr").Length.ShouldBe(13);
        html.QuerySelectorAll("table.impact-offices tbody tr[data-arm=Treated]").Length.ShouldBe(3);
        html.QuerySelectorAll("[style]").Length.ShouldBe(0);
    }

    private static DateOnly Month(string yyyyMm) => DateOnly.ParseExact(yyyyMm + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<List<double>> IndexAsync(string unitCode, DateTime from, DateTime to) => app.DbAsync(async db =>
    {
        var id = await db.OrgUnits.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        return (await db.FeedbackAnswers.Where(a => a.OrgUnitId == id && a.AnsweredAt >= from && a.AnsweredAt < to).Select(a => a.Overall).ToListAsync())
            .Select(s => (s - 1) * 25.0).ToList();
    });

    private Task SweepAsync() => app.UseAsync<CompletionSweepRun, CompletionSweepRun.Counts>(s => s.RunAsync(CancellationToken.None));

    private Task RollUpAsync() => app.UseAsync<InsightsRollups, int>(async r => await r.RebuildAsync(CancellationToken.None) + await r.DrainAsync(CancellationToken.None));

    private static async Task<TrainingImpactDto> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<TrainingImpactDto>(Json.Web))!;
        }
    }
}

public sealed class TrainingImpactSqliteTests(SqliteApp app) : TrainingImpactTests(app), IClassFixture<SqliteApp>;

public sealed class TrainingImpactPostgresTests(PostgresApp app) : TrainingImpactTests(app), IClassFixture<PostgresApp>;
