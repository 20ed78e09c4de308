using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Accounts.ApiKeys;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Admin;

/// <summary>Revoking an API key asks first and says what stops working (ADR-032).</summary>
public abstract class ApiKeyPagesTests(AppHost app)
{
    [Fact]
    public async Task Revoke_AsksWithTheConsequence_APostWithoutConfirmationDoesNothing_ThenRevokesWithANotice()
    {
        var name = TestData.Unique("Nightly HR feed ");
        var id = await app.DbAsync(async db =>
        {
            var key = new ApiKey { Name = name, Hint = "abcd1234", KeyHash = ApiKey.Hash(TestData.Unique("secret")), Role = Roles.TrainingOfficer, CreatedAt = DateTime.UtcNow };
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            return key.Id;
        });
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var list = await admin.GetPageAsync("/Admin/ApiKeys");
        var link = list.QuerySelector($"a[href='/Admin/ApiKeys?handler=Revoke&id={id}']");
        link.ShouldNotBeNull();

        using var unconfirmed = await admin.Http.PostAsync("/Admin/ApiKeys?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = list.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, ["id"] = $"{id}",
        }));
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RevokedAtAsync(id)).ShouldBeNull();

        var confirm = await admin.GetPageAsync(link.GetAttribute("href")!);
        confirm.Text("h1").ShouldBe($"Revoke the key “{name}”?");
        confirm.Text(".confirm-consequences").ShouldContain("(it starts with abcd1234) is refused from now on.");
        confirm.Text(".confirm-consequences").ShouldContain("It has never been used.");
        using var revoked = await admin.SubmitAsync(confirm, "/Admin/ApiKeys", new Dictionary<string, string>(), "id");
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RevokedAtAsync(id)).ShouldNotBeNull();
        (await admin.GetPageAsync("/Admin/ApiKeys")).Text("[role=status]").ShouldBe($"The key “{name}” is revoked.");
    }

    private Task<DateTime?> RevokedAtAsync(int id) => app.DbAsync(db => db.ApiKeys.Where(k => k.Id == id).Select(k => k.RevokedAt).SingleAsync());
}

public sealed class ApiKeyPagesSqliteTests(SqliteApp app) : ApiKeyPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ApiKeyPagesPostgresTests(PostgresApp app) : ApiKeyPagesTests(app), IClassFixture<PostgresApp>;
