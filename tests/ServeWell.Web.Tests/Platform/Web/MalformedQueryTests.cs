using System.Net;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Web;

/// <summary>
/// Malformed query values on the main list pages and APIs never answer 500 (issue 12): a page number that is not a
/// number, negative or far past the end, a date that is not a date, a state that does not exist — the page answers its
/// first or last page (200), or 400 with a message that says what was wrong.
/// </summary>
public abstract class MalformedQueryTests(AppHost app)
{
    private static readonly string[] Pages =
    [
        "/People/Employees", "/People/OrgUnits", "/FollowUps", "/Training/Programmes", "/Training/Compliance", "/Admin/Audit",
        "/Admin/Outbox", "/Admin/Users", "/Insights", "/Insights/Answers", "/Insights/Comments", "/Insights/Trends", "/Insights/Employees",
        "/Insights/Impact", "/Feedback/Touchpoints", "/Feedback/Kiosks",
    ];

    private static readonly string[] Apis = ["/api/v1/employees", "/api/v1/programmes", "/api/v1/follow-ups", "/api/v1/compliance"];

    private static readonly string[] Queries =
    [
        "page=abc", "page=-1", "page=0", "page=99999", "page=99999999999999999999", "from=notadate&to=2026-13-45", "state=Bogus&status=Bogus",
        "before=abc", "size=-5&pageSize=abc", "month=2026-99", "unit=%00", "sort=%27%3B--",
    ];

    [Fact]
    public async Task ListPages_WithMalformedQueryValues_AnswerAPageOr400_Never500()
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var failures = new List<string>();
        foreach (var path in Pages)
        {
            foreach (var query in Queries)
            {
                using var response = await admin.GetAsync($"{path}?{query}");
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.Redirect))
                {
                    failures.Add($"{path}?{query} → {(int)response.StatusCode}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListApis_WithMalformedQueryValues_AnswerAPageOr400WithAMessage_Never500()
    {
        using var api = app.ApiClient();
        var failures = new List<string>();
        foreach (var path in Apis)
        {
            foreach (var query in Queries)
            {
                using var response = await api.GetAsync($"{path}?{query}");
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.BadRequest ? body.Length == 0 : response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Forbidden))
                {
                    failures.Add($"{path}?{query} → {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }
}

public sealed class MalformedQuerySqliteTests(SqliteApp app) : MalformedQueryTests(app), IClassFixture<SqliteApp>;

public sealed class MalformedQueryPostgresTests(PostgresApp app) : MalformedQueryTests(app), IClassFixture<PostgresApp>;
