using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Security;

/// <summary>Data Protection keys live in the database, so every node reads every other node's cookies.</summary>
public abstract class DataProtectionTests(AppHost app)
{
    [Fact]
    public async Task Keys_AfterSignIn_AreStoredInDatabase()
    {
        using var client = await app.SignInAsRoleAsync(Roles.Employee);

        var keys = await app.DbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());

        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(k => k.Xml != null && k.Xml.Contains("<key "));
    }

    [Fact]
    public async Task AuthCookie_IssuedByOneInstance_IsAcceptedBySecondInstance()
    {
        using var first = await app.SignInAsRoleAsync(Roles.Supervisor);
        var second = app.StartInstance();
        using var stranger = app.Anonymous(second);
        using var carried = app.Anonymous(second);
        foreach (System.Net.Cookie cookie in first.Cookies.GetCookies(StaffClient.BaseAddress))
        {
            carried.Cookies.Add(StaffClient.BaseAddress, new System.Net.Cookie(cookie.Name, cookie.Value));
        }

        using var withCookie = await carried.GetAsync("/Accounts/Profile");
        using var without = await stranger.GetAsync("/Accounts/Profile");

        withCookie.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(withCookie)).Body!.TextContent.ShouldContain(Demo.EmailOf(Roles.Supervisor));
        without.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

public sealed class DataProtectionSqliteTests(SqliteApp app) : DataProtectionTests(app), IClassFixture<SqliteApp>;

public sealed class DataProtectionPostgresTests(PostgresApp app) : DataProtectionTests(app), IClassFixture<PostgresApp>;
