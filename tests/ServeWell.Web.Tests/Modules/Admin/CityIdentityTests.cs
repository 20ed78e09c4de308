using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.City.Identity;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using SkiaSharp;

namespace ServeWell.Web.Tests.Modules.Admin;

/// <summary>The administrator sets the city's names, colour, logo and seal; the header and the theme follow at once (ADR-038).</summary>
public abstract class CityIdentityTests(AppHost app)
{
    [Fact]
    public async Task Save_NamesColourLogoAndSeal_ShowsANoticeTheHeaderAndTheThemeAndIsAudited()
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var name = TestData.Unique("Lagos ");
        var logo = Png(120, 60, SKColors.SeaGreen);

        using var saved = await PostAsync(admin, new() { ["Form.NameKo"] = "라고스", ["Form.NameEn"] = name, ["Form.Colour"] = "green" },
            ("Form.Logo", "logo.png", logo), ("Form.Seal", "seal.png", Png(200, 200, SKColors.DarkRed)));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await admin.GetPageAsync("/Admin/City?lang=en");
        page.Text("[role=status]").ShouldBe("The city's identity is saved.");
        page.Text(".brand .city").ShouldBe(name);
        var logoUrl = page.QuerySelector(".brand img.logo")?.GetAttribute("src");
        logoUrl.ShouldNotBeNull();
        var theme = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).Single(h => h!.StartsWith("/city/theme.css", StringComparison.Ordinal));

        using var anonymous = app.Anonymous();
        var served = await anonymous.Http.GetByteArrayAsync(logoUrl);
        using (var decoded = SKBitmap.Decode(served))
        {
            (decoded.Width, decoded.Height).ShouldBe((120, 60));
        }

        (await anonymous.Http.GetStringAsync(theme)).ShouldContain("--krds-color-light-primary-50:#228738");
        (await anonymous.GetPageAsync("/Accounts/SignIn?lang=ko")).Text(".brand .city").ShouldBe("라고스");
        using var seal = await admin.GetAsync("/Admin/City?handler=Image&kind=seal");
        seal.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");

        var audit = await app.DbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(CityIdentity)).OrderByDescending(a => a.Id).FirstAsync());
        audit.After.ShouldNotBeNull();
        audit.After.ShouldContain(name);
        audit.After.ShouldContain(CityBrands.Fingerprint(served));
    }

    [Fact]
    public async Task Save_WithAnSvgLogo_NamesTheFileAndWhy_AndSavesNothing()
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var before = await app.DbAsync(db => db.Set<CityIdentity>().AsNoTracking().Select(c => c.NameEn).FirstOrDefaultAsync());
        var svg = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

        using var refused = await PostAsync(admin, new() { ["Form.NameEn"] = TestData.Unique("Never saved "), ["Form.Colour"] = "teal" },
            ("Form.Logo", "crest.png", svg));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(refused);
        page.Text(".error-summary").ShouldContain("“crest.png” is an SVG drawing; upload a PNG instead");
        (await app.DbAsync(db => db.Set<CityIdentity>().AsNoTracking().Select(c => c.NameEn).FirstOrDefaultAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData(Roles.TrainingOfficer)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.Employee)]
    public async Task IdentityPage_ForAnyoneButAnAdministrator_IsRefused(string role)
    {
        using var client = await app.SignInAsRoleAsync(role);

        using var get = await client.GetAsync("/Admin/City");
        using var post = await client.Http.PostAsync("/Admin/City", new FormUrlEncodedContent([new("Form.NameEn", "Taken over")]));

        get.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (get.StatusCode == HttpStatusCode.Redirect)
        {
            get.Headers.Location!.ToString().ShouldContain("/Accounts/AccessDenied");
        }

        post.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await app.DbAsync(db => db.Set<CityIdentity>().AnyAsync(c => c.NameEn == "Taken over"))).ShouldBeFalse();
    }

    private static async Task<HttpResponseMessage> PostAsync(StaffClient admin, Dictionary<string, string> fields, params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var page = await admin.GetPageAsync("/Admin/City?lang=en");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(part, field, fileName);
        }

        return await admin.Http.PostAsync("/Admin/City?lang=en", content);
    }

    internal static byte[] Png(int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

public sealed class CityIdentitySqliteTests(SqliteApp app) : CityIdentityTests(app), IClassFixture<SqliteApp>;

public sealed class CityIdentityPostgresTests(PostgresApp app) : CityIdentityTests(app), IClassFixture<PostgresApp>;
