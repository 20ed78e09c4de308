using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using ServeWell.Web.Tests.Fixtures;
using Xunit.Abstractions;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>
/// The real app as a process, answers posted by many clients at once with unique keys, SIGKILL in the middle of the
/// load, a restart: every answer acknowledged with 201 is there exactly once (found by its key and by its comment),
/// and its key replays the same answer. Nothing is stored without its key either.
/// </summary>
public abstract class FeedbackDurabilityTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Demo:FeedbackAnswers"] = "0",
        ["Feedback:RateLimits:PerAddressPerMinute"] = "1000000",
        ["Feedback:DuplicateWindow"] = "00:00:00",
    };

    protected abstract Task<(string Provider, string ConnectionString, IAsyncDisposable Cleanup)> DatabaseAsync(string folder);

    protected abstract Task<List<(string Key, long Id, string? Comment)>> ReadStoredAsync(string connectionString);

    [Fact]
    public async Task AcknowledgedAnswers_AppKilledMidLoad_AreStoredExactlyOnce()
    {
        var folder = Directory.CreateTempSubdirectory("servewell-feedback-crash-").FullName;
        var (provider, connectionString, cleanup) = await DatabaseAsync(folder);
        await using var _ = cleanup;
        try
        {
            var mail = Path.Combine(folder, "outbox");
            var acknowledged = new ConcurrentDictionary<string, long>();
            string code;
            await using (var first = await AppProcess.StartAsync(provider, connectionString, mail, Settings))
            {
                var touchpoints = await first.Api.GetFromJsonAsync<JsonElement>("/api/v1/touchpoints");
                code = touchpoints.EnumerateArray().First().GetProperty("code").GetString()!;
                using var stop = new CancellationTokenSource();
                var clock = Stopwatch.StartNew();
                var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(() => SubmitUntilRefusedAsync(first.Address, code, acknowledged))).ToList();
                while (acknowledged.Count < 150 && clock.Elapsed < TimeSpan.FromSeconds(20))
                {
                    await Task.Delay(20);
                }

                first.Kill();
                await Task.WhenAll(workers);
            }

            acknowledged.Count.ShouldBeGreaterThanOrEqualTo(150, "the load did not get going before the kill");
            output.WriteLine($"{acknowledged.Count} answers acknowledged before SIGKILL");
            await using var second = await AppProcess.StartAsync(provider, connectionString, mail, Settings);
            var stored = await ReadStoredAsync(connectionString);
            output.WriteLine($"{stored.Count} answers stored after the restart");
            var byKey = stored.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.ToList());

            var lost = acknowledged.Keys.Where(k => !byKey.ContainsKey(k)).ToList();
            lost.ShouldBeEmpty($"{lost.Count} of {acknowledged.Count} acknowledged answers were lost.");
            foreach (var (key, id) in acknowledged)
            {
                byKey[key].Count.ShouldBe(1);
                byKey[key][0].Id.ShouldBe(id);
                byKey[key][0].Comment.ShouldBe(key);
            }

            // Every stored answer has its key, and no answer is stored twice (an unacknowledged one may have committed).
            stored.Select(s => s.Comment).Distinct().Count().ShouldBe(stored.Count);
            stored.ShouldAllBe(s => s.Key == s.Comment);
            foreach (var key in acknowledged.Keys.Take(10))
            {
                using var replay = await PostAsync(new HttpClient { BaseAddress = second.Address }, code, key);
                replay.StatusCode.ShouldBe(HttpStatusCode.Created);
                replay.Headers.GetValues("Idempotent-Replayed").ShouldContain("true");
                (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64().ShouldBe(acknowledged[key]);
            }
        }
        finally
        {
            TempFolder.TryDelete(folder);
        }
    }

    private static async Task SubmitUntilRefusedAsync(Uri address, string code, ConcurrentDictionary<string, long> acknowledged)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        while (true)
        {
            var key = Guid.NewGuid().ToString("N");
            try
            {
                using var response = await PostAsync(client, code, key);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged[key] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
            {
                return; // the app is gone
            }
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string code, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback")
        {
            Content = JsonContent.Create(new { touchpoint = code, overall = 3, comment = key, language = "en" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}

public sealed class FeedbackDurabilitySqliteTests(ITestOutputHelper output) : FeedbackDurabilityTests(output)
{
    protected override Task<(string, string, IAsyncDisposable)> DatabaseAsync(string folder) =>
        Task.FromResult<(string, string, IAsyncDisposable)>(("Sqlite", $"Data Source={Path.Combine(folder, "servewell.db")}", new Nothing()));

    protected override async Task<List<(string Key, long Id, string? Comment)>> ReadStoredAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString + ";Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT k.\"Key\", a.\"Id\", a.\"Comment\" FROM feedback_answers a LEFT JOIN feedback_idempotency k ON k.\"AnswerId\" = a.\"Id\" WHERE k.\"Key\" IS NULL OR k.\"Key\" NOT LIKE 'demo-follow-up-%'";
        var rows = new List<(string, long, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public sealed class FeedbackDurabilityPostgresTests(ITestOutputHelper output) : FeedbackDurabilityTests(output)
{
    protected override async Task<(string, string, IAsyncDisposable)> DatabaseAsync(string folder)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        return ("Postgres", database.ConnectionString, database);
    }

    protected override async Task<List<(string Key, long Id, string? Comment)>> ReadStoredAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT k.\"Key\", a.\"Id\", a.\"Comment\" FROM feedback_answers a LEFT JOIN feedback_idempotency k ON k.\"AnswerId\" = a.\"Id\" WHERE k.\"Key\" IS NULL OR k.\"Key\" NOT LIKE 'demo-follow-up-%'", connection);
        var rows = new List<(string, long, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }
}
