using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Accounts;
using MimeKit;
using ServeWell.Web.Modules.Training.Compliance;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Training.Record;

/// <summary>Compliance per programme and org unit, in scope; exports read back; reminders in each person's language.</summary>
public abstract class ComplianceTests(AppHost app)
{
    [Fact]
    public async Task Api_CountsCompletedInProgressOverdueAndDueSoon_ForAProgrammeInAUnit()
    {
        var c = await OverdueCaseAsync();
        using var api = app.ApiClient();

        var result = await api.GetFromJsonAsync<ComplianceDto>($"/api/v1/compliance?programmeId={c.Programme.Id}&orgUnitCode={c.UnitCode}");

        result!.Counts.ShouldBe(new ComplianceCountsDto(3, 1, 1, 2, 0));
        result.People.Select(p => (p.EmployeeNumber, p.Status)).ShouldBe(
            [(c.People[0].EmployeeNumber, "Completed"), (c.People[1].EmployeeNumber, "Overdue"), (c.People[2].EmployeeNumber, "Overdue")], ignoreOrder: true);
        var soon = await app.CreateTrainingCaseAsync(people: 1, configure: r => r.DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20));
        (await api.GetFromJsonAsync<ComplianceDto>($"/api/v1/compliance?programmeId={soon.Programme.Id}"))!.Counts.ShouldBe(new ComplianceCountsDto(1, 0, 0, 0, 1));
    }

    [Fact]
    public async Task Supervisor_SeesOnlyTheirSubtree_AndAUnitOutsideItIsRefused()
    {
        var c = await OverdueCaseAsync();
        var own = await app.CreateEmployeeAsync(Demo.SupervisorCentre);
        await app.DbAsync(db =>
        {
            db.Enrolments.Add(new Enrolment { ProgrammeId = c.Programme.Id, EmployeeId = own.Id, Source = EnrolmentSource.Manual, State = EnrolmentState.Invited, CreatedAt = DateTime.UtcNow, StateSince = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        var page = await supervisor.GetPageAsync($"/Training/Compliance?programmeId={c.Programme.Id}");
        var names = page.QuerySelectorAll("#people-heading + .table-wrap tbody tr").Select(r => r.TextContent).ToList();
        names.ShouldHaveSingleItem().ShouldContain(own.EmployeeNumber);
        var json = await supervisor.Http.GetFromJsonAsync<ComplianceDto>($"/api/v1/compliance?programmeId={c.Programme.Id}");
        json!.People.Select(p => p.EmployeeNumber).ShouldBe([own.EmployeeNumber]);
        (await supervisor.GetAsync($"/api/v1/compliance?orgUnitCode={c.UnitCode}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await supervisor.GetAsync($"/Training/Compliance?orgUnitCode={c.UnitCode}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Exports_CsvAndXlsx_HoldEveryRow_AndReadBack()
    {
        var c = await OverdueCaseAsync();
        await app.DbAsync(db => db.Employees.Where(e => e.Id == c.People[2].Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Name, "=HYPERLINK(\"x\") 최, 민")));
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var query = $"programmeId={c.Programme.Id}&orgUnitCode={c.UnitCode}";

        var csvBytes = await officer.Http.GetByteArrayAsync($"/Training/Compliance?handler=Csv&{query}");
        csvBytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var csv = Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv.Length.ShouldBe(4);
        csv[0].ShouldStartWith("Employee number,Name,");
        csv.ShouldContain(l => l.Contains("\"'=HYPERLINK(\"\"x\"\") 최, 민\"", StringComparison.Ordinal));

        var xlsx = await officer.Http.GetByteArrayAsync($"/Training/Compliance?handler=Xlsx&{query}");
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(x => x.InnerText).ToList()).ToList();
        rows.Count.ShouldBe(4);
        rows[0][9].ShouldBe("Compliance status");
        rows.Skip(1).Select(r => r[0]).ShouldBe(c.People.Select(p => p.EmployeeNumber), ignoreOrder: true);
        // Completed on the day of the session attended, in the city's zone (ADR-029).
        rows.Single(r => r[0] == c.People[0].EmployeeNumber)[8].ShouldBe(
            TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(c.Session.StartsAtUtc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Reminders_GoToTheOverdueAndTheirSupervisor_InTheirOwnLanguage()
    {
        var c = await OverdueCaseAsync();
        using var _ = await app.SignInAsEmployeeAsync(c.People[2], culture: "ko"); // gives person 3 an account that reads Korean
        using var english = await app.SignInAsEmployeeAsync(c.People[1], culture: "en"); // and person 2 one that reads English
        var supervisorEmail = await CreateSupervisorAsync(c.UnitCode);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Training/Compliance?programmeId={c.Programme.Id}&orgUnitCode={c.UnitCode}";
        var page = await officer.GetPageAsync(path);
        var before = (await app.MailFilesAsync()).ToHashSet();

        using var sent = await officer.SubmitAsync(page, path, new Dictionary<string, string>(), fieldName: null);

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.GetPageAsync(sent.Headers.Location!.OriginalString)).Text("[role=status]").ShouldBe("Reminders sent to 2 people.");
        var mails = new List<MimeMessage>();
        foreach (var file in (await app.MailFilesAsync()).Where(f => !before.Contains(f)))
        {
            mails.Add(await MimeMessage.LoadAsync(file));
        }

        mails.Select(m => m.To.Mailboxes.Single().Address).ShouldBe([c.People[1].Email, c.People[2].Email, supervisorEmail], ignoreOrder: true);
        var toSupervisor = mails.Single(m => m.To.Mailboxes.Single().Address == supervisorEmail);
        toSupervisor.Subject.ShouldBe("소속 부서의 교육 기한 경과");
        toSupervisor.TextBody!.ShouldContain(c.People[1].EmployeeNumber);
        toSupervisor.TextBody!.ShouldContain(c.People[2].EmployeeNumber);
        toSupervisor.TextBody!.ShouldNotContain(c.People[0].EmployeeNumber);
        mails.Single(m => m.To.Mailboxes.Single().Address == c.People[1].Email).Subject.ShouldBe("Training reminder");
        var korean = mails.Single(m => m.To.Mailboxes.Single().Address == c.People[2].Email);
        korean.Subject.ShouldBe("교육 이수 알림");
        korean.TextBody!.ShouldContain(c.Programme.Title.For("ko"));
        korean.TextBody!.ShouldContain("기한 경과");
    }

    private async Task<string> CreateSupervisorAsync(string unitCode)
    {
        var unit = await app.UnitAsync(unitCode);
        var email = TestData.Unique("sup.").ToLowerInvariant() + "@test.example";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Unit head", ScopeOrgUnitId = unit.Id, PreferredCulture = "ko" };
        (await users.CreateAsync(user, Demo.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.Supervisor)).Succeeded.ShouldBeTrue();
        return email;
    }

    /// <summary>A programme due yesterday: person 1 completed, person 2 registered for a session, person 3 only invited.</summary>
    private async Task<TrainingCase> OverdueCaseAsync()
    {
        var c = await app.CreateTrainingCaseAsync(people: 3, configure: r => { r.Mandatory = true; r.DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1); });
        await app.AttendAsync(c, c.People[0]);
        await app.DbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == c.Programme.Id && e.EmployeeId == c.People[1].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EnrolmentState.Registered)));
        return c;
    }
}

public sealed class ComplianceSqliteTests(SqliteApp app) : ComplianceTests(app), IClassFixture<SqliteApp>;

public sealed class CompliancePostgresTests(PostgresApp app) : ComplianceTests(app), IClassFixture<PostgresApp>;
