using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Enrolments;

namespace ServeWell.Web.Tests.Platform.Layout;

/// <summary>Every save says what it did (ADR-032): one page per module that lacked the notice before ADR-035.</summary>
public abstract class SaveNoticeTests(AppHost app)
{
    [Fact]
    public async Task People_GradeScaleSave_SaysSo()
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        const string path = "/People/GradeScale";

        using var saved = await admin.SubmitAsync(await admin.GetPageAsync(path), path, new Dictionary<string, string>(), "Form.Name");

        (await NoticeAfterAsync(admin, saved)).ShouldStartWith("The grade scale “");
    }

    [Fact]
    public async Task FollowUps_RootCauseSave_SaysSo()
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        const string path = "/FollowUps/RootCauses/Edit";

        using var saved = await admin.SubmitAsync(await admin.GetPageAsync(path), path, new Dictionary<string, string>
        {
            ["Form.Code"] = TestData.Unique("notice-").ToLowerInvariant(), ["Form.NameEn"] = "Signage", ["Form.NameKo"] = "안내 표지",
        });

        (await NoticeAfterAsync(admin, saved)).ShouldBe("Root cause “Signage” is saved.");
    }

    [Fact]
    public async Task Feedback_TouchpointSave_SaysSo_InKorean()
    {
        var id = await app.DbAsync(db => db.Touchpoints.Where(t => t.RetiredAt == null).Select(t => t.Id).FirstAsync());
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");
        var path = $"/Feedback/Touchpoints/Edit/{id}";

        using var saved = await admin.SubmitAsync(await admin.GetPageAsync(path), path, new Dictionary<string, string>(), "Form.Label.Ko");

        (await NoticeAfterAsync(admin, saved)).ShouldStartWith("접점 “");
    }

    [Fact]
    public async Task Insights_ReportSubscription_SaysSo()
    {
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);
        const string path = "/Insights/Reports";

        // The one button subscribes or unsubscribes, whichever the account is not: twice gives both notices.
        using var first = await leader.SubmitAsync(await leader.GetPageAsync(path), path, new Dictionary<string, string>());
        var one = await NoticeAfterAsync(leader, first);
        using var second = await leader.SubmitAsync(await leader.GetPageAsync(path), path, new Dictionary<string, string>());
        var other = await NoticeAfterAsync(leader, second);

        new[] { one, other }.Select(n => n.Split(':')[0]).Order().ShouldBe(["You are subscribed", "You are unsubscribed"]);
    }

    [Fact]
    public async Task Training_ProgrammeEdit_SaysSo()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] });
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Training/Programmes/Edit/{programme.Id}";

        using var saved = await officer.SubmitAsync(await officer.GetPageAsync(path), path, new Dictionary<string, string>(), "Form.Title.Ko");

        (await NoticeAfterAsync(officer, saved)).ShouldBe($"Programme “{programme.Title}” is saved.");
    }

    private static async Task<string> NoticeAfterAsync(StaffClient client, HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var next = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        return next.Text(".notice[role=status]");
    }
}

public sealed class SaveNoticeSqliteTests(SqliteApp app) : SaveNoticeTests(app), IClassFixture<SqliteApp>;

public sealed class SaveNoticePostgresTests(PostgresApp app) : SaveNoticeTests(app), IClassFixture<PostgresApp>;
