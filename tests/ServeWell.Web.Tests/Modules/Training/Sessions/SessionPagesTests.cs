using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Training.Sessions;

/// <summary>The sessions section of a programme, and planning, changing and cancelling a session through the pages.</summary>
public abstract class SessionPagesTests(AppHost app)
{
    [Fact]
    public async Task DetailsPage_ShowsTheDemoSessionsInTheirZone()
    {
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        var id = await ProgrammeIdAsync("Visiting Courtesy Training");

        var page = await supervisor.GetPageAsync($"/Training/Programmes/Details/{id}");

        var rows = page.QuerySelectorAll("#sessions tbody tr");
        rows.Length.ShouldBeGreaterThanOrEqualTo(2);
        rows[0].TextContent.ShouldContain("(Asia/Seoul)");
        rows[0].TextContent.ShouldContain("6:00");
        page.QuerySelector("#sessions a[href$='calendar.ics']").ShouldNotBeNull();
        page.QuerySelector("#sessions a[href*='/Sessions/Edit']").ShouldBeNull(); // a supervisor reads only
    }

    [Fact]
    public async Task EditPage_CreateThenChange_StoresUtcShowsTheWallClockAndRaisesTheSequence()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var programme = await NewProgrammeAsync();
        var path = $"/Training/Programmes/{programme}/Sessions/Edit";
        var page = await officer.GetPageAsync(path);

        using var saved = await officer.SubmitAsync(page, path, new Dictionary<string, string>
        {
            ["Form.Delivery"] = "InPerson", ["Form.TimeZone"] = "Asia/Seoul", ["Form.Date"] = "2027-03-02", ["Form.StartTime"] = "10:00",
            ["Form.EndTime"] = "12:00", ["Form.Venue.En"] = "Community centre, room 2", ["Form.Capacity"] = "25", ["Form.InstructorName"] = "Guest Speaker",
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await Html.ParseAsync(saved)).Text(".error-summary"));
        saved.Headers.Location!.OriginalString.ShouldBe($"/Training/Programmes/Details/{programme}#sessions");
        var session = await app.DbAsync(db => db.TrainingSessions.AsNoTracking().SingleAsync(s => s.ProgrammeId == programme));
        session.StartsAtUtc.ShouldBe(new DateTime(2027, 3, 2, 1, 0, 0, DateTimeKind.Utc));
        session.EndsAtUtc.ShouldBe(new DateTime(2027, 3, 2, 3, 0, 0, DateTimeKind.Utc));
        session.InstructorName.ShouldBe("Guest Speaker");

