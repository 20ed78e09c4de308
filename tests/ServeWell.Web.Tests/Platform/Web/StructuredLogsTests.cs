using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Feedback;

namespace ServeWell.Web.Tests.Platform.Web;

/// <summary>
/// The app's own log over a run that submits comments and contacts and signs in (right and wrong), read through a
/// capturing provider at Information level with JSON logs on (ADR-055): no comment, e-mail or phone number in any
/// message, scope or exception; every request's lines carry its correlation id, which the response names.
/// </summary>
public abstract class StructuredLogsTests(DatabaseKind kind)
{
    [Fact]
    public async Task ARunWithCommentsContactsAndSignIns_LogsNoPersonalData_AndCorrelatesEachRequest()
    {
        var capture = new CapturingProvider();
        await using var database = await TestDatabase.CreateAsync(kind);
        var mail = Directory.CreateTempSubdirectory("servewell-mail-").FullName;
        await using var app = new ServeWellFactory(database, mail, new Dictionary<string, string?>
        {
            ["Logging:Json"] = "true",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information",
            ["Feedback:DuplicateWindow"] = "00:00:00",
        }) { Logging = l => l.AddProvider(capture) };
        using var citizen = app.CreateClient();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var comment = "marker comment " + marker;
        var email = $"citizen.{marker}@example.kr";
        const string phone = "010-9876-5432";
        var stranger = $"nobody.{marker}@example.kr";

        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", Demo.ApiKey);
        var code = (await api.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/v1/touchpoints"))![0]["code"].ToString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback")
        {
            Content = JsonContent.Create(new { touchpoint = code, overall = 1, comment, language = "en", contact = new { email, phone, consent = true } }),
        };
        request.Headers.Add("Idempotency-Key", FeedbackData.NewKey());
        var correlation = "corr-" + Guid.NewGuid().ToString("N")[..12];
        request.Headers.Add("X-Correlation-Id", correlation);
        using var answered = await citizen.SendAsync(request);
        answered.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        answered.Headers.GetValues("X-Correlation-Id").ShouldBe([correlation]);
        using var invalid = await citizen.PostFeedbackAsync(new { touchpoint = code, overall = 9, comment, language = "en", contact = new { email = "not " + email, consent = true } }, FeedbackData.NewKey());

        using (var wrong = new StaffClient(app))
        {
            using var refused = await wrong.TrySignInAsync(stranger, "wrong-password-" + marker);
            refused.StatusCode.ShouldNotBe(System.Net.HttpStatusCode.Redirect);
        }

        using (var right = new StaffClient(app))
        {
            await right.SignInAsync(Demo.EmailOf(ServeWell.Web.Platform.Security.Roles.Administrator), Demo.Password);
        }

        await app.DisposeAsync();
        TempFolder.TryDelete(mail);
        var lines = capture.Lines.ToList();
        lines.Count.ShouldBeGreaterThan(10);
        foreach (var secret in new[] { marker, comment, email, phone, "9876-5432", stranger })
        {
            lines.Where(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"a log line holds \"{secret}\"");
        }

        // The request that gave its own id has it on its lines (at Information, ASP.NET Core logs every request).
        lines.ShouldContain(l => l.Contains("CorrelationId=" + correlation, StringComparison.Ordinal));
    }

    /// <summary>Every entry as one text: level, category, message, scopes and exception.</summary>
    private sealed class CapturingProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Capture(CapturingProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = new System.Text.StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        text.Append(' ').Append(key).Append('=').Append(value);
                    }
                }

                owner._scopes.ForEachScope((scope, sb) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            sb.Append(' ').Append(key).Append('=').Append(value);
                        }
                    }
                    else
                    {
                        sb.Append(" scope=").Append(scope);
                    }
                }, text);
                text.Append(' ').Append(exception);
                owner.Lines.Enqueue(text.ToString());
            }
        }
    }
}

public sealed class StructuredLogsSqliteTests() : StructuredLogsTests(DatabaseKind.Sqlite);

public sealed class StructuredLogsPostgresTests() : StructuredLogsTests(DatabaseKind.Postgres);
