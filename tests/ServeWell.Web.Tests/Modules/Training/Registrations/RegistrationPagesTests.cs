using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Localization;

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
        page.QuerySelectorAll("h2").Select(h => h.TextContent).ShouldContain(setup.Programme.Title.En);
        using var chosen = await PostAsync(client, page, "Register", first.Id);
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetPageAsync("/Training/My");
        after.QuerySelector("[role=status]")!.TextContent.ShouldContain("Your place is booked");
        after.QuerySelector(".my-place h3")!.TextContent.ShouldBe("Your session");

        using var switched = await PostAsync(client, after, "Register", second.Id);
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.RegistrationAsync(first.Id, person.Id)).State.ShouldBe(RegistrationState.Cancelled);
        (await app.RegistrationAsync(second.Id, person.Id)).State.ShouldBe(RegistrationState.Registered);

        var confirm = await client.GetPageAsync($"/Training/My?handler=Cancel&sessionId={second.Id}");
        using var cancelled = await client.SubmitAsync(confirm, "/Training/My", new Dictionary<string, string>(), "sessionId");
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
    public async Task RegistrationsPage_OfficerFindsByNumberRegistersAndSeesTheWaitlist()
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 1);
        await app.RegisterAsync(session.Id, setup.People[0].Id);
        using var client = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Training/Programmes/{setup.Programme.Id}/Sessions/{session.Id}/Registrations";

        var found = await client.GetPageAsync($"{path}?q={setup.People[1].EmployeeNumber}");
        using var response = await client.SubmitAsync(found, path + "?handler=Register", new Dictionary<string, string>(), "EmployeeNumber");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetPageAsync(path);
        page.QuerySelector("[role=status]")!.TextContent.ShouldBe($"The session is full: {setup.People[1].Name} ({setup.People[1].EmployeeNumber}) is on the waitlist.");
        page.QuerySelector("#waitlist-heading")!.TextContent.ShouldContain("(1)");
        page.Body!.TextContent.ShouldContain(setup.People[1].EmployeeNumber);

        using var unknown = await PostWithTokenAsync(client, await client.GetPageAsync(path), path + "?handler=Register", new() { ["EmployeeNumber"] = "NOBODY-9" });
        var again = await Html.ParseAsync(unknown);
        again.QuerySelector(".error-summary")!.TextContent.ShouldContain("NOBODY-9");
    }

    [Fact]
    public async Task RegistrationsPage_SearchByName_ListsMatchesWithARegisterButtonEach()
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 5);
        var name = TestData.Unique("Searchable ");
        await app.DbAsync(db => db.Employees.Where(e => e.Id == setup.People[1].Id).ExecuteUpdateAsync(x => x.SetProperty(e => e.Name, name)));
        using var client = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Training/Programmes/{setup.Programme.Id}/Sessions/{session.Id}/Registrations";

        var found = await client.GetPageAsync($"{path}?q={Uri.EscapeDataString(name[4..].ToUpperInvariant())}");

        var items = found.QuerySelectorAll(".search-result li");
        items.Length.ShouldBe(1);
        items[0].TextContent.ShouldContain(setup.People[1].EmployeeNumber);
        items[0].QuerySelector("button")!.TextContent.ShouldContain("Register");
        using var registered = await client.SubmitAsync(found, path + "?handler=Register", new Dictionary<string, string>(), "EmployeeNumber");
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.RegistrationAsync(session.Id, setup.People[1].Id)).State.ShouldBe(RegistrationState.Registered);
        (await client.GetPageAsync($"{path}?q={Uri.EscapeDataString(name)}")).Text(".search-result li").ShouldContain("Already registered or waiting");
        (await client.GetPageAsync($"{path}?q=zz-nobody-zz")).Text(".search-result").ShouldBe("Nobody in your scope matches “zz-nobody-zz”.");
    }

    [Fact]
    public async Task RegistrationsPage_CancelAndWithdraw_AskWithTheConsequence_AndAPostWithoutConfirmationDoesNothing()
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 1);
        var person = setup.People[0];
        await app.RegisterAsync(session.Id, person.Id);
        await app.RegisterAsync(session.Id, setup.People[1].Id);
        using var client = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Training/Programmes/{setup.Programme.Id}/Sessions/{session.Id}/Registrations";
        var list = await client.GetPageAsync(path);

        using var unconfirmed = await PostWithTokenAsync(client, list, path + "?handler=Cancel", new() { ["EmployeeNumber"] = person.EmployeeNumber });
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        unconfirmed.Headers.Location!.OriginalString.ShouldContain("handler=Cancel");
        (await app.RegistrationAsync(session.Id, person.Id)).State.ShouldBe(RegistrationState.Registered);

        var confirm = await client.GetPageAsync(unconfirmed.Headers.Location!.OriginalString);
        confirm.Text("h1").ShouldBe($"Cancel the place of {person.Name}?");
        confirm.Text(".confirm-consequences").ShouldContain($"{person.Name} loses their place on");
        confirm.Text(".confirm-consequences").ShouldContain("The first of the 1 people on the waitlist gets the place and is told by email.");
        using var cancelled = await client.SubmitAsync(confirm, path, new Dictionary<string, string>(), "EmployeeNumber");
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.RegistrationAsync(session.Id, person.Id)).State.ShouldBe(RegistrationState.Cancelled);
        (await client.GetPageAsync(path)).Text("[role=status]").ShouldBe($"The place of {person.Name} ({person.EmployeeNumber}) is cancelled.");

        var other = setup.People[1];
        var withdraw = await client.GetPageAsync($"{path}?handler=Withdraw&EmployeeNumber={other.EmployeeNumber}");
        withdraw.Text("h1").ShouldBe($"Withdraw {other.Name} from {setup.Programme.Title}?");
        withdraw.Text(".confirm-consequences").ShouldContain("they are told by email");
        (await app.EnrolmentsAsync(setup.Programme.Id))[other.Id].State.ShouldNotBe(EnrolmentState.Withdrawn);
        using var withdrawn = await client.SubmitAsync(withdraw, path, new Dictionary<string, string>(), "EmployeeNumber");
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.EnrolmentsAsync(setup.Programme.Id))[other.Id].State.ShouldBe(EnrolmentState.Withdrawn);
    }

    [Fact]
    public async Task CancelSessionPage_SaysHowManyPeopleWillBeTold_AndTheNoticeSaysTheyWere()
    {
        var setup = await app.ProgrammeWithPeopleAsync(3);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 2);
        foreach (var person in setup.People)
        {
            await app.RegisterAsync(session.Id, person.Id);
        }

        using var client = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Training/Programmes/{setup.Programme.Id}/Sessions/Cancel/{session.Id}";

        var page = await client.GetPageAsync(path);

        page.Text(".confirm-consequences").ShouldContain("2 people are registered and 1 are waiting; all of them will be told by email.");
        using var done = await client.SubmitAsync(page, path, new Dictionary<string, string>());
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync(done.Headers.Location!.OriginalString)).Text("[role=status]").ShouldEndWith("cancelled; 3 people were told.");
    }

    /// <summary>A post as a browser without the page's form would send it: the antiforgery token and the given fields only.</summary>
    private static Task<HttpResponseMessage> PostWithTokenAsync(StaffClient client, IHtmlDocument page, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return client.Http.PostAsync(url, new FormUrlEncodedContent(fields));
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
