using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

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

        var record = await client.GetPageAsync("/Training/Record");
        var link = record.QuerySelector($"a[href='/Training/Evaluations/Session/{c.Session.Id}']");
        link.ShouldNotBeNull();
        record.Text(".record-item").ShouldContain("submit the evaluation");

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
        sent.Headers.Location!.OriginalString.ShouldBe("/Training/Record");
        var saved = await app.DbAsync(db => db.SessionEvaluations.AsNoTracking().SingleAsync(e => e.SessionId == c.Session.Id));
        (saved.EmployeeId, saved.Relevance, saved.Instructor, saved.Confidence, saved.Comment, saved.Cycle).ShouldBe((employee.Id, 4, 5, 3, "Useful cases", 1));
        (await app.CompletionsAsync(c.Programme.Id)).ShouldHaveSingleItem().EmployeeId.ShouldBe(employee.Id);
        var after = await client.GetPageAsync("/Training/Record");
        after.Text("[role=status]").ShouldBe("Thank you: your evaluation has been saved.");
        after.QuerySelector($"a[href='{path}']").ShouldBeNull();
        after.Text("#certificates-heading + *").ShouldContain(c.Programme.Title);

        // A second post (a double click, or the back button) changes nothing.
        using var twice = await client.SubmitAsync(form, path, new Dictionary<string, string> { ["Form.Relevance"] = "1", ["Form.Instructor"] = "1", ["Form.Confidence"] = "1" });
        twice.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(twice)).Text("[role=status]").ShouldBe("You have already evaluated this session. Thank you.");
        (await app.DbAsync(db => db.SessionEvaluations.CountAsync(e => e.SessionId == c.Session.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task EvaluatePage_ForSomeoneWhoDidNotAttend_IsNotFound()
    {
        var c = await app.CreateTrainingCaseAsync();
        using var client = await app.SignInAsEmployeeAsync(c.People[1]);

        using var response = await client.GetAsync($"/Training/Evaluations/Session/{c.Session.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ResultsPage_ShowsAveragesDistributionAndResponseRate_PerSessionAndProgramme()
    {
        var c = await app.CreateTrainingCaseAsync(people: 3);
        foreach (var person in c.People)
        {
            await app.AttendAsync(c, person);
        }

        await EvaluateAsync(c, c.People[0], 5, 4, 3, "Clear examples");
        await EvaluateAsync(c, c.People[1], 3, 4, 5, null);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);

        var page = await officer.GetPageAsync($"/Training/Programmes/{c.Programme.Id}/Results");

        page.Text(".stats").ShouldContain("2"); // responses
        page.Text(".stats").ShouldContain("67%"); // 2 of 3 attended
        var relevance = page.QuerySelectorAll(".rating-result")[0];
        relevance.Text(".result-count").ShouldBe("Average 4.00 of 5 from 2 answers");
        relevance.QuerySelectorAll("tbody tr").Select(r => r.Text("td")).ShouldBe(["0", "0", "1", "0", "1"]);
        relevance.QuerySelector("svg[role=img] title").ShouldNotBeNull();
        page.Text(".comments").ShouldBe("Clear examples");
        var sessionLink = page.QuerySelector($"a[href$='Results?session={c.Session.Id}']");
        sessionLink.ShouldNotBeNull();
        var one = await officer.GetPageAsync($"/Training/Programmes/{c.Programme.Id}/Results?session={c.Session.Id}");
        one.QuerySelectorAll(".rating-result")[2].Text(".result-count").ShouldBe("Average 4.00 of 5 from 2 answers");
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
