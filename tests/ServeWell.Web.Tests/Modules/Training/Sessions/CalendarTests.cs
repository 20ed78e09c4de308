using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Training.Sessions;

/// <summary>
/// GET /api/v1/sessions/{id}/calendar.ics read back by Ical.Net's own parser and, where node is installed, by ical.js as a
/// calendar client would: a stable UID, a growing SEQUENCE, Asia/Seoul times, and METHOD:CANCEL once cancelled.
/// </summary>
public abstract class CalendarTests(AppHost app) : IDisposable
{
    private readonly HttpClient _api = app.ApiClient();

    [Fact]
    public async Task Calendar_ForASeoulSession_HasTheEventWithItsZoneAndUtcInstant()
    {
        var (id, title) = await NewSessionAsync();

        using var response = await _api.GetAsync($"/api/v1/sessions/{id}/calendar.ics");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"session-{id}.ics");
        var calendar = Calendar.Load(text)!;
        calendar.Method.ShouldBe("PUBLISH");
        calendar.TimeZones.ShouldContain(z => z.TzId == "Asia/Seoul");
        var e = calendar.Events.Single();
        e.Summary.ShouldBe(title);
        e.Sequence.ShouldBe(0);
        e.DtStart!.TzId.ShouldBe("Asia/Seoul");
        e.DtStart.Value.ShouldBe(new DateTime(2027, 3, 2, 10, 0, 0));
        e.DtStart.AsUtc.ShouldBe(new DateTime(2027, 3, 2, 1, 0, 0, DateTimeKind.Utc));
        e.DtEnd!.AsUtc.ShouldBe(new DateTime(2027, 3, 2, 3, 0, 0, DateTimeKind.Utc));
        e.Location!.ShouldContain("City Hall, room 301");
        e.Location!.ShouldContain("https://meet.example.org/room-301");
        e.Description!.ShouldContain("https://meet.example.org/room-301");
        e.Url!.AbsolutePath.ShouldBe((await ProgrammeOfAsync(id)).ToString());

        var client = await ReadWithIcalJsAsync(text);
        if (client is { } c)
        {
            c.GetProperty("method").GetString().ShouldBe("PUBLISH");
            c.GetProperty("uid").GetString().ShouldBe(e.Uid);
            c.GetProperty("startUtc").GetString().ShouldBe("2027-03-02T01:00:00.000Z", text);
            c.GetProperty("endUtc").GetString().ShouldBe("2027-03-02T03:00:00.000Z");
            c.GetProperty("summary").GetString().ShouldBe(title);
        }
    }

    [Fact]
    public async Task Calendar_AfterUpdateAndCancel_KeepsTheUidAndRaisesTheSequence()
    {
        var (id, _) = await NewSessionAsync();
        var before = Calendar.Load(await _api.GetStringAsync($"/api/v1/sessions/{id}/calendar.ics"))!.Events.Single();

        using var moved = await _api.PutAsJsonAsync($"/api/v1/sessions/{id}", Body("2027-03-02T14:00", "2027-03-02T16:00"));
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var updated = Calendar.Load(await _api.GetStringAsync($"/api/v1/sessions/{id}/calendar.ics"))!;
        using var cancel = await _api.PostAsync($"/api/v1/sessions/{id}/cancel", null);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cancelledText = await _api.GetStringAsync($"/api/v1/sessions/{id}/calendar.ics");
        var cancelled = Calendar.Load(cancelledText)!;

        updated.Method.ShouldBe("PUBLISH");
        updated.Events.Single().Uid.ShouldBe(before.Uid);
        updated.Events.Single().Sequence.ShouldBe(1);
        updated.Events.Single().DtStart!.AsUtc.ShouldBe(new DateTime(2027, 3, 2, 5, 0, 0, DateTimeKind.Utc));
        cancelled.Method.ShouldBe("CANCEL");
        cancelled.Events.Single().Uid.ShouldBe(before.Uid);
        cancelled.Events.Single().Sequence.ShouldBe(2);
        cancelled.Events.Single().Status.ShouldBe("CANCELLED");

        if (await ReadWithIcalJsAsync(cancelledText) is { } c)
        {
            c.GetProperty("method").GetString().ShouldBe("CANCEL");
            c.GetProperty("status").GetString().ShouldBe("CANCELLED");
            c.GetProperty("sequence").GetInt32().ShouldBe(2);
            c.GetProperty("uid").GetString().ShouldBe(before.Uid);
        }
    }

    [Fact]
    public async Task Calendar_UnknownSession_Answers404()
    {
        using var response = await _api.GetAsync("/api/v1/sessions/999999/calendar.ics");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static object Body(string start = "2027-03-02T10:00", string end = "2027-03-02T12:00") => new
    {
        start, end, timeZone = "Asia/Seoul", venue = "City Hall, room 301", joinUrl = "https://meet.example.org/room-301", capacity = 30,
    };

    private async Task<(int Id, string Title)> NewSessionAsync()
    {
        var title = TestData.Unique("Calendar ");
        using var programme = await _api.PostAsJsonAsync("/api/v1/programmes", new { title, delivery = "Hybrid", hours = 2, description = "Counter courtesy." });
        var programmeId = (await programme.ReadJsonAsync()).GetProperty("id").GetInt32();
        using var created = await _api.PostAsJsonAsync($"/api/v1/programmes/{programmeId}/sessions", Body());
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return ((await created.ReadJsonAsync()).GetProperty("id").GetInt32(), title);
    }

    private async Task<Uri> ProgrammeOfAsync(int sessionId)
    {
        var session = await _api.GetOkAsync<JsonElement>($"/api/v1/sessions/{sessionId}");
        return new Uri($"/Training/Programmes/Details/{session.GetProperty("programmeId").GetInt32()}", UriKind.Relative);
    }

    private static readonly SemaphoreSlim NpmInstall = new(1, 1);

    /// <summary>What ical.js reads from the file; null where node is not installed (Ical.Net's checks still run).</summary>
    private static async Task<JsonElement?> ReadWithIcalJsAsync(string ics)
    {
        var folder = Repository.PathOf("tests", "ServeWell.Web.Tests", "Modules", "Training", "Sessions", "ical-js");
        if (!await RunsAsync("node", "--version", folder))
        {
            return null;
        }

        // The SQLite and PostgreSQL classes run in parallel; one npm install into the shared folder at a time.
        await NpmInstall.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "ical.js")))
            {
                (await RunsAsync("npm", "ci --no-audit --no-fund", folder)).ShouldBeTrue("npm ci for ical.js failed");
            }
        }
        finally
        {
            NpmInstall.Release();
        }

        var file = Path.Combine(Path.GetTempPath(), $"servewell-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", ["read.mjs", file]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await node.StandardOutput.ReadToEndAsync();
            var error = await node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            node.ExitCode.ShouldBe(0, error);
            return JsonSerializer.Deserialize<JsonElement>(output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<bool> RunsAsync(string program, string arguments, string folder)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
            _ = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class CalendarSqliteTests(SqliteApp app) : CalendarTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarPostgresTests(PostgresApp app) : CalendarTests(app), IClassFixture<PostgresApp>;
