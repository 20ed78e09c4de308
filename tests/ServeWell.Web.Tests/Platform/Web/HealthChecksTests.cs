using System.Net;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Web;

public abstract class HealthChecksTests(AppHost app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpoint_Anonymous_Answers200(string path)
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}

public sealed class HealthChecksSqliteTests(SqliteApp app) : HealthChecksTests(app), IClassFixture<SqliteApp>;

public sealed class HealthChecksPostgresTests(PostgresApp app) : HealthChecksTests(app), IClassFixture<PostgresApp>;
