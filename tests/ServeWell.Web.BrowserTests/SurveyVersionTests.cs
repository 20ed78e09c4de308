using ServeWell.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

/// <summary>An administrator changes what a touchpoint's survey asks; citizens see the published version.</summary>
[Collection(Collections.Feedback)]
public sealed class SurveyVersionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Administrator_TurnsOffAQuestion_AndRewordsOverall_Publishes_AndCitizensSeeIt()
    {
        var name = "Counter survey " + Guid.NewGuid().ToString("N")[..6];
        var (surveyId, code) = await DbAsync(async db =>
        {
            var survey = new SurveyDefinition { Name = name, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.SurveyDefinitions.Add(survey);
            await db.SaveChangesAsync();
            db.SurveyVersions.Add(new SurveyVersion { SurveyDefinitionId = survey.Id, Number = 1, Questions = survey.DraftQuestions, Texts = "{}", PublishedAt = DateTime.UtcNow });
            var unit = await db.Touchpoints.Select(t => t.OrgUnitId).FirstAsync();
            var touchpoint = new Touchpoint { Label = LocalText.Of("Survey test counter", "설문 시험 창구"), Code = TouchpointCodes.New(), OrgUnitId = unit, CreatedAt = DateTime.UtcNow, SurveyDefinitionId = survey.Id };
            db.Touchpoints.Add(touchpoint);
            await db.SaveChangesAsync();
            return (survey.Id, touchpoint.Code);
        });
        await using var session = await fixture.OpenAsync(Viewport.Phone);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Administrator);

        await page.GotoAsync("/Feedback/Surveys");
        await Expect(page.PageHeading()).ToHaveTextAsync("Surveys");
        await session.CheckPageAsync("surveys");
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Edit survey");
        await session.CheckPageAsync("survey-edit");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Time it took", Exact = true }).UncheckAsync();
        await page.GetByLabel("Overall satisfaction (English)").FillAsync("How was your visit to our counter today?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and preview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "How was your visit to our counter today?" })).ToBeVisibleAsync();
        await session.CheckPageAsync("survey-preview");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Version 2 is published");

        await page.GotoAsync($"/f/{code}?lang=en");
        await Expect(page.PageHeading()).ToHaveTextAsync("How did we do?");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "How was your visit to our counter today?" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "The time it took" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Courtesy of staff" })).ToBeVisibleAsync();
        await session.CheckPageAsync("survey-custom");
        var versions = await DbAsync(db => db.SurveyVersions.Where(v => v.SurveyDefinitionId == surveyId).OrderBy(v => v.Number).Select(v => v.Questions).ToListAsync());
        versions.Count.ShouldBe(2);
        versions[0].ShouldContain("timeliness");
        versions[1].ShouldNotContain("timeliness");
    }

    private async Task<T> DbAsync<T>(Func<ServeWellDbContext, Task<T>> work)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ServeWellDbContext>());
    }
}
