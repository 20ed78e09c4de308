using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Feedback.Commendations;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Explore;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>
/// Citizens commend someone by choosing from the staff on duty at the office, never by typing a badge number, and the
/// kiosk stores its one-tap answer at once, adding the rest only if the citizen goes on (ADR-037).
/// </summary>
public abstract class StaffCommendationTests(FeedbackApp app)
{
    /// <summary>An office of its own: two frontline staff on duty, one back-office, one on leave, and a frontline employee of another office.</summary>
    private sealed record Office(Touchpoint Touchpoint, Employee Kim, Employee Lee, Employee BackOffice, Employee OnLeave, Employee Elsewhere);

    private async Task<Office> OfficeAsync(TouchpointKind kind = TouchpointKind.Counter)
    {
        var unit = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var other = await app.CreateOrgUnitAsync(Demo.SupervisorCentre);
        var touchpoint = await app.CreateTouchpointAsync(kind, unit.Code);
        var kim = await NamedAsync(unit.Code, "김민준", frontline: true);
        var lee = await NamedAsync(unit.Code, "이서연", frontline: true);
        var back = await NamedAsync(unit.Code, "박지훈", frontline: false);
        var leave = await NamedAsync(unit.Code, "최유나", frontline: true, EmployeeStatus.OnLeave);
        var elsewhere = await NamedAsync(other.Code, "정하늘", frontline: true);
        return new Office(touchpoint, kim, lee, back, leave, elsewhere);
    }

