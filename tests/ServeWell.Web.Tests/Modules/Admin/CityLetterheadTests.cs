using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Platform.City.Identity;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Insights;
using ServeWell.Web.Tests.Modules.Training.Record;
using SkiaSharp;

namespace ServeWell.Web.Tests.Modules.Admin;

/// <summary>Certificates and the monthly report carry the city's name and seal as their issuing authority (ADR-038), read back by pdftotext and pdfimages.</summary>
public abstract class CityLetterheadTests(AppHost app)
{
    private const string KoreanName = "새빛특별자치시";
    private const string EnglishName = "Saebit Special City";

    [Fact]
    public async Task CertificatePdf_WithASealUploaded_NamesTheCityAndEmbedsTheSeal()
    {
        await SetIdentityAsync(withSeal: true);
        var c = await app.CreateTrainingCaseAsync(people: 1);
        await app.AttendAsync(c, c.People[0]);
        var certificate = await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(x => x.EmployeeId == c.People[0].Id));
        using var employee = await app.SignInAsEmployeeAsync(c.People[0]);

        using var english = await employee.GetAsync($"/Training/Certificates/{certificate.Code}/pdf?lang=en");
        using var korean = await employee.GetAsync($"/Training/Certificates/{certificate.Code}/pdf?lang=ko");

        english.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pdf = await english.Content.ReadAsByteArrayAsync();
        var text = await ExternalTools.PdfTextAsync(pdf);
        text.ShouldContain(EnglishName);
        text.ShouldContain($"Certificate No. {certificate.Code}");
        (await ExternalTools.PdfImagesAsync(pdf)).Count.ShouldBeGreaterThanOrEqualTo(1);
        var ko = await ExternalTools.PdfTextAsync(await korean.Content.ReadAsByteArrayAsync());
        ko.ShouldContain(KoreanName);
        ko.ShouldContain($"제 {certificate.Code} 호");
    }

    [Fact]
    public async Task CertificatePdf_WithoutASeal_NamesTheCityAndEmbedsNoImage()
    {
        await SetIdentityAsync(withSeal: false);
        var c = await app.CreateTrainingCaseAsync(people: 1);
        await app.AttendAsync(c, c.People[0]);
        var certificate = await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(x => x.EmployeeId == c.People[0].Id));
        using var employee = await app.SignInAsEmployeeAsync(c.People[0]);

        var pdf = await employee.Http.GetByteArrayAsync($"/Training/Certificates/{certificate.Code}/pdf?lang=en");

        (await ExternalTools.PdfTextAsync(pdf)).ShouldContain(EnglishName);
        (await ExternalTools.PdfImagesAsync(pdf)).ShouldBeEmpty();
    }

    [Fact]
    public async Task MonthlyReportPdf_WithASealUploaded_NamesTheCityAndEmbedsTheSeal()
    {
        await SetIdentityAsync(withSeal: true);
        var month = await MonthlyReportTests.LastFullMonthAsync(app);
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);

        using var response = await leader.GetAsync($"/api/v1/insights/reports/{month}.pdf?lang=ko");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        (await ExternalTools.PdfTextAsync(pdf)).ShouldContain(KoreanName);
        (await ExternalTools.PdfImagesAsync(pdf)).Count.ShouldBeGreaterThanOrEqualTo(1);
    }

    /// <summary>Sets the city's names and, or not, a seal, as the identity page saves them, and forgets the cached copy.</summary>
    private async Task SetIdentityAsync(bool withSeal)
    {
        await app.DbAsync(async db =>
        {
            var row = await db.Set<CityIdentity>().FirstOrDefaultAsync();
            if (row is null)
            {
                row = new CityIdentity();
                db.Add(row);
            }

            (row.NameKo, row.NameEn) = (KoreanName, EnglishName);
            var seal = await db.Set<CityImage>().FirstOrDefaultAsync(i => i.Kind == CityImage.Seal);
            if (seal is not null)
            {
                db.Remove(seal);
            }

            await db.SaveChangesAsync();
            if (withSeal)
            {
                var png = CityIdentityTests.Png(120, 120, SKColors.DarkRed);
                db.Add(new CityImage { Kind = CityImage.Seal, Png = png, Width = 120, Height = 120 });
                row.SealSha256 = CityBrands.Fingerprint(png);
            }
            else
            {
                row.SealSha256 = null;
            }

            return await db.SaveChangesAsync();
        });
        await app.UseAsync<CityBrands, bool>(brands =>
        {
            brands.Forget();
            return Task.FromResult(true);
        });
    }
}

public sealed class CityLetterheadSqliteTests(SqliteApp app) : CityLetterheadTests(app), IClassFixture<SqliteApp>;

public sealed class CityLetterheadPostgresTests(PostgresApp app) : CityLetterheadTests(app), IClassFixture<PostgresApp>;
