using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Platform.Web;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Enrolments;
using ServeWell.Web.Tests.Modules.Training.Record;

namespace ServeWell.Web.Tests.Modules.Training.Registrations;

/// <summary>Places, the waitlist in the order people asked, switching, moving, withdrawing, capacity and overlaps.</summary>
public abstract class RegistrationTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    [Fact]
    public async Task Register_WhenAPlaceIsFree_RegistersAndTheEnrolmentFollows()
    {
        var setup = await app.ProgrammeWithPeopleAsync(1);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 2);
        var person = setup.People[0];

        var registration = await app.RegisterAsync(session.Id, person.Id);

        registration.State.ShouldBe(RegistrationState.Registered);
        registration.JoinToken.Length.ShouldBeGreaterThanOrEqualTo(40);
        var enrolment = (await app.EnrolmentsAsync(setup.Programme.Id))[person.Id];
        enrolment.State.ShouldBe(EnrolmentState.Registered);
        (await app.HistoryAsync(enrolment.Id)).Last().ShouldSatisfyAllConditions(
            c => c.FromState.ShouldBe(EnrolmentState.Invited), c => c.ToState.ShouldBe(EnrolmentState.Registered));
    }

    [Fact]
    public async Task Register_WhenFull_WaitlistsInOrderAndACancelPromotesTheFirstAsked()
    {
        var setup = await app.ProgrammeWithPeopleAsync(4);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 2);
        var (a, b, c, d) = (setup.People[0], setup.People[1], setup.People[2], setup.People[3]);
        using var reader = await app.SignInAsEmployeeAsync(c, culture: "en"); // c reads English; without an account the mail is in the city's language
        await app.RegisterAsync(session.Id, a.Id);
        await app.RegisterAsync(session.Id, b.Id);

        var third = await app.RegisterAsync(session.Id, c.Id);
        var fourth = await app.RegisterAsync(session.Id, d.Id);
        third.State.ShouldBe(RegistrationState.Waitlisted);
        fourth.State.ShouldBe(RegistrationState.Waitlisted);
        (await app.EnrolmentsAsync(setup.Programme.Id))[c.Id].State.ShouldBe(EnrolmentState.Invited);

        await app.UseAsync<SessionRegistrations, bool>(async r => { await r.CancelAsync(session.Id, a.Id, false, "test", CancellationToken.None); return true; });

        (await app.RegistrationAsync(session.Id, a.Id)).State.ShouldBe(RegistrationState.Cancelled);
        (await app.RegistrationAsync(session.Id, c.Id)).State.ShouldBe(RegistrationState.Registered);
        (await app.RegistrationAsync(session.Id, d.Id)).State.ShouldBe(RegistrationState.Waitlisted);
        var enrolments = await app.EnrolmentsAsync(setup.Programme.Id);
        enrolments[a.Id].State.ShouldBe(EnrolmentState.Invited);
        enrolments[c.Id].State.ShouldBe(EnrolmentState.Registered);
        var promotion = (await app.MailsToAsync(c.Email)).Single(m => (m.Subject ?? "").StartsWith("A place is yours", StringComparison.Ordinal));
        promotion.Subject!.ShouldContain("A place is yours");
        var calendar = RegistrationTestData.CalendarOf(promotion)!;
        calendar.Method.ShouldBe("REQUEST");
        calendar.Events.Single().Uid.ShouldBe(session.CalendarUid.ToString("D") + "@servewell");
    }

    [Fact]
    public async Task Register_ManyAtOnceForFewPlaces_NeverOverbooks()
    {
        var setup = await app.ProgrammeWithPeopleAsync(6);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 2);

        var results = await Task.WhenAll(setup.People.Select(p => app.RegisterAsync(session.Id, p.Id)));

        results.Count(r => r.State == RegistrationState.Registered).ShouldBe(2);
        results.Count(r => r.State == RegistrationState.Waitlisted).ShouldBe(4);
        (await app.DbAsync(db => db.SessionRegistrations.CountAsync(r => r.SessionId == session.Id && r.State == RegistrationState.Registered))).ShouldBe(2);
    }

    [Fact]
    public async Task Register_ForAnotherSessionOfTheProgramme_SwitchesAndFreesTheOldPlace()
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var first = await app.SessionAsync(setup.Programme.Id, capacity: 1);
        var second = await app.SessionAsync(setup.Programme.Id, capacity: 5, daysAhead: 40);
        var (a, b) = (setup.People[0], setup.People[1]);
        await app.RegisterAsync(first.Id, a.Id);
        (await app.RegisterAsync(first.Id, b.Id)).State.ShouldBe(RegistrationState.Waitlisted);

        var switched = await app.RegisterAsync(second.Id, a.Id);

        switched.State.ShouldBe(RegistrationState.Registered);
        (await app.RegistrationAsync(first.Id, a.Id)).ShouldSatisfyAllConditions(
            r => r.State.ShouldBe(RegistrationState.Cancelled), r => r.StateReason.ShouldBe(RegistrationReasons.Switched));
        (await app.RegistrationAsync(first.Id, b.Id)).State.ShouldBe(RegistrationState.Registered);
    }

    [Fact]
    public async Task Register_WhenNotEnrolled_IsRefusedAndNothingIsWritten()
    {
        var setup = await app.ProgrammeWithPeopleAsync(1);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 2);
        var outsider = await app.CreateEmployeeAsync("O-CIVIL");

        var error = await Should.ThrowAsync<DomainRuleException>(() => app.RegisterAsync(session.Id, outsider.Id));

        error.Message.ShouldBe("You are not enrolled in this programme.");
        (await app.DbAsync(db => db.SessionRegistrations.CountAsync(r => r.SessionId == session.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Api_MoveIntoAFullSession_IsRefusedAndMoveIntoAFreeOneFreesThePlace()
    {
        var setup = await app.ProgrammeWithPeopleAsync(3);
        var from = await app.SessionAsync(setup.Programme.Id, capacity: 1);
        var full = await app.SessionAsync(setup.Programme.Id, capacity: 1, daysAhead: 35);
        var free = await app.SessionAsync(setup.Programme.Id, capacity: 3, daysAhead: 40);
        var (a, b, c) = (setup.People[0], setup.People[1], setup.People[2]);
        await app.RegisterAsync(from.Id, a.Id);
        await app.RegisterAsync(full.Id, b.Id);
        await app.RegisterAsync(from.Id, c.Id); // waits for a's place

        using var refused = await _api.PostAsJsonAsync($"/api/v1/sessions/{from.Id}/registrations", new { employeeNumber = a.EmployeeNumber, action = "move", toSessionId = full.Id });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ReadJsonAsync()).GetProperty("errors").GetProperty("toSessionId")[0].GetString()!.ShouldContain("full");
        (await app.RegistrationAsync(from.Id, a.Id)).State.ShouldBe(RegistrationState.Registered);

        using var moved = await _api.PostAsJsonAsync($"/api/v1/sessions/{from.Id}/registrations", new { employeeNumber = a.EmployeeNumber, action = "move", toSessionId = free.Id });
        var body = await moved.ReadOkAsync<JsonElement>();

        body.GetProperty("sessionId").GetInt32().ShouldBe(free.Id);
        body.GetProperty("state").GetString().ShouldBe("Registered");
        (await app.RegistrationAsync(from.Id, a.Id)).StateReason.ShouldBe(RegistrationReasons.Moved);
        (await app.RegistrationAsync(from.Id, c.Id)).State.ShouldBe(RegistrationState.Registered);
    }

    [Fact]
    public async Task Api_RegisterCancelAndWithdraw_KeepHistoryAndFreePlaces()
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 1);
        var (a, b) = (setup.People[0], setup.People[1]);

        using var registered = await _api.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/registrations", new { employeeNumber = a.EmployeeNumber, action = "register" });
        (await registered.ReadOkAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("Registered");
        using var waiting = await _api.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/registrations", new { employeeNumber = b.EmployeeNumber, action = "register" });
        var wait = await waiting.ReadOkAsync<JsonElement>();
        wait.GetProperty("state").GetString().ShouldBe("Waitlisted");
        wait.GetProperty("waitlistPosition").GetInt32().ShouldBe(1);

        using var withdrawn = await _api.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/registrations", new { employeeNumber = a.EmployeeNumber, action = "withdraw" });
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var enrolments = await app.EnrolmentsAsync(setup.Programme.Id);
        enrolments[a.Id].State.ShouldBe(EnrolmentState.Withdrawn);
        (await app.HistoryAsync(enrolments[a.Id].Id)).Select(h => h.ToState).ShouldBe([EnrolmentState.Invited, EnrolmentState.Registered, EnrolmentState.Withdrawn]);
        (await app.RegistrationAsync(session.Id, a.Id)).StateReason.ShouldBe(RegistrationReasons.Withdrawn);
        (await app.RegistrationAsync(session.Id, b.Id)).State.ShouldBe(RegistrationState.Registered);
        var list = await _api.GetOkAsync<JsonElement>($"/api/v1/sessions/{session.Id}/registrations");
        list.EnumerateArray().Select(r => r.GetProperty("employeeNumber").GetString()).ShouldBe([b.EmployeeNumber]);
    }

    [Fact]
    public async Task Api_UnknownEmployeeOrAction_AnswersProblemNamingTheField()
    {
        var setup = await app.ProgrammeWithPeopleAsync(1);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 1);

        using var unknown = await _api.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/registrations", new { employeeNumber = "NOPE-1", action = "register" });
        using var badAction = await _api.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/registrations", new { employeeNumber = setup.People[0].EmployeeNumber, action = "jump" });

        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.ReadJsonAsync()).GetProperty("errors").GetProperty("employeeNumber")[0].GetString()!.ShouldContain("NOPE-1");
        badAction.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badAction.ReadJsonAsync()).GetProperty("errors").GetProperty("action")[0].GetString()!.ShouldContain("jump");
    }

    [Fact]
    public async Task Capacity_LowerThanThePlacesTaken_IsRefusedAndRaisingItPromotes()
    {
        var setup = await app.ProgrammeWithPeopleAsync(3);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 2);
        foreach (var p in setup.People)
        {
            await app.RegisterAsync(session.Id, p.Id);
        }

        var dto = await _api.GetOkAsync<JsonElement>($"/api/v1/sessions/{session.Id}");
        object Body(int capacity) => new { start = dto.GetProperty("start").GetString(), end = dto.GetProperty("end").GetString(), timeZone = "Asia/Seoul", venue = "City Hall, room 301", capacity };

        using var lower = await _api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}", Body(1));
        lower.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await lower.ReadJsonAsync()).GetProperty("errors").GetProperty("capacity")[0].GetString()!.ShouldContain("2 people already have a place");

        using var raise = await _api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}", Body(3));
        raise.StatusCode.ShouldBe(HttpStatusCode.OK, await raise.Content.ReadAsStringAsync());
        (await app.RegistrationAsync(session.Id, setup.People[2].Id)).State.ShouldBe(RegistrationState.Registered);
    }

    [Fact]
    public async Task Overlaps_AreFlaggedInTheApiForBothSessions()
    {
        var setup = await app.ProgrammeWithPeopleAsync(1);
        var other = await app.CreateProgrammeAsync(new ServeWell.Web.Modules.Training.Audiences.AudienceRule { OrgUnitCodes = [setup.UnitCode] });
        var person = setup.People[0];
        var one = await app.SessionAsync(setup.Programme.Id, capacity: 5, hour: 10);
        var two = await app.SessionAsync(other.Id, capacity: 5, hour: 11);
        await app.RegisterAsync(one.Id, person.Id);
        await app.RegisterAsync(two.Id, person.Id);

        var list = await _api.GetOkAsync<JsonElement>($"/api/v1/sessions/{one.Id}/registrations");
        var enrolments = await _api.GetOkAsync<JsonElement>($"/api/v1/programmes/{other.Id}/enrolments");

        list[0].GetProperty("overlapsWith").EnumerateArray().Select(x => x.GetInt32()).ShouldBe([two.Id]);
        var registration = enrolments.GetProperty("enrolments")[0].GetProperty("registrations")[0];
        registration.GetProperty("sessionId").GetInt32().ShouldBe(two.Id);
        registration.GetProperty("overlapsWith").EnumerateArray().Select(x => x.GetInt32()).ShouldBe([one.Id]);
    }

    [Fact]
    public async Task AudienceSync_WithdrawingSomeone_FreesTheirPlaceForTheWaitlist()
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 1);
        var (leaver, waiting) = (setup.People[0], setup.People[1]);
        await app.RegisterAsync(session.Id, leaver.Id);
        await app.RegisterAsync(session.Id, waiting.Id);
        var elsewhere = await app.CreateOrgUnitAsync("O-CIVIL");
        await app.MoveEmployeeAsync(leaver.Id, elsewhere.Id);

        await app.SyncAsync(setup.Programme.Id);

        (await app.RegistrationAsync(session.Id, leaver.Id)).State.ShouldBe(RegistrationState.Cancelled);
        (await app.RegistrationAsync(session.Id, waiting.Id)).State.ShouldBe(RegistrationState.Registered);
    }

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class RegistrationSqliteTests(SqliteApp app) : RegistrationTests(app), IClassFixture<SqliteApp>;

public sealed class RegistrationPostgresTests(PostgresApp app) : RegistrationTests(app), IClassFixture<PostgresApp>;
