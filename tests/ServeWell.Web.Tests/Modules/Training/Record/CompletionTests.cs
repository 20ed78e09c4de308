using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Attendance;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Evaluations;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

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
        completion.CompletedOn.ShouldBe(SeoulDateOf(c.Session.StartsAtUtc)); // the session attended, not the day recorded
        var certificate = await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(x => x.CompletionId == completion.Id));
        certificate.EmployeeName.ShouldBe(c.People[0].Name);
        certificate.ProgrammeTitle.ShouldBe(c.Programme.Title.En);
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

    [Fact]
    public async Task Sweep_DatesTheCompletionByTheAttendanceInTheCityZone_NotByTheDayItRan()
    {
        var c = await app.CreateTrainingCaseAsync();
        var employee = c.People[0];
        // 30 April 15:30 UTC is already 1 May, 00:30 in Seoul: the city's date is 1 May. The sweep runs months later.
        var year = DateTime.UtcNow.Year - 1;
        var startsAt = new DateTime(year, 4, 30, 15, 30, 0, DateTimeKind.Utc);
        var april = await app.AddSessionAsync(c.Programme.Id, startsAt, "April Instructor");
        await app.AttendAsync(c, employee, notify: false);
        await app.DbAsync(async db =>
        {
            var enrolmentId = await db.Enrolments.Where(e => e.ProgrammeId == c.Programme.Id && e.EmployeeId == employee.Id).Select(e => e.Id).SingleAsync();
            db.Attendance.Add(new AttendanceRecord
            {
                SessionId = april.Id, EmployeeId = employee.Id, EnrolmentId = enrolmentId, Channel = AttendanceChannel.Manual, Status = AttendanceStatus.Present,
                ArrivedAt = startsAt, RecordedAt = startsAt, RecordedBy = "test",
            });
            return await db.SaveChangesAsync();
        });

        await app.UseAsync<CompletionSweepRun, CompletionSweepRun.Counts>(s => s.RunAsync(CancellationToken.None));

        var completion = (await app.CompletionsAsync(c.Programme.Id)).ShouldHaveSingleItem();
        completion.CompletedOn.ShouldBe(new DateOnly(year, 5, 1));
        completion.CompletedAtUtc.ShouldBe(startsAt);
        var certificate = await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(x => x.CompletionId == completion.Id));
        (certificate.CompletedOn, certificate.InstructorName).ShouldBe((new DateOnly(year, 5, 1), "April Instructor"));
    }

    [Fact]
    public async Task RowsRecordedTheOldWay_AreRedatedByTheirCompletingEvent_AndSoAreTheirCertificates()
    {
        var c = await app.CreateTrainingCaseAsync(configure: r => r.Completion = new CompletionRequest { EvaluationSubmitted = true });
        var employee = c.People[0];
        await app.AttendAsync(c, employee, notify: false);
        // The evaluation came last (the day after the session), at 16:00 UTC: 01:00 the next day in Seoul.
        var evaluatedAt = DateTime.UtcNow.Date.AddDays(-1).AddHours(16);
        await app.DbAsync(db =>
        {
            db.SessionEvaluations.Add(new SessionEvaluation
            {
                SessionId = c.Session.Id, ProgrammeId = c.Programme.Id, EmployeeId = employee.Id, Cycle = 1, Relevance = 4, Instructor = 4, Confidence = 4, SubmittedAtUtc = evaluatedAt,
            });
            return db.SaveChangesAsync();
        });
        var completion = (await TryCompleteAsync(c, employee.Id)).ShouldNotBeNull();
        // As the code before ADR-029 wrote it: dated the day the sweep ran, with no instant of the completing event.
        var sweepDay = new DateOnly(2031, 1, 15);
        await app.DbAsync(db => db.Completions.Where(x => x.Id == completion.Id)
            .ExecuteUpdateAsync(x => x.SetProperty(y => y.CompletedOn, sweepDay).SetProperty(y => y.CompletedAtUtc, (DateTime?)null)));
        await app.DbAsync(db => db.Certificates.Where(x => x.CompletionId == completion.Id).ExecuteUpdateAsync(x => x.SetProperty(y => y.CompletedOn, sweepDay)));

        var counts = await app.UseAsync<CompletionSweepRun, CompletionSweepRun.Counts>(s => s.RunAsync(CancellationToken.None));

        counts.Redated.ShouldBeGreaterThanOrEqualTo(1);
        var redated = (await app.CompletionsAsync(c.Programme.Id)).ShouldHaveSingleItem();
        redated.CompletedOn.ShouldBe(SeoulDateOf(evaluatedAt));
        redated.CompletedOn.ShouldBe(DateOnly.FromDateTime(evaluatedAt).AddDays(1));
        redated.CompletedAtUtc.ShouldBe(evaluatedAt);
        (await app.DbAsync(db => db.Certificates.AsNoTracking().Where(x => x.CompletionId == completion.Id).Select(x => x.CompletedOn).SingleAsync())).ShouldBe(redated.CompletedOn);
        using var api = app.ApiClient();
        var code = await app.DbAsync(db => db.Certificates.Where(x => x.CompletionId == completion.Id).Select(x => x.Code).SingleAsync());
        var verified = await api.GetOkAsync<System.Text.Json.JsonElement>($"/api/v1/certificates/{code}");
        verified.GetProperty("completedOn").GetString().ShouldBe(redated.CompletedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static DateOnly SeoulDateOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")));

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
