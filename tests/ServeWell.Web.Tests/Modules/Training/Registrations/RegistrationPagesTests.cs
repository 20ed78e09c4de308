using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Enrolments;

namespace ServeWell.Web.Tests.Modules.Training.Registrations;

/// <summary>"My training" for an employee, and the training officer's registrations page.</summary>
public abstract class RegistrationPagesTests(AppHost app)
{
    [Fact]
    public async Task MyTraining_ChooseSwitchAndCancel_AsTheEmployee()
    {
        var setup = await app.ProgrammeWithPeopleAsync(1);
        var person = setup.People[0];
        var first = await app.SessionAsync(setup.Programme.Id, capacity: 3);
        var second = await app.SessionAsync(setup.Programme.Id, capacity: 3, daysAhead: 40);
        using var client = await app.SignInAsync(await app.AccountForAsync(person));

        var page = await client.GetPageAsync("/Training/My");
        // The new person may also fall into a demo programme's audience (the daily sync runs in the background), so
        // look for this programme among theirs rather than first.
        page.QuerySelectorAll("h2").Select(h => h.TextContent).ShouldContain(setup.Programme.Title);
        using var chosen = await PostAsync(client, page, "Register", first.Id);
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetPageAsync("/Training/My");
        after.QuerySelector("[role=status]")!.TextContent.ShouldContain("Your place is booked");
        after.QuerySelector(".my-place h3")!.TextContent.ShouldBe("Your session");

        using var switched = await PostAsync(client, after, "Register", second.Id);
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.RegistrationAsync(first.Id, person.Id)).State.ShouldBe(RegistrationState.Cancelled);
        (await app.RegistrationAsync(second.Id, person.Id)).State.ShouldBe(RegistrationState.Registered);

        using var cancelled = await PostAsync(client, await client.GetPageAsync("/Training/My"), "Cancel", second.Id);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.RegistrationAsync(second.Id, person.Id)).State.ShouldBe(RegistrationState.Cancelled);
        (await app.EnrolmentsAsync(setup.Programme.Id))[person.Id].State.ShouldBe(EnrolmentState.Invited);
    }

    [Fact]
    public async Task MyTraining_InKorean_ShowsKoreanTextsAndTheOverlap()
    {
        var setup = await app.ProgrammeWithPeopleAsync(1);
        var other = await app.CreateProgrammeAsync(new ServeWell.Web.Modules.Training.Audiences.AudienceRule { OrgUnitCodes = [setup.UnitCode] });
        var person = setup.People[0];
        var one = await app.SessionAsync(setup.Programme.Id, capacity: 3, hour: 10);
        var two = await app.SessionAsync(other.Id, capacity: 3, hour: 11);
        await app.RegisterAsync(one.Id, person.Id);
        await app.RegisterAsync(two.Id, person.Id);
        using var client = await app.SignInAsync(await app.AccountForAsync(person, culture: "ko"));

        var page = await client.GetPageAsync("/Training/My");

        page.QuerySelector("h1")!.TextContent.ShouldBe("나의 교육");
        page.QuerySelectorAll(".overlap").Length.ShouldBe(2);
    }

    [Fact]
    public async Task MyTraining_WithoutALinkedEmployee_SaysSo()
    {
        using var client = await app.SignInAsync(await app.CreateAccountAsync(Roles.Employee));

        var page = await client.GetPageAsync("/Training/My");

        page.QuerySelector(".notice")!.TextContent.ShouldContain("not linked to an employee record");
    }

    [Fact]
    public async Task RegistrationsPage_OfficerRegistersByNumberAndSeesTheWaitlist()
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 1);
        await app.RegisterAsync(session.Id, setup.People[0].Id);
        using var client = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Training/Programmes/{setup.Programme.Id}/Sessions/{session.Id}/Registrations";

        using var response = await client.SubmitAsync(await client.GetPageAsync(path), path + "?handler=Register",
            new Dictionary<string, string> { ["EmployeeNumber"] = setup.People[1].EmployeeNumber });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetPageAsync(path);
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("is on the waitlist");
        page.QuerySelector("#waitlist-heading")!.TextContent.ShouldContain("(1)");
        page.Body!.TextContent.ShouldContain(setup.People[1].EmployeeNumber);

        using var unknown = await client.SubmitAsync(await client.GetPageAsync(path), path + "?handler=Register",
            new Dictionary<string, string> { ["EmployeeNumber"] = "NOBODY-9" });
        var again = await Html.ParseAsync(unknown);
        again.QuerySelector(".error-summary")!.TextContent.ShouldContain("NOBODY-9");
    }

    private static Task<HttpResponseMessage> PostAsync(StaffClient client, IHtmlDocument page, string handler, int sessionId)
    {
        var form = page.QuerySelectorAll<IHtmlFormElement>("form")
            .First(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal)
                && f.QuerySelector<IHtmlInputElement>("input[name=sessionId]")?.Value == sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(Html.FieldsOf(form)));
    }
}

public sealed class RegistrationPagesSqliteTests(SqliteApp app) : RegistrationPagesTests(app), IClassFixture<SqliteApp>;

public sealed class RegistrationPagesPostgresTests(PostgresApp app) : RegistrationPagesTests(app), IClassFixture<PostgresApp>;
