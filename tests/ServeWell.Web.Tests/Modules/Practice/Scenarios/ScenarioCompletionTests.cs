using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Practice.Cases;
using ServeWell.Web.Modules.Practice.Scenarios;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Tests.Fixtures;
using Shouldly;
using static ServeWell.Web.Tests.Modules.Practice.Scenarios.ScenarioSamples;

namespace ServeWell.Web.Tests.Modules.Practice.Scenarios;

/// <summary>A programme's completion rule that requires a scenario, and the case library's "used in" list (ADR-061), on both databases.</summary>
public abstract class ScenarioCompletionTests(AppHost app)
{
    private Task<int> PublishedAsync(int? caseId = null) =>
        app.UseAsync<EditScenario, int>(async edit =>
        {
            var (created, problems) = await edit.CreateAsync(LocalText.Of("Rule", "규칙"), caseId, "test", CancellationToken.None);
            problems.ShouldBeEmpty();
            (await edit.SaveDraftAsync(created!, RepeatedCaller(), CancellationToken.None)).ShouldBeEmpty();
            (await edit.PublishAsync(created!, "test", CancellationToken.None)).Problems.ShouldBeEmpty();
            return created!.Id;
        });

    private Task<int> ProgrammeAsync(int scenarioId, int? minPercent, int employeeId) =>
        app.DbAsync(async db =>
        {
            var programme = db.Programmes.Add(new Programme
            {
                Title = LocalText.Of("Practice rule", "연습 규칙"), Hours = 1, Delivery = Delivery.SelfStudy,
                Completion = CompletionRequirements.ScenarioPassed, ScenarioId = scenarioId, ScenarioMinPercent = minPercent,
            }).Entity;
            await db.SaveChangesAsync();
            db.Enrolments.Add(new Enrolment { ProgrammeId = programme.Id, EmployeeId = employeeId, Source = EnrolmentSource.Manual, State = EnrolmentState.Invited, CreatedAt = DateTime.UtcNow, StateSince = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return programme.Id;
        });

    private Task<DateTime?> PlayAsync(int scenarioId, int employeeId, params int[] choices) =>
        app.UseAsync<PlayScenario, DateTime?>(async play =>
        {
            var attempt = (await play.StartAsync(scenarioId, employeeId, again: true, CancellationToken.None))!;
            foreach (var (choice, i) in choices.Select((c, i) => (c, i)))
            {
                (await play.ChooseAsync(attempt.Id, employeeId, i + 1, choice, CancellationToken.None)).ShouldBe(PlayScenario.ChooseOutcome.Recorded);
            }

            return (await play.ReadAsync(attempt.Id, employeeId, CancellationToken.None))!.Attempt.CompletedAtUtc;
        });

    [Fact]
    public async Task CompletionRule_ScenarioPlayed_CompletesOnTheCityDayTheEndingWasReached()
    {
        var scenario = await PublishedAsync();
        var employee = await app.CreateEmployeeAsync(Demo.City);
        var programme = await ProgrammeAsync(scenario, null, employee.Id);

        var ended = await PlayAsync(scenario, employee.Id, 1, 1);

        var completion = await app.DbAsync(db => db.Completions.AsNoTracking().SingleOrDefaultAsync(c => c.ProgrammeId == programme && c.EmployeeId == employee.Id));
        completion.ShouldNotBeNull();
        completion.CompletedAtUtc!.Value.ShouldBe(ended!.Value, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
        var city = app.Services.GetRequiredService<CityClock>();
        completion.CompletedOn.ShouldBe(city.DateOf(new DateTimeOffset(ended!.Value, TimeSpan.Zero)));
    }

    [Fact]
    public async Task CompletionRule_WithAMinimumScore_APoorPlayDoesNotComplete_AGoodReplayDoes()
    {
        var scenario = await PublishedAsync();
        var employee = await app.CreateEmployeeAsync(Demo.City);
        var programme = await ProgrammeAsync(scenario, 100, employee.Id);

        await PlayAsync(scenario, employee.Id, 1, 1); // argue, then hang up: far below the best
        (await app.DbAsync(db => db.Completions.AnyAsync(c => c.ProgrammeId == programme && c.EmployeeId == employee.Id))).ShouldBeFalse();

        var ended = await PlayAsync(scenario, employee.Id, 0, 0); // listen, then summarise: the best at every step

        var completion = await app.DbAsync(db => db.Completions.AsNoTracking().SingleAsync(c => c.ProgrammeId == programme && c.EmployeeId == employee.Id));
        completion.CompletedAtUtc!.Value.ShouldBe(ended!.Value, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
    }

    [Fact]
    public async Task SaveProgramme_RequiringAScenarioThatIsNotPublished_IsRefusedNamingTheField()
    {
        var (saved, problems) = await app.UseAsync<SaveProgramme, (Programme?, IReadOnlyList<SaveProgramme.Problem>)>(save => save.SaveAsync(null, new ProgrammeRequest
        {
            Title = LocalText.Of("Needs a scenario", ""), Delivery = nameof(Delivery.InPerson), Hours = 1,
            Completion = new CompletionRequest { ScenarioPassed = true }, ScenarioId = int.MaxValue,
        }, CancellationToken.None));

        saved.ShouldBeNull();
        problems.ShouldContain(p => p.Field == "scenarioId");
    }

    [Fact]
    public async Task CaseUsage_ListsPublishedScenariosBuiltFromTheCase_AndACaseMustBePublished()
    {
        var caseId = await app.DbAsync(async db =>
        {
            var c = db.PracticeCases.Add(new PracticeCase
            {
                Reference = TestData.Unique("CASE-"), AuthorUserId = "test", Title = LocalText.Of("", "같은 답을 요구하는 반복 전화"), Status = CaseStatus.Published,
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, PublishedAtUtc = DateTime.UtcNow,
            }).Entity;
            await db.SaveChangesAsync();
            return c.Id;
        });
        var scenario = await PublishedAsync(caseId);
        var draftOnly = await app.UseAsync<EditScenario, int>(async edit => (await edit.CreateAsync(LocalText.Of("Draft", ""), caseId, "test", CancellationToken.None)).Scenario!.Id);

        var uses = await app.UseAsync<IEnumerable<ICaseUsage>, List<CaseUse>>(async usages =>
        {
            var all = new List<CaseUse>();
            foreach (var usage in usages)
            {
                all.AddRange(await usage.UsesOfAsync(caseId, CancellationToken.None));
            }

            return all;
        });

        uses.ShouldHaveSingleItem().Url.ShouldBe($"/Practice#scenario-{scenario}");
        draftOnly.ShouldBeGreaterThan(0);
        var (refused, problems) = await app.UseAsync<EditScenario, (Scenario?, IReadOnlyList<EditScenario.Problem>)>(edit => edit.CreateAsync(LocalText.Of("X", ""), int.MaxValue, "test", CancellationToken.None));
        refused.ShouldBeNull();
        problems.ShouldContain(p => p.Field == "caseId");
    }
}

public sealed class ScenarioCompletionSqliteTests(SqliteApp app) : ScenarioCompletionTests(app), IClassFixture<SqliteApp>;

public sealed class ScenarioCompletionPostgresTests(PostgresApp app) : ScenarioCompletionTests(app), IClassFixture<PostgresApp>;
