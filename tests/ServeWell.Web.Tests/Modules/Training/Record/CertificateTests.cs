using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Training.Record;

/// <summary>Certificates: the PDF read back by real clients, who may download it, public verification, revocation.</summary>
public abstract class CertificateTests(AppHost app)
{
    [Fact]
    public async Task Pdf_CarriesTheKoreanNameProgrammeHoursInstructorCode_AndAQrCodeOfTheVerificationAddress()
    {
        var c = await app.CreateTrainingCaseAsync(people: 1);
        var employee = c.People[0];
        await app.DbAsync(db => db.Employees.Where(e => e.Id == employee.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Name, "김서연")));
        await app.AttendAsync(c, employee);
        var certificate = await CertificateOfAsync(employee.Id);
        using var client = await app.SignInAsEmployeeAsync(employee);

        var record = await client.GetPageAsync("/Training/My");
        var link = record.QuerySelector($"a[href='/Training/Certificates/{certificate.Code}/pdf']");
        link.ShouldNotBeNull();
        using var response = await client.GetAsync(link.GetAttribute("href")!);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = await ExternalTools.PdfTextAsync(pdf);
        text.ShouldContain("김서연");
        text.ShouldContain(c.Programme.Title.En);
        text.ShouldContain("3.5 hours");
        text.ShouldContain("Instructor: Guest Expert");
        text.ShouldContain(certificate.Code);
        text.ShouldContain("Completed on");
        (await ExternalTools.QrCodesAsync(pdf)).ShouldBe([$"http://localhost/verify/{certificate.Code}"]);
    }

    [Fact]
    public async Task Pdf_IsTheOwnersAndTheirOfficers_NotAnotherEmployeesNorASupervisorElsewhere()
    {
        var c = await app.CreateTrainingCaseAsync(people: 2);
        await app.AttendAsync(c, c.People[0]);
        var path = $"/Training/Certificates/{(await CertificateOfAsync(c.People[0].Id)).Code}/pdf";
        using var colleague = await app.SignInAsEmployeeAsync(c.People[1]);
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor); // Wonhyo-dong only; the test unit is elsewhere
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);

        (await colleague.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task VerifyPage_Anonymous_ShowsValidThenRevokedWithTheReasonAudited_AndUnknownCodesAreNotFound()
    {
        var c = await app.CreateTrainingCaseAsync(people: 1);
        await app.DbAsync(db => db.Employees.Where(e => e.Id == c.People[0].Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Name, "박지훈")));
        await app.AttendAsync(c, c.People[0]);
        var certificate = await CertificateOfAsync(c.People[0].Id);
        using var anonymous = app.Anonymous();

        var typed = certificate.Code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var valid = await anonymous.GetPageAsync($"/verify/{typed}");
        valid.Text(".verify-status").ShouldBe("Valid: this certificate is genuine and in force.");
        valid.Text(".facts").ShouldContain("박지훈");
        valid.Text(".facts").ShouldContain(c.Programme.Title.En);
        valid.Text(".facts").ShouldNotContain(c.People[0].EmployeeNumber);
        var json = await anonymous.Http.GetFromJsonAsync<CertificateVerificationDto>($"/api/v1/certificates/{certificate.Code}");
        json!.Status.ShouldBe("Valid");
        json.Name.ShouldBe("박지훈");

        using var unknown = await anonymous.GetAsync("/verify/AAAA-BBBB-CCCC");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Html.Parse(await unknown.Content.ReadAsStringAsync()).Text(".verify-status").ShouldBe("Not found: no certificate has the code AAAA-BBBB-CCCC.");
        (await anonymous.GetAsync("/api/v1/certificates/AAAA-BBBB-CCCC")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var revokePath = $"/Training/Certificates/Revoke/{certificate.Code}";
        var form = await officer.GetPageAsync(revokePath);
        using var noReason = await officer.SubmitAsync(form, revokePath, new Dictionary<string, string> { ["Reason"] = " " });
        (await Html.ParseAsync(noReason)).Text("#reason-error").ShouldBe("Give the reason for revoking it.");
        using var revoked = await officer.SubmitAsync(form, revokePath, new Dictionary<string, string> { ["Reason"] = "Issued for the wrong session" });
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.GetPageAsync(revoked.Headers.Location!.OriginalString)).Text("[role=status]").ShouldBe($"The certificate {certificate.Code} of {certificate.EmployeeName} is revoked.");

        (await anonymous.GetPageAsync($"/verify/{certificate.Code}")).Text(".verify-status").ShouldBe("Revoked: this certificate has been withdrawn and is not valid.");
        var audit = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Certificate) && a.EntityKey == certificate.Code && a.Action == "updated").ToListAsync());
        audit.ShouldHaveSingleItem().After!.ShouldContain("Issued for the wrong session");
    }

    [Fact]
    public async Task VerifyPage_AfterTheLastValidDay_ShowsExpired_InKoreanToo()
    {
        var c = await app.CreateTrainingCaseAsync(people: 1);
        await app.AttendAsync(c, c.People[0]);
        var certificate = await CertificateOfAsync(c.People[0].Id);
        await app.DbAsync(db => db.Certificates.Where(x => x.Id == certificate.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1))));
        using var anonymous = app.Anonymous();
        anonymous.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko");

        var page = await anonymous.GetPageAsync($"/verify/{certificate.Code}");

        page.Text(".verify-status").ShouldBe("만료: 발급된 수료증이 맞지만 유효 기간이 지났습니다.");
        page.DocumentElement.GetAttribute("lang").ShouldBe("ko");
    }

    [Fact]
    public async Task CompletionsApi_ListsTheEmployeesCompletionsWithCertificates()
    {
        var c = await app.CreateTrainingCaseAsync(people: 1);
        await app.AttendAsync(c, c.People[0]);
        var certificate = await CertificateOfAsync(c.People[0].Id);
        using var api = app.ApiClient();

        var list = await api.GetFromJsonAsync<List<CompletionDto>>($"/api/v1/employees/{c.People[0].EmployeeNumber}/completions");

        var one = list.ShouldHaveSingleItem();
        (one.Programme, one.Cycle, one.CertificateCode, one.CertificateStatus).ShouldBe((c.Programme.Title.En, 1, certificate.Code, "Valid"));
        one.CompletedOn.ShouldBe(SeoulDate(c.Session.StartsAtUtc)); // the day attended, not the day recorded (ADR-029)
    }

    private Task<Certificate> CertificateOfAsync(int employeeId) =>
        app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(x => x.EmployeeId == employeeId));

    private static string SeoulDate(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class CertificateSqliteTests(SqliteApp app) : CertificateTests(app), IClassFixture<SqliteApp>;

public sealed class CertificatePostgresTests(PostgresApp app) : CertificateTests(app), IClassFixture<PostgresApp>;
