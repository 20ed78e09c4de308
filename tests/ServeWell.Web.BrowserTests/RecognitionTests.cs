using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Recognition.Jury;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// The courtesy award on a phone (issue 16): a citizen nominates from a survey's thank-you page, a juror scores, the mayor
/// approves, the wall shows the awardee. The round's schedule is moved by the service the leased job calls, not waited for.
/// </summary>
[Collection(Collections.Feedback)]
public sealed class RecognitionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task CitizenNominatesFromTheThankYouPage_JurorScores_MayorApproves_WallShowsTheAwardee()
    {
        var round = await DbAsync(db => db.AwardRounds.AsNoTracking().Where(r => r.Stage == RoundStage.Nominating).OrderBy(r => r.Id).FirstAsync());
        var code = await DbAsync(db => db.Touchpoints.Where(t => t.Kind == TouchpointKind.Counter && t.RetiredAt == null && t.EmployeeId == null)
            .OrderBy(t => t.Id).Select(t => t.Code).FirstAsync());

        // The citizen: the survey, its thank-you page, the nomination.
        await using var citizen = await fixture.OpenAsync(Viewport.Phone);
        var page = citizen.Page;
        await page.GotoAsync($"/f/{code}?lang=en");
        await page.GetByRole(AriaRole.Group, new() { Name = "Overall, how satisfied are you with the service you received today?" }).GetByText("5").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Thank you");
        await page.GetByRole(AriaRole.Link, new() { Name = "Was an employee especially courteous? Nominate them for the monthly courtesy award." }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Nominate a courteous employee");
        await citizen.CheckPageAsync("recognise");
        await page.GetByRole(AriaRole.Radio).First.CheckAsync();
        await page.GetByLabel("What happened?").FillAsync("She found my lost form and walked me through it. Call me at 010-2222-3333.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send nomination" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your nomination reaches the award's jury");
        await citizen.CheckPageAsync("recognise-sent");
        var story = await DbAsync(db => db.AwardNominations.AsNoTracking().Where(n => n.RoundId == round.Id && n.Source == NominationSource.Citizen)
            .OrderByDescending(n => n.Id).Select(n => n.Story).FirstAsync());
        story.ShouldStartWith("She found my lost form");
        story.ShouldNotContain("2222-3333");

        // Nominations close: the instructor sits on the jury.
        await DbAsync(async db =>
        {
            var instructor = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Instructor);
            if (!await db.AwardJurors.AnyAsync(j => j.RoundId == round.Id && j.UserId == instructor.Id))
            {
                db.AwardJurors.Add(new Juror { RoundId = round.Id, UserId = instructor.Id, Name = instructor.DisplayName, AddedAtUtc = DateTime.UtcNow });
            }

            return await db.SaveChangesAsync();
        });
        await MoveAsync(round.SchemeId, round.ClosesOn);
        var jury = await DbAsync(db => db.AwardRounds.AsNoTracking().SingleAsync(r => r.Id == round.Id));
        jury.Stage.ShouldBe(RoundStage.Jury);

        await using (var juror = await fixture.OpenAsync(Viewport.Phone))
        {
            await juror.SignInAsync(DemoAccounts.Instructor);
            await juror.Page.GotoAsync($"/Recognition/Rounds/{round.Id}");
            await juror.CheckPageAsync("round-jury");
            var form = juror.Page.Locator("form[action*='handler=Score']").First;
            foreach (var (label, mark) in new[] { ("Difficulty of the case", "4"), ("Courtesy", "5"), ("The citizen's satisfaction", "5"), ("Resolution", "4") })
            {
                await form.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(mark);
            }

            await form.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(juror.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your score is saved.");
        }

        // The jury closes; the mayor approves after the confirmation.
        await MoveAsync(round.SchemeId, jury.JuryClosesOn);
        (await DbAsync(db => db.AwardRounds.AsNoTracking().SingleAsync(r => r.Id == round.Id))).Stage.ShouldBe(RoundStage.Approval);
        await using (var mayor = await fixture.OpenAsync(Viewport.Phone))
        {
            await mayor.SignInAsync(DemoAccounts.Leader);
            await mayor.Page.GotoAsync($"/Recognition/Rounds/{round.Id}/Decide");
            await Expect(mayor.Page.PageHeading()).ToHaveTextAsync("Approve the jury's result?");
            await mayor.CheckPageAsync("round-decide");
            await mayor.Page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
            await Expect(mayor.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The round is approved and the award announced.");
        }

        // The awardee agrees to the wall (their own switch on their profile); the citizen sees them there.
        var awardee = await DbAsync(async db =>
        {
            var award = await db.Awards.SingleAsync(a => a.RoundId == round.Id);
            award.ShownOnWall = true;
            await db.SaveChangesAsync();
            return await db.Employees.Where(e => e.Id == award.EmployeeId).Select(e => e.Name).SingleAsync();
        });
        await page.GotoAsync("/recognition/wall?lang=en");
        await Expect(page.GetByText(awardee).First).ToBeVisibleAsync();
        await citizen.CheckPageAsync("recognition-wall");
    }

    private async Task MoveAsync(int schemeId, DateOnly day)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var start = scope.ServiceProvider.GetRequiredService<CityClock>().StartOf(day);
        await scope.ServiceProvider.GetRequiredService<RoundSchedule>().MoveAsync(start, CancellationToken.None, schemeId);
    }

    private async Task<T> DbAsync<T>(Func<ServeWellDbContext, Task<T>> work)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ServeWellDbContext>());
    }
}
