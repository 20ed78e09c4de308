using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.FollowUps;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Admin;

/// <summary>Times on the administration pages are city times with the zone named; there is one city zone (ADR-031).</summary>
public abstract class CityTimesTests(AppHost app)
{
    [Fact]
    public async Task AuditLogAndApiKeys_ShowCityTimes_WithTheZoneNamed()
    {
        await app.DbAsync(db =>
        {
            db.Audit("test change", "Test", TestData.Unique("times-"), null, new { changed = true });
            return db.SaveChangesAsync();
        });
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        var audit = await admin.GetPageAsync("/Admin/Audit");
        var keys = await admin.GetPageAsync("/Admin/ApiKeys");

        audit.QuerySelector("tbody tr td")!.TextContent.ShouldEndWith("(Asia/Seoul)");
        keys.QuerySelector("tbody tr td:nth-child(5)")!.TextContent.ShouldEndWith("(Asia/Seoul)");
    }

    [Fact]
    public void FollowUpsAndInsights_WithoutTheirOwnZone_UseTheCitysZone()
    {
        var city = app.Services.GetRequiredService<IOptions<CityOptions>>().Value.TimeZone;

        app.Services.GetRequiredService<IOptions<FollowUpOptions>>().Value.TimeZone.ShouldBe(city);
        app.Services.GetRequiredService<IOptions<InsightsOptions>>().Value.TimeZone.ShouldBe(city);
    }
}

public sealed class CityTimesSqliteTests(SqliteApp app) : CityTimesTests(app), IClassFixture<SqliteApp>;

public sealed class CityTimesPostgresTests(PostgresApp app) : CityTimesTests(app), IClassFixture<PostgresApp>;
