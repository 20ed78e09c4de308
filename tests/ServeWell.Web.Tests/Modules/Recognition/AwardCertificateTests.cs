using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;
using static ServeWell.Web.Tests.Modules.Recognition.RecognitionTestData;

namespace ServeWell.Web.Tests.Modules.Recognition;

/// <summary>The award's certificate on Training's path (ADR-064): verification, the PDF in the awardee's language, the mail and the record.</summary>
public abstract class AwardCertificateTests(AppHost app)
{
    [Fact]
    public async Task Approval_IssuesACertificate_VerifiedPublicly_DrawnInTheAwardeesLanguage_AndOnlyOnce()
    {
        var setting = await app.SettingAsync();
        var (round, awardee) = await app.ApprovedRoundAsync(setting);
        var award = await app.DbAsync(db => db.Awards.AsNoTracking().SingleAsync(a => a.RoundId == round.Id));
        var code = award.CertificateCode;

        // Anyone verifies the code: the award's name and month in place of a programme.
        var verify = await app.Anonymous().GetPageAsync($"/verify/{code}");
        verify.Text(".verify-status").ShouldBe("Valid: this certificate is genuine and in force.");
        verify.Text(".facts").ShouldContain(awardee.Name);
        verify.Text(".facts").ShouldContain("Courteous employee of the month");
        var api = await app.Anonymous().Http.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)}");
        (api.GetProperty("kind").GetString(), api.GetProperty("award").GetString(), api.GetProperty("status").GetString()).ShouldBe(("award", "Courteous employee of the month", "Valid"));
        api.GetProperty("month").GetString().ShouldBe(round.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

        // The mail links the PDF; the record links it too.
        var mail = await app.DbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.To == awardee.Email));
        mail.TextBody.ShouldContain($"/Training/Certificates/{code}/pdf");
        mail.TextBody.ShouldContain($"/verify/{code}");
        var (client, email) = await app.SignInLinkedAsync(Roles.Employee, awardee.Id);
        using (client)
        {
            var link = (await client.GetPageAsync("/Recognition/Awards")).QuerySelector($"a[href='/Training/Certificates/{code}/pdf']");
            link.ShouldNotBeNull();
            using var own = await client.GetAsync(link.GetAttribute("href")!);
            own.StatusCode.ShouldBe(HttpStatusCode.OK);
            System.Text.Encoding.ASCII.GetString(await own.Content.ReadAsByteArrayAsync(), 0, 4).ShouldBe("%PDF");
        }

        // The PDF is drawn in the awardee's language (Korean), even for an officer reading in English.
        await app.DbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "ko")));
        using (var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer))
        {
            using var response = await officer.GetAsync($"/Training/Certificates/{code}/pdf");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var pdf = await response.Content.ReadAsByteArrayAsync();
            var text = await ExternalTools.PdfTextAsync(pdf);
            text.ShouldContain(awardee.Name);
            text.ShouldContain("이달의 친절 공무원");
            text.ShouldContain("상장");
            text.ShouldContain(code);
            text.ShouldNotContain("Certificate of award");
            (await ExternalTools.QrCodesAsync(pdf)).ShouldBe([$"http://localhost/verify/{code}"]);
        }

        // Another employee gets "not found"; a second approval changes nothing.
        var stranger = await app.CreateEmployeeAsync(setting.Office.Code);
        var (other, _) = await app.SignInLinkedAsync(Roles.Employee, stranger.Id);
        using (other)
        {
            (await other.GetAsync($"/Training/Certificates/{code}/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var mayor = await app.SignInAsRoleAsync(Roles.Leadership);
        (await mayor.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/decision", new { approve = true })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var awards = await app.DbAsync(db => db.Awards.AsNoTracking().Where(a => a.RoundId == round.Id).Select(a => a.CertificateCode).ToListAsync());
        awards.ShouldBe([code]);
        (await app.DbAsync(db => db.OutboxMails.CountAsync(m => m.To == awardee.Email))).ShouldBe(1);
    }
}

public sealed class AwardCertificateSqliteTests(SqliteApp app) : AwardCertificateTests(app), IClassFixture<SqliteApp>;

public sealed class AwardCertificatePostgresTests(PostgresApp app) : AwardCertificateTests(app), IClassFixture<PostgresApp>;
