using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Evaluations;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Training.Record;

/// <summary>The reaction survey after a session, from the employee's own page, and its results for officers and instructors.</summary>
public abstract class EvaluationTests(AppHost app)
{
    [Fact]
    public async Task Employee_EvaluatesTheirSessionOnce_FromTheirTrainingPage_AndThatCompletesTheProgramme()
    {
        var c = await app.CreateTrainingCaseAsync(configure: r => r.Completion = new CompletionRequest { EvaluationSubmitted = true });
        var employee = c.People[0];
        await app.AttendAsync(c, employee);
        using var client = await app.SignInAsEmployeeAsync(employee);

        var record = await client.GetPageAsync("/Training/My");
        var link = record.QuerySelector($"a[href='/Training/Evaluations/Session/{c.Session.Id}']");
        link.ShouldNotBeNull();
        record.Text(".next-step").ShouldContain("To complete this programme, evaluate the session you attended.");

        var path = $"/Training/Evaluations/Session/{c.Session.Id}";
        var form = await client.GetPageAsync(path);
        using var incomplete = await client.SubmitAsync(form, path, new Dictionary<string, string> { ["Form.Relevance"] = "4", ["Form.Comment"] = "Useful cases" });
        incomplete.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await Html.ParseAsync(incomplete);
        again.Text("#instructor-error").ShouldBe("Choose 1 to 5 for \"The instructor\".");
        again.Text("#confidence-error").ShouldBe("Choose 1 to 5 for \"Confidence to apply what you learned\".");
        (await app.DbAsync(db => db.SessionEvaluations.CountAsync(e => e.SessionId == c.Session.Id))).ShouldBe(0);

        using var sent = await client.SubmitAsync(form, path, new Dictionary<string, string>
        {
            ["Form.Relevance"] = "4", ["Form.Instructor"] = "5", ["Form.Confidence"] = "3", ["Form.Comment"] = "Useful cases",
        });

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sent.Headers.Location!.OriginalString.ShouldBe("/Training/My");
        var saved = await app.DbAsync(db => db.SessionEvaluations.AsNoTracking().SingleAsync(e => e.SessionId == c.Session.Id));
        (saved.EmployeeId, saved.Relevance, saved.Instructor, saved.Confidence, saved.Comment, saved.Cycle).ShouldBe((employee.Id, 4, 5, 3, "Useful cases", 1));
        (await app.CompletionsAsync(c.Programme.Id)).ShouldHaveSingleItem().EmployeeId.ShouldBe(employee.Id);
        var after = await client.GetPageAsync("/Training/My");
        after.Text("[role=status]").ShouldBe("Thank you: your evaluation has been saved.");
        after.QuerySelector($"a[href='{path}']").ShouldBeNull();
        after.Text("#certificates-heading + *").ShouldContain(c.Programme.Title.En);

        // A second post (a double click, or the back button) changes nothing.
        using var twice = await client.SubmitAsync(form, path, new Dictionary<string, string> { ["Form.Relevance"] = "1", ["Form.Instructor"] = "1", ["Form.Confidence"] = "1" });
        twice.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(twice)).Text("[role=status]").ShouldBe("You have already evaluated this session. Thank you.");
        (await app.DbAsync(db => db.SessionEvaluations.CountAsync(e => e.SessionId == c.Session.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task EvaluatePage_ForSomeoneWhoDidNotAttend_SaysSo_AndAnUnknownSessionIsNotFound()
    {
        var c = await app.CreateTrainingCaseAsync();
        using var client = await app.SignInAsEmployeeAsync(c.People[1]);

        var page = await client.GetPageAsync($"/Training/Evaluations/Session/{c.Session.Id}");

        page.Text(".evaluation-state").ShouldBe("Only people who attended this session can evaluate it.");
        page.QuerySelector("form.form").ShouldBeNull();
        using var unknown = await client.GetAsync("/Training/Evaluations/Session/999999");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EvaluatePage_BeforeTheSessionStarts_SaysWhenItOpens()
    {
        var c = await app.CreateTrainingCaseAsync(people: 1);
        var coming = await app.AddSessionAsync(c.Programme.Id, DateTime.UtcNow.AddDays(3));
        using var client = await app.SignInAsEmployeeAsync(c.People[0]);

        var page = await client.GetPageAsync($"/Training/Evaluations/Session/{coming.Id}");

        page.Text(".evaluation-state").ShouldStartWith("The evaluation opens when the session starts (");
        page.QuerySelector("form.form").ShouldBeNull();
    }

    [Fact]
    public async Task EvaluatePage_AfterItClosed_SaysSo_AndAPostSavesNothing()
    {
        var c = await app.CreateTrainingCaseAsync(people: 1);
        var old = await app.AddSessionAsync(c.Programme.Id, DateTime.UtcNow.AddDays(-40));
        await app.DbAsync(db => db.TrainingSessions.Where(s => s.Id == c.Session.Id).ExecuteDeleteAsync());
        await app.AttendAsync(c with { Session = old }, c.People[0]);
        using var client = await app.SignInAsEmployeeAsync(c.People[0]);
        var path = $"/Training/Evaluations/Session/{old.Id}";

        var page = await client.GetPageAsync(path);

        page.Text(".evaluation-state").ShouldStartWith("The evaluation of this session closed on ");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var late = await client.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Form.Relevance"] = "5", ["Form.Instructor"] = "5", ["Form.Confidence"] = "5",
        }));
        late.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.DbAsync(db => db.SessionEvaluations.CountAsync(e => e.SessionId == old.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task EvaluatePage_WhenTheProgrammeNeedsTheEvaluation_StaysOpenLongAfter()
    {
        var c = await app.CreateTrainingCaseAsync(people: 1, configure: r => r.Completion = new CompletionRequest { EvaluationSubmitted = true });
        await app.DbAsync(db => db.TrainingSessions.Where(s => s.Id == c.Session.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAtUtc, DateTime.UtcNow.AddDays(-90)).SetProperty(x => x.EndsAtUtc, DateTime.UtcNow.AddDays(-90).AddHours(2))));
        await app.AttendAsync(c, c.People[0]);
        using var client = await app.SignInAsEmployeeAsync(c.People[0]);

        var page = await client.GetPageAsync($"/Training/Evaluations/Session/{c.Session.Id}");

        page.QuerySelector("form.form").ShouldNotBeNull();
        page.QuerySelector(".evaluation-state").ShouldBeNull();
    }

    [Fact]
    public async Task ResultsPage_ShowsAveragesDistributionAndResponseRate_PerSessionAndProgramme()
    {
        var c = await FiveOfSixEvaluateAsync();
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);

        var page = await officer.GetPageAsync($"/Training/Programmes/{c.Programme.Id}/Results");

        page.Text(".stats").ShouldContain("5"); // responses
        page.Text(".stats").ShouldContain("83%"); // 5 of 6 attended
        var relevance = page.QuerySelectorAll(".rating-result")[0];
        relevance.Text(".result-count").ShouldBe("Average 4.00 of 5 from 5 answers");
        relevance.QuerySelectorAll("tbody tr").Select(r => r.Text("td")).ShouldBe(["0", "0", "1", "3", "1"]);
        relevance.QuerySelector("svg[role=img] title").ShouldNotBeNull();
        page.Text(".comments").ShouldBe("Clear examples");
        var sessionLink = page.QuerySelector($"a[href$='Results?session={c.Session.Id}']");
        sessionLink.ShouldNotBeNull();
        var one = await officer.GetPageAsync($"/Training/Programmes/{c.Programme.Id}/Results?session={c.Session.Id}");
        one.QuerySelectorAll(".rating-result")[2].Text(".result-count").ShouldBe("Average 4.00 of 5 from 5 answers");
    }

    [Fact]
    public async Task ResultsPage_ForAnInstructorWhoDoesNotTeachIt_ShowsNoSessions()
    {
        var c = await app.CreateTrainingCaseAsync();
        await app.AttendAsync(c, c.People[0]);
        await EvaluateAsync(c, c.People[0], 5, 5, 5, "Secret praise");
        using var instructor = await app.SignInAsRoleAsync(Roles.Instructor);

        var page = await instructor.GetPageAsync($"/Training/Programmes/{c.Programme.Id}/Results");

        page.Text(".lead").ShouldBe("The sessions you teach.");
        page.Body!.TextContent.ShouldNotContain("Secret praise");
    }

    [Fact]
    public async Task Api_EmployeeSubmitsOnce_BadRatingsNameTheField_AndSomeoneWhoDidNotAttendIsRefused()
    {
        var c = await app.CreateTrainingCaseAsync(people: 2, configure: r => r.Completion = new CompletionRequest { EvaluationSubmitted = true });
        await app.AttendAsync(c, c.People[0]);
        using var attendee = await app.SignInAsEmployeeAsync(c.People[0]);
        using var absent = await app.SignInAsEmployeeAsync(c.People[1]);
        var path = $"/api/v1/sessions/{c.Session.Id}/evaluation";

        using var bad = await attendee.Http.PostAsJsonAsync(path, new { relevance = 6, instructor = 4 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        errors.GetProperty("relevance")[0].GetString().ShouldBe("Choose 1 to 5 for \"Relevance to your work\".");
        errors.GetProperty("confidence")[0].GetString().ShouldBe("Choose 1 to 5 for \"Confidence to apply what you learned\".");
        errors.TryGetProperty("instructor", out _).ShouldBeFalse();

        using var created = await attendee.Http.PostAsJsonAsync(path, new { relevance = 4, instructor = 5, confidence = 3, comment = "  Real cases helped  " });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.ReadJsonAsync();
        (body.GetProperty("relevance").GetInt32(), body.GetProperty("comment").GetString()).ShouldBe((4, "Real cases helped"));
        (await app.CompletionsAsync(c.Programme.Id)).ShouldHaveSingleItem().EmployeeId.ShouldBe(c.People[0].Id);

        using var twice = await attendee.Http.PostAsJsonAsync(path, new { relevance = 1, instructor = 1, confidence = 1 });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.ReadJsonAsync()).GetProperty("detail").GetString().ShouldBe("You have already evaluated this session. Thank you.");
        using var notThere = await absent.Http.PostAsJsonAsync(path, new { relevance = 5, instructor = 5, confidence = 5 });
        notThere.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await notThere.ReadJsonAsync()).GetProperty("detail").GetString().ShouldBe("You can evaluate only a session you attended.");
        (await app.DbAsync(db => db.SessionEvaluations.Where(e => e.SessionId == c.Session.Id).Select(e => e.Relevance).ToListAsync())).ShouldBe([4]);
    }

    [Fact]
    public async Task Api_Results_AreTheSameFiguresAsThePage_ForOfficersAndLeadership_AndEmptyForAnInstructorWhoDoesNotTeachIt()
    {
        var c = await FiveOfSixEvaluateAsync();
        var path = $"/api/v1/programmes/{c.Programme.Id}/results";

        foreach (var role in new[] { Roles.TrainingOfficer, Roles.Leadership })
        {
            using var reader = await app.SignInAsRoleAsync(role);
            var results = await reader.Http.GetOkAsync<JsonElement>(path);
            results.GetProperty("allSessions").GetBoolean().ShouldBeTrue();
            var evaluation = results.GetProperty("evaluation");
            (evaluation.GetProperty("responses").GetInt32(), evaluation.GetProperty("attendees").GetInt32()).ShouldBe((5, 6));
            evaluation.GetProperty("responseRate").GetDouble().ShouldBe(0.8333);
            evaluation.GetProperty("withheld").GetBoolean().ShouldBeFalse();
            var relevance = evaluation.GetProperty("ratings")[0];
            relevance.GetProperty("average").GetDouble().ShouldBe(4.0);
            relevance.GetProperty("distribution").EnumerateArray().Select(d => d.GetInt32()).ShouldBe([0, 0, 1, 3, 1]);
            evaluation.GetProperty("comments").EnumerateArray().Select(x => x.GetString()).ShouldBe(["Clear examples"]);
            results.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetInt32()).ShouldContain(c.Session.Id);
            results.GetProperty("knowledge").ValueKind.ShouldBe(JsonValueKind.Null);
        }

        using var instructor = await app.SignInAsRoleAsync(Roles.Instructor);
        var theirs = await instructor.Http.GetOkAsync<JsonElement>(path);
        theirs.GetProperty("allSessions").GetBoolean().ShouldBeFalse();
        theirs.GetProperty("sessions").GetArrayLength().ShouldBe(0);
        theirs.GetProperty("evaluation").GetProperty("comments").GetArrayLength().ShouldBe(0);
        using var unseen = await instructor.GetAsync($"{path}?session={c.Session.Id}");
        unseen.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var employee = await app.SignInAsEmployeeAsync(c.People[0]);
        using var refused = await employee.GetAsync(path);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Results_WithOneRespondent_ShowFewerThanTheMinimum_WithNoRatingsAndNoComments_OnThePageAndInTheApi()
    {
        var c = await app.CreateTrainingCaseAsync(people: 3);
        foreach (var person in c.People)
        {
            await app.AttendAsync(c, person);
        }

        await EvaluateAsync(c, c.People[0], 1, 2, 1, "Only I would say this");
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);

        var page = await officer.GetPageAsync($"/Training/Programmes/{c.Programme.Id}/Results");
        var one = await officer.GetPageAsync($"/Training/Programmes/{c.Programme.Id}/Results?session={c.Session.Id}");
        var results = await officer.Http.GetOkAsync<JsonElement>($"/api/v1/programmes/{c.Programme.Id}/results");

        foreach (var shown in new[] { page, one })
        {
            shown.Text("[data-withheld]").ShouldStartWith("Fewer than 5 responses");
            shown.QuerySelectorAll(".rating-result").ShouldBeEmpty();
            shown.Body!.TextContent.ShouldNotContain("Only I would say this");
        }

        page.Text("#per-session-heading + .table-wrap tbody").ShouldContain("Fewer than 5 responses");
        var evaluation = results.GetProperty("evaluation");
        (evaluation.GetProperty("withheld").GetBoolean(), evaluation.GetProperty("withheldReason").GetString(), evaluation.GetProperty("minimumGroupSize").GetInt32())
            .ShouldBe((true, "fewerResponses", 5));
        evaluation.GetProperty("ratings").GetArrayLength().ShouldBe(0);
        evaluation.GetProperty("comments").GetArrayLength().ShouldBe(0);
        var session = results.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("sessionId").GetInt32() == c.Session.Id).GetProperty("evaluation");
        (session.GetProperty("withheld").GetBoolean(), session.GetProperty("ratings").GetArrayLength(), session.GetProperty("comments").GetArrayLength()).ShouldBe((true, 0, 0));
    }

