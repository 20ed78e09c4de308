using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// A training officer finds the seeded programmes, previews an audience rule, reads the competency catalogue, and creates
/// a programme whose audience rule enrols the matching employees.
/// </summary>
[Collection(Collections.People)]
public sealed class TrainingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Programmes_AsTrainingOfficer_ListDetailsPreviewAndCompetencies()
    {
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.TrainingOfficer);

        await page.FollowMainNavigationAsync("Training programmes");
        await Expect(page.PageHeading()).ToHaveTextAsync("Training programmes");
        await session.CheckPageAsync("programmes");

        await page.GetByRole(AriaRole.Link, new() { Name = "Visiting Courtesy Training", Exact = false }).First.ClickAsync();
        await Expect(page.PageHeading()).ToContainTextAsync("Visiting Courtesy Training");
        await session.CheckPageAsync("programme-details");

        // Opened by address rather than by click: the links are checked, and the page load is awaited by the navigation itself.
        var addSession = await page.GetByRole(AriaRole.Link, new() { Name = "Add a session" }).GetAttributeAsync("href");
        var cancelSession = await page.GetByRole(AriaRole.Link, new() { Name = "Cancel the session of", Exact = false }).First.GetAttributeAsync("href");
        await page.GotoAsync(addSession!);
        await Expect(page.PageHeading()).ToBeVisibleAsync();
        await session.CheckPageAsync("session-new");
        await page.GotoAsync(cancelSession!);
        await Expect(page.PageHeading()).ToBeVisibleAsync();
        await session.CheckPageAsync("session-cancel");

        await page.GotoAsync("/Training/Programmes/Edit");
        await session.CheckPageAsync("programme-new");
        await page.GetByLabel("Grade: at or below").SelectOptionAsync(new SelectOptionValue { Value = "6" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator("#audience-count")).ToContainTextAsync("employees match");
        await session.CheckPageAsync("programme-preview");

        await page.FollowMainNavigationAsync("Competencies");
        await Expect(page.PageHeading()).ToHaveTextAsync("Competencies");
        await Expect(page.GetByText("Active listening").First).ToBeVisibleAsync();
        await session.CheckPageAsync("competencies");
    }

    [Fact]
    public async Task CreateProgramme_ThenPublish_EnrolsWhoTheRuleMatches()
    {
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.TrainingOfficer);
        var title = $"Counter courtesy refresher {Guid.NewGuid():N}"[..36];

        await page.GotoAsync("/Training/Programmes/Edit");
        await page.GetByRole(AriaRole.Group, new() { Name = "Title" }).GetByLabel("English").FillAsync(title);
        await page.GetByLabel("Hours").FillAsync("3");
        await page.GetByLabel("Grade: at or below").SelectOptionAsync(new SelectOptionValue { Value = "6" });
        await page.Locator("#unit-C-WONHYO").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator("#audience-count")).ToContainTextAsync("employees match");
        var matched = (await page.Locator("#audience-count").InnerTextAsync()).Split(' ')[0];
        int.Parse(matched, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.PageHeading()).ToContainTextAsync(title);
        // A saved programme is a draft: nobody is enrolled or mailed until it is published after a confirmation (ADR-031).
        await Expect(page.Locator("#draft-notice")).ToContainTextAsync("nobody is enrolled or mailed");
        await page.GetByRole(AriaRole.Link, new() { Name = "Publish…" }).ClickAsync();
        await Expect(page.GetByText($"{matched} people will be invited")).ToBeVisibleAsync();
        await session.CheckPageAsync("programme-publish");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Publish and invite {matched} people" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The programme is published" })).ToContainTextAsync("The programme is published");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"All: {matched}", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Invited: {matched}", Exact = true })).ToBeVisibleAsync();
        await session.CheckPageAsync("programme-created");
    }
}
