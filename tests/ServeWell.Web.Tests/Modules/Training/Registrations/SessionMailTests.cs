using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Enrolments;

namespace ServeWell.Web.Tests.Modules.Training.Registrations;

/// <summary>
/// Every training mail read back from the outbox folder, its iCalendar attachment parsed by Ical.Net: METHOD, the
/// session's UID and SEQUENCE, and the recipient's language.
/// </summary>
public abstract class SessionMailTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    [Fact]
    public async Task Confirmation_IsARequestWithTheSessionsUidAndSequence()
    {
        var setup = await app.ProgrammeWithPeopleAsync(1);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 2, joinUrl: "https://meet.example.org/room-1");
        var person = setup.People[0];

        var registration = await app.RegisterAsync(session.Id, person.Id);

        var mail = await MailAsync(person.Email, "Registered: ");
        var calendar = RegistrationTestData.CalendarOf(mail)!;
        calendar.Method.ShouldBe("REQUEST");
        var e = calendar.Events.Single();
        e.Uid.ShouldBe(session.CalendarUid.ToString("D") + "@servewell");
        e.Sequence.ShouldBe(0);
        e.Attendees.Single().Value!.ToString().ShouldBe("mailto:" + person.Email);
        e.Organizer.ShouldNotBeNull();
        e.DtStart!.AsUtc.ShouldBe(session.StartsAtUtc);
        (mail.TextBody ?? "").ShouldContain("/join/" + registration.JoinToken);
    }

    [Fact]
    public async Task Confirmation_ToAKoreanReader_IsInKorean()
    {
        var setup = await app.ProgrammeWithPeopleAsync(1);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 2);
        var person = setup.People[0];
        await app.AccountForAsync(person, culture: "ko");

        await app.RegisterAsync(session.Id, person.Id);

        var mail = await MailAsync(person.Email, "등록 완료: ");
        (mail.TextBody ?? "").ShouldContain("이 차수의 신청이 확정되었습니다.");
        RegistrationTestData.CalendarOf(mail)!.Method.ShouldBe("REQUEST");
    }

    [Fact]
    public async Task SessionChange_SendsAnUpdateWithTheSameUidAndAHigherSequence_AndCancellationACancel()
    {
        var setup = await app.ProgrammeWithPeopleAsync(1);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 2);
        var person = setup.People[0];
        await app.RegisterAsync(session.Id, person.Id);
        var dto = await _api.GetOkAsync<JsonElement>($"/api/v1/sessions/{session.Id}");
        var day = dto.GetProperty("start").GetString()![..10];

        using var moved = await _api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}", new { start = day + "T14:00", end = day + "T16:00", timeZone = "Asia/Seoul", venue = "City Hall, room 301", capacity = 2 });
        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var cancelled = await _api.PostAsync($"/api/v1/sessions/{session.Id}/cancel", null);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);

        var update = RegistrationTestData.CalendarOf(await MailAsync(person.Email, "Changed: "))!;
        update.Method.ShouldBe("REQUEST");
        update.Events.Single().Uid.ShouldBe(session.CalendarUid.ToString("D") + "@servewell");
        update.Events.Single().Sequence.ShouldBe(1);
        var cancel = RegistrationTestData.CalendarOf(await MailAsync(person.Email, "Cancelled: "))!;
        cancel.Method.ShouldBe("CANCEL");
        cancel.Events.Single().Uid.ShouldBe(session.CalendarUid.ToString("D") + "@servewell");
        cancel.Events.Single().Sequence.ShouldBe(2);
        cancel.Events.Single().Status.ShouldBe("CANCELLED");
        (await app.EnrolmentsAsync(setup.Programme.Id))[person.Id].State.ShouldBe(EnrolmentState.Invited);
        (await app.RegistrationAsync(session.Id, person.Id)).StateReason.ShouldBe(RegistrationReasons.SessionCancelled);
    }

    [Fact]
    public async Task CancellingAPlace_SendsACancelForThatPerson()
    {
        var setup = await app.ProgrammeWithPeopleAsync(1);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 2);
        var person = setup.People[0];
        await app.RegisterAsync(session.Id, person.Id);

        await app.UseAsync<SessionRegistrations, bool>(async r => { await r.CancelAsync(session.Id, person.Id, false, "test", CancellationToken.None); return true; });

        var cancel = RegistrationTestData.CalendarOf(await MailAsync(person.Email, "Cancelled: "))!;
        cancel.Method.ShouldBe("CANCEL");
        cancel.Events.Single().Uid.ShouldBe(session.CalendarUid.ToString("D") + "@servewell");
    }

    [Fact]
    public async Task Waitlisted_IsToldTheirPosition()
    {
        var setup = await app.ProgrammeWithPeopleAsync(3);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 1);
        await app.RegisterAsync(session.Id, setup.People[0].Id);
        await app.RegisterAsync(session.Id, setup.People[1].Id);
        await app.RegisterAsync(session.Id, setup.People[2].Id);

        var mail = await MailAsync(setup.People[2].Email, "Waitlist: ");
        (mail.TextBody ?? "").ShouldContain("You are number 2 on its waitlist");
        RegistrationTestData.CalendarOf(mail).ShouldBeNull();
    }

    [Fact]
    public async Task Invitation_GoesOnceWithALinkToChooseAndTheComingSessions()
    {
        var setup = await app.ProgrammeWithPeopleAsync(1);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 5);
        var person = setup.People[0];

        await Task.WhenAll(
            app.UseAsync<SessionRounds, int>(r => r.SendInvitationsAsync(CancellationToken.None)),
            app.UseAsync<SessionRounds, int>(r => r.SendInvitationsAsync(CancellationToken.None)));
        await app.UseAsync<SessionRounds, int>(r => r.SendInvitationsAsync(CancellationToken.None));

        var invitations = (await app.MailsToAsync(person.Email)).Where(m => (m.Subject ?? "").StartsWith("Training: ", StringComparison.Ordinal)).ToList();
        invitations.Count.ShouldBe(1);
        (invitations[0].TextBody ?? "").ShouldContain("/Training/My");
        var calendar = RegistrationTestData.CalendarOf(invitations[0])!;
        calendar.Method.ShouldBe("PUBLISH");
        calendar.Events.Single().Uid.ShouldBe(session.CalendarUid.ToString("D") + "@servewell");
        (await app.EnrolmentsAsync(setup.Programme.Id))[person.Id].InvitationMailedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Reminder_TheDayBefore_GoesOnceEvenWhenTwoNodesRunTogether()
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 5);
        var (early, late) = (setup.People[0], setup.People[1]);
        await app.RegisterAsync(session.Id, early.Id);
        await app.RegisterAsync(session.Id, late.Id);
        var start = DateTime.UtcNow.AddHours(20);
        await app.DbAsync(db => db.TrainingSessions.Where(s => s.Id == session.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAtUtc, start).SetProperty(x => x.EndsAtUtc, start.AddHours(2))));
        // The early one registered weeks ago; the late one took the place inside the last day and had the confirmation.
        await app.DbAsync(db => db.SessionRegistrations.Where(r => r.SessionId == session.Id && r.EmployeeId == early.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StateSince, start.AddDays(-20))));

        await Task.WhenAll(
            app.UseAsync<SessionRounds, int>(r => r.SendRemindersAsync(CancellationToken.None)),
            app.UseAsync<SessionRounds, int>(r => r.SendRemindersAsync(CancellationToken.None)));
        await app.UseAsync<SessionRounds, int>(r => r.SendRemindersAsync(CancellationToken.None));

        var reminders = (await app.MailsToAsync(early.Email)).Where(m => (m.Subject ?? "").StartsWith("Tomorrow: ", StringComparison.Ordinal)).ToList();
        reminders.Count.ShouldBe(1);
        var calendar = RegistrationTestData.CalendarOf(reminders[0])!;
        calendar.Method.ShouldBe("REQUEST");
        calendar.Events.Single().Uid.ShouldBe(session.CalendarUid.ToString("D") + "@servewell");
        (await app.MailsToAsync(late.Email)).ShouldNotContain(m => (m.Subject ?? "").StartsWith("Tomorrow: ", StringComparison.Ordinal));
        (await app.RegistrationAsync(session.Id, early.Id)).ReminderSentAt.ShouldNotBeNull();
    }

    private async Task<MimeMessage> MailAsync(string to, string subjectStart)
    {
        var mails = (await app.MailsToAsync(to)).Where(m => (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal)).ToList();
        mails.Count.ShouldBe(1, $"mails to {to} starting “{subjectStart}”: {string.Join(" | ", (await app.MailsToAsync(to)).Select(m => m.Subject))}");
        return mails[0];
    }

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SessionMailSqliteTests(SqliteApp app) : SessionMailTests(app), IClassFixture<SqliteApp>;

public sealed class SessionMailPostgresTests(PostgresApp app) : SessionMailTests(app), IClassFixture<PostgresApp>;