    [Fact]
    public void Withheld_ASessionBelowTheMinimum_AndWhileTheTotalWouldRevealIt_TheSmallestShownOneToo()
    {
        EvaluationResults.Withheld([(1, 10), (2, 1)], 5, totalShown: true)
            .ShouldBe(new Dictionary<int, EvaluationWithheld> { [2] = EvaluationWithheld.FewerResponses, [1] = EvaluationWithheld.WouldRevealAnother }, ignoreOrder: true);
        EvaluationResults.Withheld([(1, 10), (2, 6), (3, 1)], 5, totalShown: true).Keys.ShouldBe([3, 2], ignoreOrder: true);
        EvaluationResults.Withheld([(1, 3), (2, 3), (3, 9)], 5, totalShown: true).Keys.ShouldBe([1, 2], ignoreOrder: true);
        EvaluationResults.Withheld([(1, 10), (2, 1)], 5, totalShown: false).Keys.ShouldBe([2]);
        EvaluationResults.Withheld([(1, 5), (2, 0)], 5, totalShown: true).ShouldBeEmpty();
    }

    /// <summary>Six attend, five evaluate (the city's minimum group size): relevance 5, 3, 4, 4, 4; one comment.</summary>
    private async Task<TrainingCase> FiveOfSixEvaluateAsync()
    {
        var c = await app.CreateTrainingCaseAsync(people: 6);
        foreach (var person in c.People)
        {
            await app.AttendAsync(c, person);
        }

        await EvaluateAsync(c, c.People[0], 5, 4, 3, "Clear examples");
        await EvaluateAsync(c, c.People[1], 3, 4, 5, null);
        for (var i = 2; i < 5; i++)
        {
            await EvaluateAsync(c, c.People[i], 4, 4, 4, null);
        }

        return c;
    }

    private async Task EvaluateAsync(TrainingCase c, ServeWell.Web.Modules.People.Employees.Employee employee, int relevance, int instructor, int confidence, string? comment)
    {
        using var client = await app.SignInAsEmployeeAsync(employee);
        var path = $"/Training/Evaluations/Session/{c.Session.Id}";
        var form = await client.GetPageAsync(path);
        var values = new Dictionary<string, string> { ["Form.Relevance"] = $"{relevance}", ["Form.Instructor"] = $"{instructor}", ["Form.Confidence"] = $"{confidence}" };
        if (comment is not null)
        {
            values["Form.Comment"] = comment;
        }

        using var response = await client.SubmitAsync(form, path, values);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

public sealed class EvaluationSqliteTests(SqliteApp app) : EvaluationTests(app), IClassFixture<SqliteApp>;

public sealed class EvaluationPostgresTests(PostgresApp app) : EvaluationTests(app), IClassFixture<PostgresApp>;
