using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Feedback;

public abstract class TouchpointsTests(FeedbackApp app)
{
    [Fact]
    public void NewCodes_AreLongRandomAndDistinct()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => TouchpointCodes.New()).ToList();
        codes.Distinct().Count().ShouldBe(1000);
        codes.ShouldAllBe(c => TouchpointCodes.LooksValid(c));
    }

    [Fact]
    public async Task List_AsAdministrator_ShowsCodeKindUnitServiceAndPublicUrl()
    {
        var touchpoint = await app.CreateTouchpointAsync(TouchpointKind.ServiceWindow);
        using var api = app.ApiClient();

        var list = await api.GetOkAsync<List<TouchpointDto>>("/api/v1/touchpoints");

        var row = list.Single(t => t.Code == touchpoint.Code);
        row.Kind.ShouldBe("ServiceWindow");
        row.OrgUnit.ShouldBe(Demo.SupervisorCentre);
        row.PublicUrl.ShouldEndWith("/f/" + touchpoint.Code);
        row.SurveyId.ShouldBe(ServeWell.Web.Modules.Feedback.Surveys.SurveyDefinition.DefaultId);
        row.SurveyName.ShouldBe("Standard survey");
    }

    [Fact]
    public async Task List_AsSupervisor_ShowsOnlyTheirSubtree()
    {
        var own = await app.CreateTouchpointAsync();
        var other = await app.CreateTouchpointAsync(unitCode: "C-JUNGANG");
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        using var response = await supervisor.GetAsync("/api/v1/touchpoints");
        var codes = (await response.ReadOkAsync<List<TouchpointDto>>()).Select(t => t.Code).ToList();

        codes.ShouldContain(own.Code);
        codes.ShouldNotContain(other.Code);
    }

    [Fact]
    public async Task Rotate_OldCodeStopsTakingAnswers_PastAnswersStay()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var citizen = app.Citizen();
        (await citizen.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 4, language = "en" }, FeedbackData.NewKey())).StatusCode.ShouldBe(HttpStatusCode.Created);

        var rotated = await app.UseAsync<ManageTouchpoints, Touchpoint?>(m => m.RotateAsync(touchpoint.Id, CancellationToken.None));

        rotated!.Code.ShouldNotBe(touchpoint.Code);
        using var old = await citizen.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 4, language = "en" }, FeedbackData.NewKey());
        old.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await citizen.GetAsync("/f/" + touchpoint.Code)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await citizen.PostFeedbackAsync(new { touchpoint = rotated.Code, overall = 5, language = "en" }, FeedbackData.NewKey())).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpoint.Id))).ShouldBe(2);
        (await app.DbAsync(db => db.RetiredTouchpointCodes.AnyAsync(c => c.Code == touchpoint.Code))).ShouldBeTrue();
    }

    [Fact]
    public async Task Retire_StopsAnswers_AndLeavesTheList()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        await app.UseAsync<ManageTouchpoints, Touchpoint?>(m => m.RetireAsync(touchpoint.Id, CancellationToken.None));
        using var citizen = app.Citizen();
        using var api = app.ApiClient();

        (await citizen.PostFeedbackAsync(new { touchpoint = touchpoint.Code, overall = 4, language = "en" }, FeedbackData.NewKey())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.GetOkAsync<List<TouchpointDto>>("/api/v1/touchpoints")).ShouldNotContain(t => t.Id == touchpoint.Id);
        (await api.GetOkAsync<List<TouchpointDto>>("/api/v1/touchpoints?includeRetired=true")).Single(t => t.Id == touchpoint.Id).Active.ShouldBeFalse();
    }

    [Fact]
    public async Task Pages_TrainingOfficerCreatesAServiceAndABadgeTouchpoint()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var code = TestData.Unique("svc-").ToLowerInvariant();
        var page = await officer.GetPageAsync("/Feedback/Services/Edit");
        using var saved = await officer.SubmitAsync(page, "/Feedback/Services/Edit", new Dictionary<string, string>
        {
            ["Form.Code"] = code, ["Form.NameEn"] = "Test service", ["Form.NameKo"] = "시험 서비스", ["Form.OfficeCodes"] = Demo.SupervisorCentre,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var employee = await app.CreateEmployeeAsync(Demo.SupervisorCentre);

        var edit = await officer.GetPageAsync("/Feedback/Touchpoints/Edit");
        using var created = await officer.SubmitAsync(edit, "/Feedback/Touchpoints/Edit", new Dictionary<string, string>
        {
            ["Form.Label.En"] = "Badge " + employee.EmployeeNumber, ["Form.Kind"] = "EmployeeBadge", ["Form.OrgUnitCode"] = Demo.SupervisorCentre,
            ["Form.ServiceCode"] = code, ["Form.EmployeeNumber"] = employee.EmployeeNumber,
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var touchpoint = await app.DbAsync(db => db.Touchpoints.Include(t => t.Service).SingleAsync(t => t.EmployeeId == employee.Id));
        touchpoint.Service!.Code.ShouldBe(code);
        (await app.DbAsync(db => db.ServiceOffices.CountAsync(o => o.ServiceId == touchpoint.ServiceId))).ShouldBe(1);
        var list = await officer.GetPageAsync("/Feedback/Touchpoints");
        list.Body!.TextContent.ShouldContain("/f/" + touchpoint.Code);
    }
}

public sealed class TouchpointsSqliteTests(FeedbackSqliteApp app) : TouchpointsTests(app), IClassFixture<FeedbackSqliteApp>;

public sealed class TouchpointsPostgresTests(FeedbackPostgresApp app) : TouchpointsTests(app), IClassFixture<FeedbackPostgresApp>;