    private async Task<Employee> NamedAsync(string unitCode, string name, bool frontline, EmployeeStatus status = EmployeeStatus.Active)
    {
        var employee = await app.CreateEmployeeAsync(unitCode, frontline: frontline, status: status);
        await app.DbAsync(db => db.Employees.Where(e => e.Id == employee.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Name, name)));
        employee.Name = name;
        return employee;
    }

    private static string[] Numbers(Office o) =>
        [o.Kim.EmployeeNumber, o.Lee.EmployeeNumber, o.BackOffice.EmployeeNumber, o.OnLeave.EmployeeNumber, o.Elsewhere.EmployeeNumber];

    [Fact]
    public async Task Survey_ListsTheOfficesStaffOnDuty_AsTheCityNamesThem_AndNeverTheirNumbers()
    {
        var office = await OfficeAsync();
        var path = "/f/" + office.Touchpoint.Code;
        using var citizen = app.Anonymous();

        var page = await citizen.GetPageAsync(path);

        var choices = page.QuerySelectorAll("#commend label").Select(l => l.TextContent.Trim()).ToList();
        choices.ShouldBe(["No one, thanks", "김○○", "이○○"]);
        page.QuerySelector("#commend-none")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("input[name='Form.CommendNumber']").ShouldBeNull();
        foreach (var number in Numbers(office))
        {
            page.DocumentElement.OuterHtml.ShouldNotContain(number);
        }

        var full = app.StartInstance(new Dictionary<string, string?>(FeedbackApp.Relaxed) { ["City:StaffNames"] = "Full" });
        using var fullCitizen = app.Anonymous(full);
        (await fullCitizen.GetPageAsync(path)).QuerySelectorAll("#commend label").Select(l => l.TextContent.Trim())
            .ShouldBe(["No one, thanks", "김민준", "이서연"]);

        var none = app.StartInstance(new Dictionary<string, string?>(FeedbackApp.Relaxed) { ["City:StaffNames"] = "None" });
        using var noneCitizen = app.Anonymous(none);
        var hidden = await noneCitizen.GetPageAsync(path);
        hidden.QuerySelector("#commend").ShouldBeNull();
        hidden.QuerySelector("#overall").ShouldNotBeNull();
    }

    [Fact]
    public async Task Survey_ChoosingSomeoneOnDuty_StoresTheCommendationAgainstThatEmployee_AndInsightsCountIt()
    {
        var office = await OfficeAsync();
        var path = "/f/" + office.Touchpoint.Code;
        using var citizen = app.Anonymous();
        var page = await citizen.GetPageAsync(path);

        using var response = await citizen.SubmitAsync(page, path, new Dictionary<string, string>
        {
            ["Form.Overall"] = "5", ["Form.CommendStaff"] = office.Lee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().SingleAsync(a => a.TouchpointId == office.Touchpoint.Id));
        stored.CommendedEmployeeId.ShouldBe(office.Lee.Id);
        var today = app.Services.GetRequiredService<CityClock>().Today;
        (await app.UseAsync<EmployeeInsights, int>(i => i.CountAsync(office.Lee.Id, today.AddMonths(-1), today, CancellationToken.None))).ShouldBe(1);
        (await app.UseAsync<EmployeeInsights, int>(i => i.CountAsync(office.Kim.Id, today.AddMonths(-1), today, CancellationToken.None))).ShouldBe(0);
    }

    [Fact]
    public async Task Survey_StaffOfAnotherOfficeOrOffDuty_IsRefusedWithAClearMessage_AndNothingIsStored()
    {
        var office = await OfficeAsync();
        var path = "/f/" + office.Touchpoint.Code;
        using var citizen = app.Anonymous();

        foreach (var wrong in new[] { office.Elsewhere, office.BackOffice, office.OnLeave })
        {
            var page = await citizen.GetPageAsync(path);
            using var response = await citizen.SubmitAsync(page, path, new Dictionary<string, string>
            {
                ["Form.Overall"] = "4", ["Form.CommendStaff"] = wrong.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var again = await Html.ParseAsync(response);
            again.Text(".errors").ShouldContain("Please choose someone from the staff of this office, or choose no one.");
            again.QuerySelector(".errors a")!.GetAttribute("href").ShouldBe("#commend");
        }

        using var api = app.Citizen();
        using var refused = await api.PostFeedbackAsync(new
        {
            touchpoint = office.Touchpoint.Code, overall = 4, language = "en", commendStaff = office.Elsewhere.Id,
        }, FeedbackData.NewKey());
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("commendStaff")[0].GetString()!.ShouldContain("not one of the staff on duty at this touchpoint's office");
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == office.Touchpoint.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Kiosk_OneTap_StoresTheAnswerAtItsTouchpointAndLocalTime_AndGoingOnAddsTheRestOnce()
    {
        var office = await OfficeAsync(TouchpointKind.Kiosk);
        var token = await app.RegisterKioskAsync(office.Touchpoint);
        using var kiosk = app.Kiosk(token);
        // 15:30 UTC is half past midnight the next day in Seoul: the answer belongs to the city's day, not UTC's.
        var answeredAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1).AddHours(15).AddMinutes(30), TimeSpan.Zero);
        var key = "k-" + Guid.NewGuid().ToString("N");

        var tap = await KioskTests.SendAsync(kiosk, new { answers = new[] { new { key, overall = 5, language = "ko", answeredAt = answeredAt.ToString("O") } } });

        tap.Single().Status.ShouldBe(201);
        var stored = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().SingleAsync(a => a.TouchpointId == office.Touchpoint.Id));
        stored.Channel.ShouldBe(FeedbackChannel.Kiosk);
        stored.OrgUnitId.ShouldBe(office.Touchpoint.OrgUnitId);
        stored.AnsweredAt.ShouldBe(answeredAt.UtcDateTime, TimeSpan.FromMilliseconds(1));
        app.Services.GetRequiredService<CityClock>().DateOf(new DateTimeOffset(stored.AnsweredAt, TimeSpan.Zero)).ShouldBe(DateOnly.FromDateTime(answeredAt.UtcDateTime.Date.AddDays(1)));
        (stored.Courtesy, stored.CommendedEmployeeId).ShouldBe((null, null));

        var survey = await kiosk.GetStringAsync("/api/v1/kiosk/survey");
        var staff = JsonSerializer.Deserialize<JsonElement>(survey).GetProperty("staff").EnumerateArray()
            .Select(s => (s.GetProperty("id").GetInt32(), s.GetProperty("name").GetString())).ToList();
        staff.ShouldBe([(office.Kim.Id, "김○○"), (office.Lee.Id, "이○○")]);
        JsonSerializer.Deserialize<JsonElement>(survey).GetProperty("place").GetProperty("en").GetString()!.ShouldStartWith("Test unit");
        foreach (var number in Numbers(office))
        {
            survey.ShouldNotContain(number);
        }

        var details = $"/api/v1/kiosk/answers/{key}/details";
        using (var elsewhere = await kiosk.PostAsJsonAsync(details, new { commendStaff = office.Elsewhere.Id }))
        {
            elsewhere.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await elsewhere.Content.ReadAsStringAsync()).ShouldContain("commendStaff");
        }

        var more = new { drivers = new { courtesy = 5 }, resolved = "yes", commendStaff = office.Kim.Id };
        using (var added = await kiosk.PostAsJsonAsync(details, more))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var resent = await kiosk.PostAsJsonAsync(details, more))
        {
            resent.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var changed = await kiosk.PostAsJsonAsync(details, new { drivers = new { courtesy = 1 } }))
        {
            changed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        using (var unknown = await kiosk.PostAsJsonAsync($"/api/v1/kiosk/answers/k-{Guid.NewGuid():N}/details", more))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var completed = await app.DbAsync(db => db.FeedbackAnswers.AsNoTracking().SingleAsync(a => a.Id == stored.Id));
        (completed.Overall, completed.Courtesy, completed.CourtesyScore, completed.Resolved, completed.CommendedEmployeeId)
            .ShouldBe((5, (int?)5, (int?)100, (ServeWell.Web.Modules.Feedback.Intake.Resolution?)ServeWell.Web.Modules.Feedback.Intake.Resolution.Yes, (int?)office.Kim.Id));

        // The office-month is recounted with the details: one answer, one courtesy rating.
        await app.UseAsync<InsightsRollups, int>(r => r.DrainAsync(CancellationToken.None));
        var counted = await app.DbAsync(db => db.InsightsUnitServiceMonths.AsNoTracking().Where(c => c.OrgUnitId == office.Touchpoint.OrgUnitId)
            .Select(c => new { Answers = c.Score1 + c.Score2 + c.Score3 + c.Score4 + c.Score5, Rated = c.Driver1Count + c.Driver2Count + c.Driver3Count + c.Driver4Count + c.Driver5Count })
            .ToListAsync());
        (counted.Sum(c => c.Answers), counted.Sum(c => c.Rated)).ShouldBe((1, 1));
    }

    [Theory]
    [InlineData("김민준", StaffNameDisplay.FamilyInitial, "김○○")]
    [InlineData("남궁 민", StaffNameDisplay.FamilyInitial, "남○○")]
    [InlineData("Jisoo Kim", StaffNameDisplay.FamilyInitial, "Kim J.")]
    [InlineData("Kim, jisoo", StaffNameDisplay.FamilyInitial, "Kim J.")]
    [InlineData("김민준", StaffNameDisplay.Full, "김민준")]
    public void Show_NamesAsTheCityChooses(string name, StaffNameDisplay display, string shown) =>
        StaffOnDuty.Show(name, display).ShouldBe(shown);
}

public sealed class StaffCommendationSqliteTests(FeedbackSqliteApp app) : StaffCommendationTests(app), IClassFixture<FeedbackSqliteApp>;

public sealed class StaffCommendationPostgresTests(FeedbackPostgresApp app) : StaffCommendationTests(app), IClassFixture<FeedbackPostgresApp>;
