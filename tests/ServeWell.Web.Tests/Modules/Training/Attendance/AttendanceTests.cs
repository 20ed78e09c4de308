using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Attendance;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Enrolments;
using ServeWell.Web.Tests.Modules.Training.Registrations;

namespace ServeWell.Web.Tests.Modules.Training.Attendance;

/// <summary>QR check-in in the room, the personal join link, the instructor's sheet, the API and the no-show sweep.</summary>
public abstract class AttendanceTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    [Fact]
    public async Task QrCheckIn_WithTheCurrentCode_RecordsOnceAndTheEnrolmentIsAttended()
    {
        var (session, person, _) = await RunningSessionAsync(startedMinutesAgo: -5);
        using var phone = await app.SignInAsync(await app.AccountForAsync(person));
        var code = await _api.GetOkAsync<JsonElement>($"/api/v1/sessions/{session.Id}/check-in-code");
        var url = new Uri(code.GetProperty("url").GetString()!);

        var page = await phone.GetPageAsync(url.PathAndQuery);
        var again = await phone.GetPageAsync(url.PathAndQuery);

        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("You are checked in");
        again.QuerySelector("[role=status]")!.TextContent.ShouldContain("already checked in");
        var record = await app.DbAsync(db => db.Attendance.AsNoTracking().SingleAsync(a => a.SessionId == session.Id && a.EmployeeId == person.Id));
        record.Channel.ShouldBe(AttendanceChannel.QrCheckIn);
        record.Status.ShouldBe(AttendanceStatus.Present);
        (await app.EnrolmentsAsync(session.ProgrammeId))[person.Id].State.ShouldBe(EnrolmentState.Attended);
        code.GetProperty("image").GetString()!.ShouldStartWith("data:image/png;base64,");
    }

    [Fact]
    public async Task QrCheckIn_ForgedExpiredUnregisteredOrClosed_IsRefusedWithAClearMessage()
    {
        var (session, person, setup) = await RunningSessionAsync(startedMinutesAgo: 20);
        var stranger = setup.People[1]; // enrolled, but no place in this session
        var codes = app.Services.GetService(typeof(CheckInCode)) as CheckInCode;
        using var phone = await app.SignInAsync(await app.AccountForAsync(person));
        using var strangerPhone = await app.SignInAsync(await app.AccountForAsync(stranger));
        var otherProgramme = await app.CreateProgrammeAsync(new ServeWell.Web.Modules.Training.Audiences.AudienceRule { OrgUnitCodes = [setup.UnitCode] });
        var future = await app.SessionAsync(otherProgramme.Id, capacity: 5, daysAhead: 20);
        await app.RegisterAsync(future.Id, person.Id);

        var forged = await phone.GetAsync($"/Training/CheckIn/{session.Id}?code=CfDJ8AAAAforged");
        var otherSession = await phone.GetAsync(CheckInCode.PathFor(session.Id, codes!.For(future.Id)));
        var expired = await phone.GetAsync(CheckInCode.PathFor(session.Id, codes.For(session.Id, codes.CurrentStep - 2)));
        var notRegistered = await strangerPhone.GetAsync(CheckInCode.PathFor(session.Id, codes.For(session.Id)));
        var closed = await phone.GetAsync(CheckInCode.PathFor(future.Id, codes.For(future.Id)));

        (await MessageAsync(forged)).ShouldContain("not a valid check-in code");
        (await MessageAsync(otherSession)).ShouldContain("not a valid check-in code");
        (await MessageAsync(expired)).ShouldContain("has expired");
        (await MessageAsync(notRegistered)).ShouldContain("not registered for this session");
        (await MessageAsync(closed)).ShouldContain("open from 30 minutes before");
        (await app.DbAsync(db => db.Attendance.CountAsync(a => a.SessionId == session.Id || a.SessionId == future.Id))).ShouldBe(0);

        // The code of the step before is still good (a scan at the turn of the step must not fail), and late is late.
        using var previous = await phone.GetAsync(CheckInCode.PathFor(session.Id, codes.For(session.Id, codes.CurrentStep - 1)));
        previous.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.DbAsync(db => db.Attendance.SingleAsync(a => a.SessionId == session.Id))).Status.ShouldBe(AttendanceStatus.Late);
    }

    [Fact]
    public async Task QrCheckIn_InKorean_SaysWhyInKorean()
    {
        var (session, person, _) = await RunningSessionAsync(startedMinutesAgo: 0);
        using var phone = await app.SignInAsync(await app.AccountForAsync(person, culture: "ko"));

        var response = await phone.GetAsync($"/Training/CheckIn/{session.Id}?code=nonsense");

        (await MessageAsync(response)).ShouldContain("올바른 출석 코드가 아닙니다");
    }

    [Fact]
    public async Task JoinLink_RecordsTheJoinAsLateAfterTheGraceAndRedirects()
    {
        var (session, person, _) = await RunningSessionAsync(startedMinutesAgo: 15, joinUrl: "https://meet.example.org/room-9");
        var token = (await app.RegistrationAsync(session.Id, person.Id)).JoinToken;
        using var anonymous = app.Anonymous();

        using var response = await anonymous.GetAsync("/join/" + token);
        using var unknown = await anonymous.GetAsync("/join/" + new string('x', 43));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("https://meet.example.org/room-9");
        var record = await app.DbAsync(db => db.Attendance.AsNoTracking().SingleAsync(a => a.SessionId == session.Id));
        record.Channel.ShouldBe(AttendanceChannel.JoinLink);
        record.Status.ShouldBe(AttendanceStatus.Late);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sheet_TheSessionsInstructorMarksByHand_AnotherInstructorIsRefused()
    {
        var instructor = await app.CreateEmployeeAsync("O-AUDIT", grade: 5);
        var other = await app.CreateEmployeeAsync("O-AUDIT", grade: 5);
        var (session, person, _) = await RunningSessionAsync(startedMinutesAgo: 30, instructorNumber: instructor.EmployeeNumber);
        using var teacher = await app.SignInAsync(await app.AccountForAsync(instructor, Roles.Instructor));
        using var stranger = await app.SignInAsync(await app.AccountForAsync(other, Roles.Instructor));
        var path = $"/Training/Sessions/{session.Id}/Attendance";

        var sheet = await teacher.GetPageAsync(path);
        using var marked = await teacher.SubmitAsync(sheet, path, new Dictionary<string, string> { ["employeeNumber"] = person.EmployeeNumber, ["status"] = "Excused" }, "status");
        using var refusedSheet = await stranger.GetAsync(path);
        using var refusedCode = await stranger.GetAsync($"/Training/Sessions/{session.Id}/CheckInCode");
        using var codePage = await teacher.GetAsync($"/Training/Sessions/{session.Id}/CheckInCode");

        marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.DbAsync(db => db.Attendance.SingleAsync(a => a.SessionId == session.Id))).ShouldSatisfyAllConditions(
            a => a.Status.ShouldBe(AttendanceStatus.Excused), a => a.Channel.ShouldBe(AttendanceChannel.Manual));
        (await app.EnrolmentsAsync(session.ProgrammeId))[person.Id].State.ShouldBe(EnrolmentState.Excused);
        refusedSheet.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (refusedSheet.StatusCode == HttpStatusCode.Redirect)
        {
            refusedSheet.Headers.Location!.ToString().ShouldContain("/Accounts/AccessDenied");
        }

        refusedCode.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        codePage.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = Html.Parse(await codePage.Content.ReadAsStringAsync());
        html.QuerySelector("#checkin-qr")!.GetAttribute("data-checkin-url")!.ShouldContain($"/Training/CheckIn/{session.Id}?code=");
        html.QuerySelector("noscript meta[http-equiv=refresh]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Api_MarkAndList_AndRefusesABadStatusOrSomeoneWithoutAPlace()
    {
        var (session, person, setup) = await RunningSessionAsync(startedMinutesAgo: 40);

        using var marked = await _api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/attendance/{person.EmployeeNumber}", new { status = "LeftEarly" });
        using var bad = await _api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/attendance/{person.EmployeeNumber}", new { status = "Asleep" });
        using var noPlace = await _api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/attendance/{setup.People[1].EmployeeNumber}", new { status = "Present" });
        var list = await _api.GetOkAsync<JsonElement>($"/api/v1/sessions/{session.Id}/attendance");

        var body = await marked.ReadOkAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("LeftEarly");
        body.GetProperty("channel").GetString().ShouldBe("Manual");
        body.GetProperty("leftAt").ValueKind.ShouldBe(JsonValueKind.String);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ReadJsonAsync()).GetProperty("errors").GetProperty("status")[0].GetString()!.ShouldContain("Asleep");
        noPlace.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        list.EnumerateArray().Single().GetProperty("employeeNumber").GetString().ShouldBe(person.EmployeeNumber);
    }

    [Fact]
    public async Task NoShowSweep_AfterTheSession_MarksThoseWithoutAttendance()
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 5);
        var (came, missed) = (setup.People[0], setup.People[1]);
        await app.RegisterAsync(session.Id, came.Id);
        await app.RegisterAsync(session.Id, missed.Id);
        await MoveAsync(session.Id, DateTime.UtcNow.AddMinutes(-10));
        using (var mark = await _api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/attendance/{came.EmployeeNumber}", new { status = "Present" }))
        {
            mark.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await MoveAsync(session.Id, DateTime.UtcNow.AddHours(-3));
        await app.UseAsync<SessionRounds, int>(r => r.MarkNoShowsAsync(CancellationToken.None));

        (await app.RegistrationAsync(session.Id, missed.Id)).State.ShouldBe(RegistrationState.NoShow);
        (await app.RegistrationAsync(session.Id, came.Id)).State.ShouldBe(RegistrationState.Registered);
        var enrolments = await app.EnrolmentsAsync(setup.Programme.Id);
        enrolments[missed.Id].State.ShouldBe(EnrolmentState.NoShow);
        enrolments[came.Id].State.ShouldBe(EnrolmentState.Attended);
    }

    /// <summary>A session that started <paramref name="startedMinutesAgo"/> minutes ago (negative: starts soon), with one person registered.</summary>
    private async Task<(TrainingSession Session, Employee Person, RegistrationTestData.Setup Setup)> RunningSessionAsync(
        int startedMinutesAgo, string? joinUrl = null, string? instructorNumber = null)
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 5, joinUrl: joinUrl, instructorNumber: instructorNumber);
        await app.RegisterAsync(session.Id, setup.People[0].Id);
        await MoveAsync(session.Id, DateTime.UtcNow.AddMinutes(-startedMinutesAgo));
        return (await app.DbAsync(db => db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id)), setup.People[0], setup);
    }

    private Task<int> MoveAsync(int sessionId, DateTime start) =>
        app.DbAsync(db => db.TrainingSessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAtUtc, start).SetProperty(x => x.EndsAtUtc, start.AddHours(2))));

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")?.TextContent ?? "";
        }
    }

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AttendanceSqliteTests(SqliteApp app) : AttendanceTests(app), IClassFixture<SqliteApp>;

public sealed class AttendancePostgresTests(PostgresApp app) : AttendanceTests(app), IClassFixture<PostgresApp>;
