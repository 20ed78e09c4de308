using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Feedback.Duty;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>
/// A supervisor marks who is on duty today at an office of their subtree; the kiosk and the counter survey offer exactly
/// those staff, and with nobody marked, the office's active frontline staff (ADR-040).
/// </summary>
public abstract class StaffDutyTests(FeedbackApp app)
{
    /// <summary>An office with a kiosk and a counter: Kim and Lee frontline, Park back-office, Choi frontline but on leave.</summary>
    private sealed record Office(string Code, Touchpoint Kiosk, Touchpoint Counter, Employee Kim, Employee Lee, Employee Park, Employee Choi);

    private async Task<Office> OfficeAsync(string parent = Demo.SupervisorCentre)
    {
        var unit = await app.CreateOrgUnitAsync(parent);
        var kiosk = await app.CreateTouchpointAsync(TouchpointKind.Kiosk, unit.Code);
        var counter = await app.CreateTouchpointAsync(TouchpointKind.Counter, unit.Code);
        return new Office(unit.Code, kiosk, counter,
            await NamedAsync(unit.Code, "김민준", frontline: true), await NamedAsync(unit.Code, "이서연", frontline: true),
            await NamedAsync(unit.Code, "박지훈", frontline: false), await NamedAsync(unit.Code, "최유나", frontline: true, EmployeeStatus.OnLeave));
    }

