using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Training.Sessions;

/// <summary>Sessions through /api/v1: planned in Asia/Seoul, stored in UTC, changed with a growing SEQUENCE, cancelled.</summary>
public abstract class SessionsApiTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    [Fact]
    public async Task Create_InSeoul_StoresUtcAndAnswersTheWallClockTime()
    {
        var programme = await NewProgrammeAsync("Hybrid");
        var instructor = await app.CreateEmployeeAsync("O-CIVIL", grade: 5);

        using var created = await _api.PostAsJsonAsync($"/api/v1/programmes/{programme}/sessions", new
        {
            start = "2027-03-02T10:00", end = "2027-03-02T12:30", timeZone = "Asia/Seoul", venue = "City Hall, room 301",
            joinUrl = "https://meet.example.org/abc", capacity = 30, instructorEmployeeNumber = instructor.EmployeeNumber,
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var got = await _api.GetOkAsync<JsonElement>(created.Headers.Location!.OriginalString);
        got.GetProperty("start").GetString().ShouldBe("2027-03-02T10:00");
        got.GetProperty("end").GetString().ShouldBe("2027-03-02T12:30");
        got.GetProperty("startsAtUtc").GetDateTime().ShouldBe(new DateTime(2027, 3, 2, 1, 0, 0, DateTimeKind.Utc));
        got.GetProperty("timeZone").GetString().ShouldBe("Asia/Seoul");
        got.GetProperty("delivery").GetString().ShouldBe("Hybrid");
        got.GetProperty("instructorName").GetString().ShouldBe(instructor.Name);
        got.GetProperty("instructorEmployeeNumber").GetString().ShouldBe(instructor.EmployeeNumber);
        got.GetProperty("sequence").GetInt32().ShouldBe(0);
        var id = got.GetProperty("id").GetInt32();
        var stored = await app.DbAsync(db => db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == id));
        stored.StartsAtUtc.ShouldBe(new DateTime(2027, 3, 2, 1, 0, 0, DateTimeKind.Utc));
        stored.EndsAtUtc.ShouldBe(new DateTime(2027, 3, 2, 3, 30, 0, DateTimeKind.Utc));

        var list = await _api.GetOkAsync<List<JsonElement>>($"/api/v1/programmes/{programme}/sessions");
        list.Single().GetProperty("id").GetInt32().ShouldBe(id);
    }

    [Fact]
    public async Task Create_Invalid_Answers400NamingEachFieldAndWritesNothing()
    {
        var programme = await NewProgrammeAsync("Hybrid");

        using var response = await _api.PostAsJsonAsync($"/api/v1/programmes/{programme}/sessions", new
        {
            start = "2027-03-02T10:00", end = "2027-03-02T09:00", timeZone = "Korea Standard Time", joinUrl = "ftp://example.org/x", capacity = 0,
            instructorEmployeeNumber = "NOBODY",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "timeZone", "venue", "joinUrl", "capacity", "instructorEmployeeNumber" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"{field} missing from {errors}");
        }

        (await app.DbAsync(db => db.TrainingSessions.AnyAsync(s => s.ProgrammeId == programme))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("InPerson", null, "https://meet.example.org/x", "venue")]
    [InlineData("LiveOnline", "Room 1", null, "joinUrl")]
    [InlineData("Hybrid", "Room 1", "not a url", "joinUrl")]
    public async Task Create_DeliveryWithoutWhatItNeeds_NamesTheField(string delivery, string? venue, string? joinUrl, string field)
    {
        var programme = await NewProgrammeAsync(delivery);

        using var response = await _api.PostAsJsonAsync($"/api/v1/programmes/{programme}/sessions", new
        {
            delivery, start = "2027-03-02T10:00", end = "2027-03-02T11:00", timeZone = "Asia/Seoul", venue, joinUrl, capacity = 10,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe([field]);
    }

    [Fact]
    public async Task Create_EndBeforeStart_NamesTheEnd()
    {
        var programme = await NewProgrammeAsync("InPerson");

        using var response = await _api.PostAsJsonAsync($"/api/v1/programmes/{programme}/sessions", new
        {
            start = "2027-03-02T10:00", end = "2027-03-02T10:00", timeZone = "Asia/Seoul", venue = "Room 1", capacity = 10,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("end")[0].GetString().ShouldBe("The session must end after it starts.");
    }

    [Theory]
    [InlineData("America/New_York", "2027-03-14T02:30", "start")] // skipped when the clocks go forward
    [InlineData("Asia/Seoul", "2027-03-02T10:00Z", "start")]
    [InlineData("Asia/Seoul", "2027-03-02T10:00+09:00", "start")]
    public async Task Create_TimeThatIsNotOnTheZonesClock_NamesTheField(string zone, string start, string field)
    {
        var programme = await NewProgrammeAsync("InPerson");

        using var response = await _api.PostAsJsonAsync($"/api/v1/programmes/{programme}/sessions", new
        {
            start, end = "2027-03-14T05:00", timeZone = zone, venue = "Room 1", capacity = 10,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain(field);
    }

    [Fact]
    public async Task Update_KeepsTheUidAndRaisesTheSequence_OnlyWhenSomethingChanged()
    {
        var programme = await NewProgrammeAsync("InPerson");
        var body = new { start = "2027-04-06T09:30", end = "2027-04-06T13:30", timeZone = "Asia/Seoul", venue = "Room 1", capacity = 20, instructorName = "Guest" };
        var created = await (await _api.PostAsJsonAsync($"/api/v1/programmes/{programme}/sessions", body)).ReadJsonAsync();
        var id = created.GetProperty("id").GetInt32();

        using var moved = await _api.PutAsJsonAsync($"/api/v1/sessions/{id}", body with { venue = "Room 2" });
        using var same = await _api.PutAsJsonAsync($"/api/v1/sessions/{id}", body with { venue = "Room 2" });

        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var after = await same.ReadJsonAsync();
        after.GetProperty("venue").GetString().ShouldBe("Room 2");
        after.GetProperty("calendarUid").GetString().ShouldBe(created.GetProperty("calendarUid").GetString());
        after.GetProperty("sequence").GetInt32().ShouldBe(1);
        after.GetProperty("instructorName").GetString().ShouldBe("Guest");
    }

    [Fact]
    public async Task Cancel_RaisesTheSequenceAndRefusesFurtherChanges()
    {
        var programme = await NewProgrammeAsync("LiveOnline");
        var body = new { start = "2027-05-10T18:00", end = "2027-05-10T19:00", timeZone = "Asia/Seoul", joinUrl = "https://meet.example.org/y", capacity = 100 };
        var id = (await (await _api.PostAsJsonAsync($"/api/v1/programmes/{programme}/sessions", body)).ReadJsonAsync()).GetProperty("id").GetInt32();

        using var cancelled = await _api.PostAsync($"/api/v1/sessions/{id}/cancel", null);
        using var changed = await _api.PutAsJsonAsync($"/api/v1/sessions/{id}", body);

        var json = await cancelled.ReadJsonAsync();
        json.GetProperty("cancelledAt").ValueKind.ShouldBe(JsonValueKind.String);
        json.GetProperty("sequence").GetInt32().ShouldBe(1);
        changed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Editing_AsEmployeeOrSupervisor_IsForbidden_ReadingAsSupervisorIsNot()
    {
        var programme = await NewProgrammeAsync("InPerson");
        var body = new { start = "2027-04-06T09:30", end = "2027-04-06T13:30", timeZone = "Asia/Seoul", venue = "Room 1", capacity = 20 };
        var id = (await (await _api.PostAsJsonAsync($"/api/v1/programmes/{programme}/sessions", body)).ReadJsonAsync()).GetProperty("id").GetInt32();
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        using var create = await employee.Http.PostAsJsonAsync($"/api/v1/programmes/{programme}/sessions", body);
        using var update = await employee.Http.PutAsJsonAsync($"/api/v1/sessions/{id}", body);
        using var cancel = await supervisor.Http.PostAsync($"/api/v1/sessions/{id}/cancel", null);
        using var calendar = await employee.GetAsync($"/api/v1/sessions/{id}/calendar.ics");
        using var read = await supervisor.GetAsync($"/api/v1/sessions/{id}/calendar.ics");

        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        update.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        cancel.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        calendar.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.DbAsync(db => db.TrainingSessions.SingleAsync(s => s.Id == id))).CancelledAt.ShouldBeNull();
    }

    [Fact]
    public async Task DemoProgrammes_HaveSessionsInThePastAndTheFuture()
    {
        var now = DateTime.UtcNow;
        var sessions = await app.DbAsync(db => db.TrainingSessions.AsNoTracking().ToListAsync());
        var programmes = await app.DbAsync(db => db.Programmes.Where(p => p.Title.En == "Visiting Courtesy Training" || p.Title.En == "Customer service excellence").ToDictionaryAsync(p => p.Title.En, p => p.Id));

        var visiting = sessions.Where(s => s.ProgrammeId == programmes["Visiting Courtesy Training"]).ToList();
        visiting.ShouldContain(s => s.StartsAtUtc < now);
        visiting.ShouldContain(s => s.StartsAtUtc > now);
        visiting.ShouldAllBe(s => s.TimeZone == "Asia/Seoul" && s.StartsAtUtc.Hour == 9 && s.EndsAtUtc.Hour == 10); // 18:00–19:00 KST
        sessions.Where(s => s.ProgrammeId == programmes["Customer service excellence"]).ShouldContain(s => s.JoinUrl != null && s.Venue != null);
    }

    private async Task<int> NewProgrammeAsync(string delivery)
    {
        using var created = await _api.PostAsJsonAsync("/api/v1/programmes", new { title = TestData.Unique("Sessions "), delivery, hours = 2 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SessionsApiSqliteTests(SqliteApp app) : SessionsApiTests(app), IClassFixture<SqliteApp>;

public sealed class SessionsApiPostgresTests(PostgresApp app) : SessionsApiTests(app), IClassFixture<PostgresApp>;
