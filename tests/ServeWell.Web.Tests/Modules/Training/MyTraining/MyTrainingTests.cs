using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.MyTraining;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;
using ServeWell.Web.Tests.Modules.Training.Registrations;

namespace ServeWell.Web.Tests.Modules.Training.MyTraining;

/// <summary>"My training" (ADR-032): one page, each programme's one true next step as its primary action.</summary>
public abstract class MyTrainingTests(AppHost app)
{
    [Fact]
    public async Task NextStep_GoesFromChoosingToAttendingToCheckingIn_AndAQueuedPersonWaits()
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 1);
        using var first = await app.SignInAsync(await app.AccountForAsync(setup.People[0]));
        using var second = await app.SignInAsync(await app.AccountForAsync(setup.People[1]));
        var title = setup.Programme.Title.En;

        var page = await first.GetPageAsync("/Training/My");
        Step(page, title).ShouldBe(nameof(StepKind.ChooseSession));
        Section(page, title).Text(".next-step").ShouldContain("Choose a session below.");

        await app.RegisterAsync(session.Id, setup.People[0].Id);
        await app.RegisterAsync(session.Id, setup.People[1].Id);
        var attending = await first.GetPageAsync("/Training/My");
        Step(attending, title).ShouldBe(nameof(StepKind.Attend));
        Step(await second.GetPageAsync("/Training/My"), title).ShouldBe(nameof(StepKind.Waitlisted));

        // The session begins in ten minutes: time to check in.
        var soon = DateTime.UtcNow.AddMinutes(10);
        await app.DbAsync(db => db.TrainingSessions.Where(s => s.Id == session.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAtUtc, soon).SetProperty(x => x.EndsAtUtc, soon.AddHours(2))));
        var checkIn = await first.GetPageAsync("/Training/My");
        Step(checkIn, title).ShouldBe(nameof(StepKind.CheckIn));
        Section(checkIn, title).Text(".next-step").ShouldContain("check in by scanning the code");
    }

    [Fact]
    public async Task NextStep_AfterAttending_IsTheEvaluation_ThenTheCertificate()
    {
        var c = await app.CreateTrainingCaseAsync(people: 1, configure: r => r.Completion = new CompletionRequest { EvaluationSubmitted = true });
        var employee = c.People[0];
        await app.AttendAsync(c, employee);
        using var client = await app.SignInAsEmployeeAsync(employee);

        var page = await client.GetPageAsync("/Training/My");
        Step(page, c.Programme.Title.En).ShouldBe(nameof(StepKind.Evaluate));
        var evaluate = Section(page, c.Programme.Title.En).QuerySelector(".next-step a.button")!;
        evaluate.GetAttribute("href").ShouldBe($"/Training/Evaluations/Session/{c.Session.Id}");

        var path = evaluate.GetAttribute("href")!;
        using var sent = await client.SubmitAsync(await client.GetPageAsync(path), path, new Dictionary<string, string>
        {
            ["Form.Relevance"] = "4", ["Form.Instructor"] = "5", ["Form.Confidence"] = "3",
        });
        sent.Headers.Location!.OriginalString.ShouldBe("/Training/My");

        var after = await client.GetPageAsync("/Training/My");
        after.Text("[role=status]").ShouldBe("Thank you: your evaluation has been saved.");
        Step(after, c.Programme.Title.En).ShouldBe(nameof(StepKind.DownloadCertificate));
        var code = await app.DbAsync(db => db.Certificates.Where(x => x.EmployeeId == employee.Id).Select(x => x.Code).SingleAsync());
        Section(after, c.Programme.Title.En).QuerySelector(".next-step a.button")!.GetAttribute("href").ShouldBe($"/Training/Certificates/{code}/pdf");
        Section(after, c.Programme.Title.En).Text(".history").ShouldContain("sent, thank you");
        after.Text("#certificates-heading + *").ShouldContain(c.Programme.Title.En);
    }

    [Fact]
    public async Task OldTrainingRecordAddress_RedirectsToMyTraining()
    {
        using var anonymous = app.Anonymous();

        using var response = await anonymous.GetAsync("/Training/Record");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/Training/My");
    }

    [Fact]
    public async Task CancelMyPlace_AsksWithTheConsequence_AndAPostWithoutConfirmationDoesNothing()
    {
        var setup = await app.ProgrammeWithPeopleAsync(2);
        var session = await app.SessionAsync(setup.Programme.Id, capacity: 1);
        await app.RegisterAsync(session.Id, setup.People[0].Id);
        await app.RegisterAsync(session.Id, setup.People[1].Id);
        using var client = await app.SignInAsync(await app.AccountForAsync(setup.People[0]));

        var page = await client.GetPageAsync("/Training/My");
        var link = Section(page, setup.Programme.Title.En).QuerySelector("a[href*='handler=Cancel']")!.GetAttribute("href")!;
        var confirm = await client.GetPageAsync(link);
        confirm.Text("h1").ShouldStartWith("Give up your place on");
        confirm.Text(".confirm-consequences").ShouldContain("goes to the first of the 1 people on the waitlist");

        using var unconfirmed = await client.Http.PostAsync("/Training/My?handler=Cancel", new FormUrlEncodedContent(
            Html.FieldsOf(Html.FindForm(confirm, "sessionId")).Where(f => f.Key != "confirmed")));
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.RegistrationAsync(session.Id, setup.People[0].Id)).State.ShouldBe(RegistrationState.Registered);

        using var confirmed = await client.SubmitAsync(confirm, "/Training/My", new Dictionary<string, string>(), "sessionId");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.RegistrationAsync(session.Id, setup.People[0].Id)).State.ShouldBe(RegistrationState.Cancelled);
        (await app.RegistrationAsync(session.Id, setup.People[1].Id)).State.ShouldBe(RegistrationState.Registered);
        (await client.GetPageAsync("/Training/My")).Text("[role=status]").ShouldStartWith("Your place on");
    }

    private static IElement Section(IHtmlDocument page, string title) =>
        page.QuerySelectorAll("section.my-programme").First(s => s.Text("h2") == title);

    private static string? Step(IHtmlDocument page, string title) => Section(page, title).GetAttribute("data-step");
}

public sealed class MyTrainingSqliteTests(SqliteApp app) : MyTrainingTests(app), IClassFixture<SqliteApp>;

public sealed class MyTrainingPostgresTests(PostgresApp app) : MyTrainingTests(app), IClassFixture<PostgresApp>;
