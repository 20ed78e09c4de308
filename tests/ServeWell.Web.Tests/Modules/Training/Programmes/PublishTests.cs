using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Enrolments;
using ServeWell.Web.Tests.Modules.Training.Registrations;

namespace ServeWell.Web.Tests.Modules.Training.Programmes;

/// <summary>A programme is a draft until published after a confirmation; invitations go out in each person's language (ADR-031).</summary>
public abstract class PublishTests(AppHost app)
{
    [Fact]
    public async Task SaveDraft_EnrolsAndMailsNobody_PublishAfterConfirmation_InvitesTheAudience()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        var people = new[] { await app.CreateEmployeeAsync(unit.Code), await app.CreateEmployeeAsync(unit.Code), await app.CreateEmployeeAsync(unit.Code) };
        var programme = await app.CreateProgrammeAsync(new AudienceRule { OrgUnitCodes = [unit.Code] }, publish: false);
        await InviteAsync();

        var draftEnrolments = await app.EnrolmentsAsync(programme.Id);
        var draftMails = await app.MailsToAsync(people[0].Email);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var details = await officer.GetPageAsync($"/Training/Programmes/Details/{programme.Id}");
        var path = $"/Training/Programmes/Publish/{programme.Id}";
        var confirm = await officer.GetPageAsync(path);
        using var published = await officer.SubmitAsync(confirm, path, new Dictionary<string, string>(), fieldName: null);
        var after = await officer.GetPageAsync(published.Headers.Location!.OriginalString);
        await InviteAsync();

        draftEnrolments.ShouldBeEmpty();
        draftMails.ShouldBeEmpty();
        details.Text("#draft-notice").ShouldContain("nobody is enrolled or mailed");
        confirm.Text("main").ShouldContain("3 people will be invited and will receive an invitation mail");
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Text("[role=status]").ShouldContain("3 people are enrolled");
        (await app.EnrolmentsAsync(programme.Id)).Count.ShouldBe(3);
        foreach (var person in people)
        {
            // Other tests of this app may publish programmes whose audience reaches these people too: count this one's.
            (await app.MailsToAsync(person.Email)).Count(m => (m.Subject ?? "").Contains(programme.Title.For("en"), StringComparison.Ordinal)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Api_CreateMakesADraft_PublishEndpointEnrols()
    {
        var unit = await app.CreateOrgUnitAsync("O-CIVIL");
        await app.CreateEmployeeAsync(unit.Code);
        await app.CreateEmployeeAsync(unit.Code);
        using var api = app.ApiClient();

        using var created = await api.PostAsJsonAsync("/api/v1/programmes", new { title = TestData.Unique("Draft by API "), delivery = "InPerson", hours = 1, audience = new { orgUnitCodes = new[] { unit.Code } } });
        var body = await created.ReadJsonAsync();
        var id = body.GetProperty("id").GetInt32();
        var enrolledAsDraft = (await app.EnrolmentsAsync(id)).Count;
        using var publish = await api.PostAsync($"/api/v1/programmes/{id}/publish", null);
        var result = await publish.ReadJsonAsync();
        using var again = await api.PostAsync($"/api/v1/programmes/{id}/publish", null);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        body.GetProperty("state").GetString().ShouldBe("Draft");
        enrolledAsDraft.ShouldBe(0);
        publish.StatusCode.ShouldBe(HttpStatusCode.OK);
        result.GetProperty("invited").GetInt32().ShouldBe(2);
        (await again.ReadJsonAsync()).GetProperty("invited").GetInt32().ShouldBe(0);
        (await api.GetOkAsync<System.Text.Json.JsonElement>($"/api/v1/programmes/{id}")).GetProperty("state").GetString().ShouldBe("Published");
    }

    [Fact]
    public async Task Invitation_WithoutAccount_InTheCitysKorean_WithEnglishAccount_InEnglish()
    {
        // A Korean city (the demo's setting); the shared test apps speak English by default.
        await using var korean = await AppHost.StartIsolatedAsync(app.Kind, new Dictionary<string, string?> { ["City:DefaultLanguage"] = "ko" });
        var setup = await korean.ProgrammeWithPeopleAsync(2);
        await korean.AccountForAsync(setup.People[1], culture: "en");

        await korean.UseAsync<SessionRounds, int>(r => r.SendInvitationsAsync(CancellationToken.None));

        (await korean.MailsToAsync(setup.People[0].Email)).ShouldHaveSingleItem().Subject.ShouldBe($"교육: {setup.Programme.Title.For("ko")} — 차수를 선택하세요");
        (await korean.MailsToAsync(setup.People[1].Email)).ShouldHaveSingleItem().Subject.ShouldBe($"Training: {setup.Programme.Title.For("en")} — choose a session");
    }

    private Task<int> InviteAsync() => app.UseAsync<SessionRounds, int>(r => r.SendInvitationsAsync(CancellationToken.None));
}

public sealed class PublishSqliteTests(SqliteApp app) : PublishTests(app), IClassFixture<SqliteApp>;

public sealed class PublishPostgresTests(PostgresApp app) : PublishTests(app), IClassFixture<PostgresApp>;
