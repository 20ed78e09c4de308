using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Training.Record;

/// <summary>A recurring mandatory programme runs in cycles: a new one moves the due date and resets status; history and certificates stay.</summary>
public abstract class RecurrenceTests(AppHost app)
{
    [Fact]
    public async Task NewCycle_MovesTheDueDate_ResetsAttendance_KeepsTheEarlierCompletion_AndCompletesAgain()
    {
        // The city's date, not UTC's: cycles start on the city's calendar (ADR-029), and after 15:00 UTC Seoul is a day ahead.
        var today = await CityTodayAsync();
        var due = today.AddDays(30);
        var c = await app.CreateTrainingCaseAsync(people: 2, configure: r => { r.Mandatory = true; r.DueDate = due; r.RecurrenceMonths = 12; });
        var (done, notDone) = (c.People[0], c.People[1]);
        await app.AttendAsync(c, done);
        var first = await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(x => x.EmployeeId == done.Id));
        first.ExpiresOn.ShouldBe(due.AddMonths(12)); // valid until the next cycle is due

        (await OpenAsync(c.Programme.Id, today.AddMonths(6))).ShouldBe(0);
        var opened = await OpenAsync(c.Programme.Id, today.AddMonths(12));

        opened.ShouldBe(1);
        var cycle = await app.DbAsync(db => db.ProgrammeCycles.AsNoTracking().Where(y => y.ProgrammeId == c.Programme.Id).OrderBy(y => y.Number).ToListAsync());
        cycle.Select(y => (y.Number, y.DueOn)).ShouldBe([(1, (DateOnly?)due), (2, due.AddMonths(12))]);
        (await app.DbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == c.Programme.Id))).DueDate.ShouldBe(due.AddMonths(12));
        var enrolment = await app.DbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.ProgrammeId == c.Programme.Id && e.EmployeeId == done.Id));
        enrolment.State.ShouldBe(EnrolmentState.Invited);
        (await app.DbAsync(db => db.EnrolmentChanges.AsNoTracking().Where(x => x.EnrolmentId == enrolment.Id).OrderBy(x => x.Id).ToListAsync()))
            .Last().ShouldSatisfyAllConditions(x => x.FromState.ShouldBe(EnrolmentState.Attended), x => x.Reason.ShouldBe(ProgrammeCycles.NewCycleReason));
        (await app.DbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.ProgrammeId == c.Programme.Id && e.EmployeeId == notDone.Id))).State.ShouldBe(EnrolmentState.Invited);
        var progress = await app.UseAsync<CompleteEnrolment, CompletionProgress?>(s => s.ProgressAsync(c.Programme.Id, done.Id, CancellationToken.None));
        progress!.Complete.ShouldBeFalse(); // the earlier completion counts for cycle 1 only

        await app.AttendAsync(c, done);

        (await app.CompletionsAsync(c.Programme.Id)).Select(x => (x.EmployeeId, x.Cycle)).ShouldBe([(done.Id, 1), (done.Id, 2)]);
        var certificates = await app.DbAsync(db => db.Certificates.AsNoTracking().Where(x => x.EmployeeId == done.Id).OrderBy(x => x.Id).ToListAsync());
        certificates.Count.ShouldBe(2);
        certificates[0].StatusOn(due.AddMonths(12)).ShouldBe(CertificateStatus.Valid);
        certificates[0].StatusOn(due.AddMonths(12).AddDays(1)).ShouldBe(CertificateStatus.Expired);
    }

    private Task<DateOnly> CityTodayAsync() => app.UseAsync<ServeWell.Web.Platform.City.CityClock, DateOnly>(clock => Task.FromResult(clock.Today));

    [Fact]
    public async Task OpenDueCycles_ForAProgrammeTakenOnce_DoesNothing()
    {
        var today = await CityTodayAsync();
        var c = await app.CreateTrainingCaseAsync(people: 1, configure: r => r.DueDate = today);
        await app.AttendAsync(c, c.People[0]);

        (await OpenAsync(c.Programme.Id, today.AddYears(5))).ShouldBe(0);

        (await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(x => x.EmployeeId == c.People[0].Id))).ExpiresOn.ShouldBeNull();
        (await app.DbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.ProgrammeId == c.Programme.Id && e.EmployeeId == c.People[0].Id))).State.ShouldBe(EnrolmentState.Attended);
    }

    private Task<int> OpenAsync(int programmeId, DateOnly today) =>
        app.UseAsync<ProgrammeCycles, int>(s => s.OpenDueCyclesAsync(programmeId, today, CancellationToken.None));
}

public sealed class RecurrenceSqliteTests(SqliteApp app) : RecurrenceTests(app), IClassFixture<SqliteApp>;

public sealed class RecurrencePostgresTests(PostgresApp app) : RecurrenceTests(app), IClassFixture<PostgresApp>;
