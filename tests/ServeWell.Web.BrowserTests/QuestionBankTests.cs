using System.Text;
using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>A training officer imports a GIFT file: a bad line is named and nothing is imported; the corrected file imports after confirmation.</summary>
[Collection(Collections.People)]
public sealed class QuestionBankTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task ImportGift_WithOneBadLine_NamesTheLine_ThenTheCorrectedFileImports(string viewport)
    {
        var root = "Browser " + Guid.NewGuid().ToString("N")[..8];
        string Gift(string grade) => $"$CATEGORY: $course$/top/{root}\n\n::Greeting:: What do you say first? {{\n=Hello #Right\n~Next #Rude\n}}\n\n::Calm:: Pick the calm words {{\n~%50%Sorry\n~%{grade}%I will check\n~%-100%Rules are rules\n}}\n";
        await using var session = await fixture.OpenAsync(Viewport.Named(viewport));
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.TrainingOfficer);
        if (viewport == "desktop")
        {
            await page.FollowMainNavigationAsync("Question bank");
        }
        else
        {
            await page.GotoAsync("/Learning/Bank");
        }

        await Expect(page.PageHeading()).ToHaveTextAsync("Question bank");
        await session.CheckPageAsync("question-bank");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import questions" }).ClickAsync();
        await session.CheckPageAsync("question-import");

        await page.GetByLabel("GIFT or Moodle XML file").SetInputFilesAsync(new FilePayload { Name = "bank.gift.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(Gift("33")) });
        await page.GetByLabel("Language of the texts").SelectOptionAsync("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        var problems = page.GetByRole(AriaRole.Alert);
        await Expect(problems).ToContainTextAsync("1 problems: nothing will be imported");
        await Expect(problems.GetByRole(AriaRole.Listitem)).ToHaveTextAsync("line 10: 33% is not one of Moodle's grades.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import 2 questions" })).ToHaveCountAsync(0);
        await session.CheckPageAsync("question-import-problems");

        await page.GetByRole(AriaRole.Link, new() { Name = "Choose another file" }).ClickAsync();
        await page.GetByLabel("GIFT or Moodle XML file").SetInputFilesAsync(new FilePayload { Name = "bank.gift.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(Gift("50")) });
        await page.GetByLabel("Language of the texts").SelectOptionAsync("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByText(root)).ToBeVisibleAsync();
        await session.CheckPageAsync("question-import-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 questions" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 2 questions from bank.gift.txt; 1 new categories.");
        await page.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = root });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Questions" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await session.CheckPageAsync("question-bank-imported");
        await page.GetByRole(AriaRole.Link, new() { Name = "Calm" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Calm");
        await session.CheckPageAsync("question-view");
    }
}
