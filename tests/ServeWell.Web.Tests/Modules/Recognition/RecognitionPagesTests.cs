using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using static ServeWell.Web.Tests.Modules.Recognition.RecognitionTestData;

namespace ServeWell.Web.Tests.Modules.Recognition;

/// <summary>The recognition pages (ADR-058): a citizen from the thank-you page to a nomination; a juror's score form; the mayor's confirmation.</summary>
public abstract class RecognitionPagesTests(AppHost app)
{
    [Fact]
    public async Task CitizenNominatesFromTheThankYouPage_JurorScoresOnTheRoundPage_MayorConfirms_WallShows()
    {
        var setting = await app.SettingAsync();
        var today = await app.UseAsync<ServeWell.Web.Platform.City.CityClock, DateOnly>(c => Task.FromResult(c.Today));
        var month = new DateOnly(today.Year, today.Month, 1);
        await app.MoveAsync(setting, DateTimeOffset.UtcNow);
        var round = await app.RoundAsync(setting, month);
        var nominee = await app.CreateEmployeeAsync(setting.Office.Code, frontline: true);
        var counter = await app.TouchpointAsync(setting.Office.Id, null);
        using var citizen = app.Anonymous();

        var thanks = await citizen.GetPageAsync($"/f/{counter.Code}/thanks");
        var link = thanks.QuerySelectorAll("main a").Single(a => a.GetAttribute("href")!.StartsWith("/recognise/", StringComparison.Ordinal)).GetAttribute("href")!;
        var page = await citizen.GetPageAsync(link);
        var empty = await citizen.SubmitAsync(page, link, new Dictionary<string, string> { ["Form.Story"] = "" }, "Form.Story");
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        Html.Parse(await empty.Content.ReadAsStringAsync()).QuerySelector(".errors")!.TextContent.ShouldContain("Story: write what the employee did.");
        var sent = await citizen.SubmitAsync(page, link, new Dictionary<string, string> { ["Form.EmployeeId"] = nominee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.Story"] = "서류를 끝까지 챙겨 주셨어요." }, "Form.Story");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await citizen.GetPageAsync(sent.Headers.Location!.OriginalString)).QuerySelector(".notice")!.TextContent.ShouldContain("the employee will not learn who you are");
        (await app.DbAsync(db => db.AwardNominations.CountAsync(n => n.RoundId == round.Id && n.EmployeeId == nominee.Id && n.Source == NominationSource.Citizen))).ShouldBe(1);

        var (juror, jurorEmail) = await app.SignInLinkedAsync(Roles.Employee, null);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        // The office's green card: the survey poster's engine, opening the office's own nomination page.
        using var card = await officer.GetAsync($"/api/v1/recognition/offices/{setting.Office.Code}/green-card.pdf");
        card.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        System.Text.Encoding.ASCII.GetString(await card.Content.ReadAsByteArrayAsync()).ShouldStartWith("%PDF");
        (await citizen.GetPageAsync($"/recognise/{setting.Office.Code}")).QuerySelector("h1")!.TextContent.ShouldContain("Nominate a courteous employee");
        (await officer.Http.PostAsJsonAsync($"{Api}/rounds/{round.Id}/jurors", new { email = jurorEmail })).EnsureSuccessStatusCode();
        await app.MoveAsync(setting, await app.StartOfAsync(month.AddMonths(1)));
        var path = $"/Recognition/Rounds/{round.Id}";
        var roundPage = await juror.GetPageAsync(path);
        var scored = await juror.SubmitAsync(roundPage, path + "?handler=Score", new Dictionary<string, string> { ["Score.Courtesy"] = "5", ["Score.Comment"] = "훌륭합니다" }, "Score.Courtesy");
        scored.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await juror.GetPageAsync(path);
        after.QuerySelector(".notice")!.TextContent.ShouldContain("Your score is saved.");
        after.QuerySelector($"#finalist-{nominee.Id}")!.TextContent.ShouldContain("You have scored this finalist.");

        await app.MoveAsync(setting, await app.StartOfAsync(month.AddMonths(1).AddDays(7)));
        using var mayor = await app.SignInAsRoleAsync(Roles.Leadership);
        var decidePath = $"/Recognition/Rounds/{round.Id}/Decide";
        var confirm = await mayor.GetPageAsync(decidePath);
        confirm.QuerySelector("h1")!.TextContent.ShouldContain("Approve the jury's result?");
        var approved = await mayor.SubmitAsync(confirm, decidePath, new Dictionary<string, string>(), "confirmed");
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.DbAsync(db => db.Awards.CountAsync(a => a.RoundId == round.Id && a.EmployeeId == nominee.Id))).ShouldBe(1);
        (await app.Anonymous().GetPageAsync("/recognition/wall")).QuerySelector("main")!.TextContent.ShouldNotContain(nominee.Name);
        juror.Dispose();
    }
}

public sealed class RecognitionPagesSqliteTests(SqliteApp app) : RecognitionPagesTests(app), IClassFixture<SqliteApp>;

public sealed class RecognitionPagesPostgresTests(PostgresApp app) : RecognitionPagesTests(app), IClassFixture<PostgresApp>;
