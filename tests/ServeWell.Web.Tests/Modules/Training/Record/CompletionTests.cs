using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Evaluations;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Training.Record;

/// <summary>Completion by the programme's rule: from the attendance listener, after an evaluation or knowledge check, and by the sweep.</summary>
public abstract class CompletionTests(AppHost app)
{
    [Fact]
    public async Task AttendanceRecorded_WhenOnlyAttendanceIsRequired_RecordsOneCompletionWithItsCertificate()
    {
        var c = await app.CreateTrainingCaseAsync();

        await app.AttendAsync(c, c.People[0]);

        var completion = (await app.CompletionsAsync(c.Programme.Id)).ShouldHaveSingleItem();
        completion.EmployeeId.ShouldBe(c.People[0].Id);
        completion.Cycle.ShouldBe(1);
        completion.SessionId.ShouldBe(c.Session.Id);
        completion.CompletedOn.ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow));
        var certificate = await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(x => x.CompletionId == completion.Id));
        certificate.EmployeeName.ShouldBe(c.People[0].Name);
        certificate.ProgrammeTitle.ShouldBe(c.Programme.Title);
        certificate.Hours.ShouldBe(3.5m);
        certificate.InstructorName.ShouldBe("Guest Expert");
        certificate.Code.ShouldMatch("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$");
        certificate.ExpiresOn.ShouldBeNull();
    }

    [Fact]
    public async Task TryComplete_WhenNotAttended_RecordsNothing()
    {
        var c = await app.CreateTrainingCaseAsync();

        var completion = await app.UseAsync<CompleteEnrolment, Completion?>(s => s.TryCompleteAsync(c.Programme.Id, c.People[0].Id, c.Session.Id, CancellationToken.None));

        completion.ShouldBeNull();
        (await app.CompletionsAsync(c.Programme.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task EvaluationRequired_CompletesOnlyOnceTheEvaluationIsIn()
    {
        var c = await app.CreateTrainingCaseAsync(configure: r => r.Completion = new CompletionRequest { EvaluationSubmitted = true });
        var employee = c.People[0];

        await app.AttendAsync(c, employee);
        (await app.CompletionsAsync(c.Programme.Id)).ShouldBeEmpty();
        var progress = await app.UseAsync<CompleteEnrolment, CompletionProgress?>(s => s.ProgressAsync(c.Programme.Id, employee.Id, CancellationToken.None));
        progress!.Attended.ShouldBeTrue();
        progress.EvaluationRequired.ShouldBeTrue();
        progress.EvaluationSubmitted.ShouldBeFalse();

        await app.DbAsync(db =>
        {
            db.SessionEvaluations.Add(new SessionEvaluation
            {
                SessionId = c.Session.Id, ProgrammeId = c.Programme.Id, EmployeeId = employee.Id, Cycle = 1, Relevance = 4, Instructor = 5, Confidence = 3, SubmittedAtUtc = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        var completion = await app.UseAsync<CompleteEnrolment, Completion?>(s => s.TryCompleteAsync(c.Programme.Id, employee.Id, null, CancellationToken.None));

        completion.ShouldNotBeNull();
        completion.SessionId.ShouldBe(c.Session.Id); // found from the enrolment when no event names it
    }

    [Fact]
    public async Task KnowledgeCheckRequired_APreTestOrAFailedPostTestIsNotEnough()
    {
        var c = await app.CreateTrainingCaseAsync(configure: r => r.Completion = new CompletionRequest { KnowledgeCheckPassed = true });
        var employee = c.People[0];
        await app.AttendAsync(c, employee);

        await AddAttemptAsync(c, employee.Id, KnowledgePhase.Pre, passed: true);
        (await TryCompleteAsync(c, employee.Id)).ShouldBeNull();
        await AddAttemptAsync(c, employee.Id, KnowledgePhase.Post, passed: false);
        (await TryCompleteAsync(c, employee.Id)).ShouldBeNull();
        await app.DbAsync(db => db.KnowledgeAttempts.Where(a => a.EmployeeId == employee.Id && a.Phase == KnowledgePhase.Post).ExecuteUpdateAsync(s => s.SetProperty(a => a.Passed, true)));

        (await TryCompleteAsync(c, employee.Id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task TryComplete_ManyTimesAtOnce_RecordsOneCompletionAndOneCertificate()
    {
        var c = await app.CreateTrainingCaseAsync();
        await app.AttendAsync(c, c.People[0], notify: false);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => TryCompleteAsync(c, c.People[0].Id)));

        results.ShouldAllBe(r => r != null);
        results.Select(r => r!.Id).Distinct().ShouldHaveSingleItem();
        (await app.CompletionsAsync(c.Programme.Id)).ShouldHaveSingleItem();
        (await app.DbAsync(db => db.Certificates.CountAsync(x => x.ProgrammeId == c.Programme.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Sweep_CompletesWhatTheListenerMissed_AndOnlyThat()
    {
        var c = await app.CreateTrainingCaseAsync(people: 3);
        await app.AttendAsync(c, c.People[0], notify: false);
        await app.AttendAsync(c, c.People[1], notify: false);

        await app.UseAsync<CompletionSweepRun, CompletionSweepRun.Counts>(s => s.RunAsync(CancellationToken.None));
        await app.UseAsync<CompletionSweepRun, CompletionSweepRun.Counts>(s => s.RunAsync(CancellationToken.None));

        (await app.CompletionsAsync(c.Programme.Id)).Select(x => x.EmployeeId).ShouldBe([c.People[0].Id, c.People[1].Id], ignoreOrder: true);
    }

    private Task<Completion?> TryCompleteAsync(TrainingCase c, int employeeId) =>
        app.UseAsync<CompleteEnrolment, Completion?>(s => s.TryCompleteAsync(c.Programme.Id, employeeId, null, CancellationToken.None));

    private Task<int> AddAttemptAsync(TrainingCase c, int employeeId, KnowledgePhase phase, bool passed) =>
        app.DbAsync(db =>
        {
            db.KnowledgeAttempts.Add(new KnowledgeAttempt
            {
                ProgrammeId = c.Programme.Id, EmployeeId = employeeId, Cycle = 1, Phase = phase, ScorePercent = passed ? 100 : 0, Passed = passed, SubmittedAtUtc = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });
}

public sealed class CompletionSqliteTests(SqliteApp app) : CompletionTests(app), IClassFixture<SqliteApp>;

public sealed class CompletionPostgresTests(PostgresApp app) : CompletionTests(app), IClassFixture<PostgresApp>;
