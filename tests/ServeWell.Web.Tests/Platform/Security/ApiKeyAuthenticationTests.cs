using System.Net;
using ServeWell.Web.Modules.Accounts.ApiKeys;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Security;

public abstract class ApiKeyAuthenticationTests(AppHost app)
{
    [Fact]
    public async Task ApiKey_Valid_Answers200()
    {
        var secret = await IssueKeyAsync(Roles.Administrator, revoked: false);
        using var client = app.ApiClient(secret);

        using var response = await client.GetAsync("/api/v1/org-units");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ApiKey_Revoked_Answers401()
    {
        var secret = await IssueKeyAsync(Roles.Administrator, revoked: true);
        using var client = app.ApiClient(secret);

        using var response = await client.GetAsync("/api/v1/employees");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiKey_Unknown_Answers401()
    {
        using var client = app.ApiClient(ApiKey.NewSecret());

        using var response = await client.GetAsync("/api/v1/employees");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiKey_RoleWithoutPolicy_Answers403()
    {
        var secret = await IssueKeyAsync(Roles.Employee, revoked: false);
        using var client = app.ApiClient(secret);

        using var response = await client.GetAsync("/api/v1/employees");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private Task<string> IssueKeyAsync(string role, bool revoked) => app.DbAsync(async db =>
    {
        var secret = ApiKey.NewSecret();
        db.ApiKeys.Add(new ApiKey
        {
            Name = TestData.Unique("test key "), Hint = secret[..8], KeyHash = ApiKey.Hash(secret), Role = role,
            CreatedAt = DateTime.UtcNow, RevokedAt = revoked ? DateTime.UtcNow : null,
        });
        await db.SaveChangesAsync();
        return secret;
    });
}

public sealed class ApiKeyAuthenticationSqliteTests(SqliteApp app) : ApiKeyAuthenticationTests(app), IClassFixture<SqliteApp>;

public sealed class ApiKeyAuthenticationPostgresTests(PostgresApp app) : ApiKeyAuthenticationTests(app), IClassFixture<PostgresApp>;