    private async Task<Employee> NamedAsync(string unitCode, string name, bool frontline, EmployeeStatus status = EmployeeStatus.Active)
    {
        var employee = await app.CreateEmployeeAsync(unitCode, frontline: frontline, status: status);
        await app.DbAsync(db => db.Employees.Where(e => e.Id == employee.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Name, name)));
        employee.Name = name;
        return employee;
    }

    private DateOnly Today => app.Services.GetRequiredService<CityClock>().Today;

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(Employee e) => e.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the counter survey and the kiosk offer a citizen at the office, as (id, name) and labels.</summary>
    private async Task<(List<(int, string?)> Kiosk, List<string> Survey)> OfferedAsync(Office office)
    {
        using var kiosk = app.Kiosk(await app.RegisterKioskAsync(office.Kiosk));
        var survey = JsonSerializer.Deserialize<JsonElement>(await kiosk.GetStringAsync("/api/v1/kiosk/survey"));
        var staff = survey.GetProperty("staff").EnumerateArray().Select(s => (s.GetProperty("id").GetInt32(), s.GetProperty("name").GetString())).ToList();
        using var citizen = app.Anonymous();
        var page = await citizen.GetPageAsync("/f/" + office.Counter.Code);
        return (staff, page.QuerySelectorAll("#commend label").Select(l => l.TextContent.Trim()).Skip(1).ToList());
    }

    private static async Task<HttpResponseMessage> PostDutyAsync(StaffClient client, IHtmlDocument page, string handler, params Employee[] onDuty)
    {
        var form = page.QuerySelectorAll("form").First(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };
        fields.AddRange(onDuty.Select(e => new KeyValuePair<string, string>("onDuty", Id(e))));
        return await client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Supervisor_MarksTodaysStaff_KioskAndSurveyOfferExactlyThem_AndTheChangeIsAudited()
    {
        var office = await OfficeAsync();
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        var path = "/Feedback/Duty?unit=" + office.Code;

        var page = await supervisor.GetPageAsync(path);
        page.QuerySelector("#fallback")!.TextContent.ShouldContain("김민준, 이서연");
        page.QuerySelectorAll("input[name=onDuty]").Select(i => i.Id).ShouldBe([$"s-{office.Park.Id}", $"s-{office.Kim.Id}", $"s-{office.Lee.Id}"], ignoreOrder: true);
        page.QuerySelectorAll("input[name=onDuty][checked]").ShouldBeEmpty();
        page.QuerySelector($"label[for=s-{office.Park.Id}]")!.TextContent.ShouldContain("박지훈");
        page.QuerySelector($"input[value='{office.Choi.Id}']").ShouldBeNull();
        (await OfferedAsync(office)).Survey.ShouldBe(["김○○", "이○○"]);

        using var saved = await PostDutyAsync(supervisor, page, "Save", office.Lee, office.Park);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await supervisor.GetPageAsync(saved.Headers.Location!.OriginalString);
        after.QuerySelector(".notice.success, [role=status]")!.TextContent.ShouldContain("2 on duty today");
        after.QuerySelector("#fallback").ShouldBeNull();
        after.QuerySelectorAll("input[name=onDuty][checked]").Select(i => i.GetAttribute("value")).ShouldBe([Id(office.Park), Id(office.Lee)], ignoreOrder: true);
        var (kiosk, survey) = await OfferedAsync(office);
        kiosk.ShouldBe([(office.Park.Id, "박○○"), (office.Lee.Id, "이○○")]);
        survey.ShouldBe(["박○○", "이○○"]);

        // The server holds the same list: Kim, frontline but not marked today, cannot be commended.
        using var api = app.Citizen();
        using var refused = await api.PostFeedbackAsync(new { touchpoint = office.Kiosk.Code, overall = 5, language = "ko", commendStaff = office.Kim.Id }, FeedbackData.NewKey());
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var accepted = await api.PostFeedbackAsync(new { touchpoint = office.Kiosk.Code, overall = 5, language = "ko", commendStaff = office.Park.Id }, FeedbackData.NewKey());
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);

        var unitId = office.Kiosk.OrgUnitId;
        var marks = await app.DbAsync(db => db.StaffDuties.AsNoTracking().Where(d => d.OrgUnitId == unitId).ToListAsync());
        marks.ShouldAllBe(d => d.Date == Today);
        var audited = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(StaffDuty) && a.EntityKey.Contains($" {unitId}/")).ToListAsync());
        audited.Select(a => a.Action).ShouldBe(["created", "created"]);
        audited.ShouldAllBe(a => a.ActorName != "");

        // Unmarking one is its own audited change.
        using var less = await PostDutyAsync(supervisor, after, "Save", office.Park);
        less.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(StaffDuty) && a.Action == "deleted" && a.EntityKey.Contains($" {unitId}/{office.Lee.Id}")))).ShouldBe(1);
        (await OfferedAsync(office)).Kiosk.ShouldBe([(office.Park.Id, "박○○")]);
    }

    [Fact]
    public async Task Api_ReadsAndReplacesTheDay_AndAnEmptyListFallsBackToTheFrontlineStaff()
    {
        var office = await OfficeAsync();
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        var url = $"/api/v1/offices/{office.Code}/duty/{D(Today)}";

        var before = await supervisor.Http.GetFromJsonAsync<DutyDto>(url, Json.Web);
        before!.Marked.ShouldBeFalse();
        before.Staff.Where(s => s.Offered).Select(s => s.EmployeeNumber).ShouldBe([office.Kim.EmployeeNumber, office.Lee.EmployeeNumber], ignoreOrder: true);

        using (var put = await supervisor.Http.PutAsJsonAsync(url, new { employeeNumbers = new[] { office.Park.EmployeeNumber } }))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
            var day = (await put.Content.ReadFromJsonAsync<DutyDto>(Json.Web))!;
            day.Marked.ShouldBeTrue();
            day.Staff.Where(s => s.Offered).Select(s => s.EmployeeNumber).ShouldBe([office.Park.EmployeeNumber]);
        }

        (await OfferedAsync(office)).Kiosk.ShouldBe([(office.Park.Id, "박○○")]);

        using (var cleared = await supervisor.Http.PutAsJsonAsync(url, new { employeeNumbers = Array.Empty<string>() }))
        {
            cleared.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await OfferedAsync(office)).Survey.ShouldBe(["김○○", "이○○"]);
        (await supervisor.GetPageAsync("/Feedback/Duty?unit=" + office.Code)).QuerySelector("#fallback").ShouldNotBeNull();

        // Bad input names what and where, and writes nothing.
        using var past = await supervisor.Http.PutAsJsonAsync($"/api/v1/offices/{office.Code}/duty/{D(Today.AddDays(-1))}", new { employeeNumbers = new[] { office.Kim.EmployeeNumber } });
        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await past.Content.ReadAsStringAsync()).ShouldContain("\"date\"");
        using var onLeave = await supervisor.Http.PutAsJsonAsync(url, new { employeeNumbers = new[] { office.Kim.EmployeeNumber, office.Choi.EmployeeNumber } });
        onLeave.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await onLeave.Content.ReadAsStringAsync()).ShouldContain(office.Choi.EmployeeNumber);
        using var badDate = await supervisor.GetAsync($"/api/v1/offices/{office.Code}/duty/tomorrow");
        badDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var unitId = office.Kiosk.OrgUnitId;
        (await app.DbAsync(db => db.StaffDuties.CountAsync(d => d.OrgUnitId == unitId))).ShouldBe(0);

        var openApi = await supervisor.Http.GetStringAsync("/openapi/v1.json");
        openApi.ShouldContain("/api/v1/offices/{code}/duty/{date}");
    }

    [Fact]
    public async Task CopyYesterday_MarksTodayAsYesterday_LessThoseNoLongerActive()
    {
        var office = await OfficeAsync();
        var unitId = office.Kiosk.OrgUnitId;
        var yesterday = Today.AddDays(-1);
        await app.DbAsync(async db =>
        {
            db.StaffDuties.AddRange(new StaffDuty { OrgUnitId = unitId, Date = yesterday, EmployeeId = office.Lee.Id },
                new StaffDuty { OrgUnitId = unitId, Date = yesterday, EmployeeId = office.Choi.Id });
            return await db.SaveChangesAsync();
        });
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        var page = await supervisor.GetPageAsync("/Feedback/Duty?unit=" + office.Code);

        using var copied = await PostDutyAsync(supervisor, page, "Copy");

        copied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OfferedAsync(office)).Kiosk.ShouldBe([(office.Lee.Id, "이○○")]);
        (await app.DbAsync(db => db.StaffDuties.Where(d => d.OrgUnitId == unitId && d.Date == Today).Select(d => d.EmployeeId).ToListAsync()))
            .ShouldBe([office.Lee.Id]);
    }

    [Fact]
    public async Task AnotherUnitsSupervisorAndEmployees_AreRefused_AdministratorsMayMarkAnyOffice()
    {
        var outside = await OfficeAsync(Demo.City);
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        var url = $"/api/v1/offices/{outside.Code}/duty/{D(Today)}";

        (await supervisor.GetAsync("/Feedback/Duty?unit=" + outside.Code)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor.Http.PutAsJsonAsync(url, new { employeeNumbers = new[] { outside.Kim.EmployeeNumber } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor.GetPageAsync("/Feedback/Duty")).QuerySelectorAll("#unit option").Select(o => o.GetAttribute("value")).ShouldNotContain(outside.Code);

        foreach (var role in new[] { Roles.Employee, Roles.Leadership })
        {
            using var other = await app.SignInAsRoleAsync(role);
            using var pageAnswer = await other.GetAsync("/Feedback/Duty?unit=" + outside.Code);
            pageAnswer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            pageAnswer.Headers.Location!.OriginalString.ShouldContain("/Accounts/AccessDenied");
            (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await other.Http.PutAsJsonAsync(url, new { employeeNumbers = new[] { outside.Kim.EmployeeNumber } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        (await admin.Http.PutAsJsonAsync(url, new { employeeNumbers = new[] { outside.Kim.EmployeeNumber } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OfferedAsync(outside)).Kiosk.ShouldBe([(outside.Kim.Id, "김○○")]);
        var unitId = outside.Kiosk.OrgUnitId;
        (await app.DbAsync(db => db.StaffDuties.CountAsync(d => d.OrgUnitId == unitId))).ShouldBe(1);
    }
}

public sealed class StaffDutySqliteTests(FeedbackSqliteApp app) : StaffDutyTests(app), IClassFixture<FeedbackSqliteApp>;

public sealed class StaffDutyPostgresTests(FeedbackPostgresApp app) : StaffDutyTests(app), IClassFixture<FeedbackPostgresApp>;