        var editPath = $"{path}/{session.Id}";
        var edit = await officer.GetPageAsync(editPath);
        ((IHtmlInputElement)edit.QuerySelector("#Form_StartTime")!).Value.ShouldBe("10:00");
        ((IHtmlInputElement)edit.QuerySelector("#Form_Date")!).Value.ShouldBe("2027-03-02");
        using var changed = await officer.SubmitAsync(edit, editPath, new Dictionary<string, string> { ["Form.StartTime"] = "09:30" });

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await Html.ParseAsync(changed)).Text(".error-summary"));
        var after = await app.DbAsync(db => db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id));
        after.StartsAtUtc.ShouldBe(new DateTime(2027, 3, 2, 0, 30, 0, DateTimeKind.Utc));
        after.Sequence.ShouldBe(1);
        after.CalendarUid.ShouldBe(session.CalendarUid);
        after.Venue.En.ShouldBe("Community centre, room 2");
    }

    [Fact]
    public async Task EditPage_OnlineWithoutLinkAndEndBeforeStart_ShowsEachProblemByItsFieldAndSavesNothing()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var programme = await NewProgrammeAsync();
        var path = $"/Training/Programmes/{programme}/Sessions/Edit";
        var page = await officer.GetPageAsync(path);

        using var answer = await officer.SubmitAsync(page, path, new Dictionary<string, string>
        {
            ["Form.Delivery"] = "LiveOnline", ["Form.Date"] = "2027-03-02", ["Form.StartTime"] = "10:00", ["Form.EndTime"] = "09:00", ["Form.Capacity"] = "0",
        });

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await Html.ParseAsync(answer);
        result.Text("#join-error").ShouldBe("Enter the join link: the session is held online.");
        result.Text("#end-error").ShouldBe("The session must end after it starts.");
        result.Text("#capacity-error").ShouldBe("Enter the number of places, from 1 to 10000.");
        (await app.DbAsync(db => db.TrainingSessions.AnyAsync(s => s.ProgrammeId == programme))).ShouldBeFalse();
    }

    [Fact]
    public async Task CancelPage_AsksThenCancels()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var programme = await NewProgrammeAsync();
        var id = await NewSessionAsync(programme);
        var path = $"/Training/Programmes/{programme}/Sessions/Cancel/{id}";

        var page = await officer.GetPageAsync(path);
        page.Text("h1").ShouldBe("Cancel the session?");
        page.Text(".confirm-consequences").ShouldContain("Nobody is registered or waiting, so nobody needs to be told.");
        (await app.DbAsync(db => db.TrainingSessions.SingleAsync(s => s.Id == id))).CancelledAt.ShouldBeNull();
        using var unconfirmed = await officer.SubmitAsync(page, path, new Dictionary<string, string> { ["confirmed"] = "false" });
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.DbAsync(db => db.TrainingSessions.SingleAsync(s => s.Id == id))).CancelledAt.ShouldBeNull();
        using var cancelled = await officer.SubmitAsync(page, path, new Dictionary<string, string>());

        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var session = await app.DbAsync(db => db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == id));
        session.CancelledAt.ShouldNotBeNull();
        session.Sequence.ShouldBe(1);
        var details = await officer.GetPageAsync($"/Training/Programmes/Details/{programme}");
        details.Text("[role=status]").ShouldEndWith("cancelled; 0 people were told.");
        details.Text("#sessions tbody tr").ShouldContain("Cancelled");
        details.QuerySelector("#sessions a[href*='/Sessions/Edit/']").ShouldBeNull();
    }

    [Fact]
    public async Task Pages_AsEmployee_AreForbidden()
    {
        var programme = await NewProgrammeAsync();
        var id = await NewSessionAsync(programme);
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);

        foreach (var path in new[] { $"/Training/Programmes/{programme}/Sessions/Edit", $"/Training/Programmes/{programme}/Sessions/Edit/{id}", $"/Training/Programmes/{programme}/Sessions/Cancel/{id}" })
        {
            using var response = await employee.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.AbsolutePath.ShouldBe("/Accounts/AccessDenied");
        }
    }

    [Fact]
    public async Task EditPage_InKorean_ShowsKoreanLabels()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        officer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");
        var programme = await ProgrammeIdAsync("Visiting Courtesy Training");

        var page = await officer.GetPageAsync($"/Training/Programmes/{programme}/Sessions/Edit");
        var details = await officer.GetPageAsync($"/Training/Programmes/Details/{programme}");

        page.Text("h1").ShouldBe("새 교육 회차");
        page.Text("label[for='Form_TimeZone']").ShouldBe("시간대");
        details.Text("#sessions-heading").ShouldBe("교육 회차");
        details.Text("#sessions tbody tr").ShouldContain("오후 6:00");
    }

    private Task<int> ProgrammeIdAsync(string title) =>
        app.DbAsync(db => db.Programmes.Where(p => p.Title.En == title).Select(p => p.Id).SingleAsync());

    private Task<int> NewProgrammeAsync() => app.DbAsync(async db =>
    {
        var programme = new Programme { Title = LocalText.In("en", TestData.Unique("Page sessions ")), Delivery = Delivery.InPerson, Hours = 2 };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    });

    private Task<int> NewSessionAsync(int programme) => app.UseAsync<SaveSession, int>(async save =>
    {
        var (session, problems) = await save.CreateAsync(programme, new SessionRequest
        {
            Start = new DateTime(2027, 5, 10, 18, 0, 0), End = new DateTime(2027, 5, 10, 19, 0, 0), TimeZone = "Asia/Seoul", Venue = LocalText.In("en", "Room 1"), Capacity = 20,
        }, CancellationToken.None);
        problems.ShouldBeEmpty();
        return session!.Id;
    });
}

public sealed class SessionPagesSqliteTests(SqliteApp app) : SessionPagesTests(app), IClassFixture<SqliteApp>;

public sealed class SessionPagesPostgresTests(PostgresApp app) : SessionPagesTests(app), IClassFixture<PostgresApp>;
