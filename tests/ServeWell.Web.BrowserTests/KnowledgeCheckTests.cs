using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// A programme's knowledge check before its session is a quiz of the bank (ADR-048): the demo employee, invited to it on
/// "My training", takes it on a phone on the quiz's pages and finds the result on the check's page and in the ledger.
/// </summary>
[Collection(Collections.People)]
public sealed class KnowledgeCheckTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Employee_TakesTheCheckBeforeTheSession_AsAQuiz_OnAPhone()
    {
        await using var phone = await fixture.OpenAsync(Viewport.Phone);
        var page = phone.Page;
        await phone.SignInAsync(DemoAccounts.Employee);
        await page.GotoAsync("/Training/My");
        await page.GetByRole(AriaRole.Link, new() { Name = "Take the knowledge check before the session" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Knowledge check before the session");
        await phone.CheckPageAsync("check");
        var programmeId = int.Parse(page.Url.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);

        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Question 1 of \\d+$"));
        await phone.CheckPageAsync("check-question");
        var questions = int.Parse((await page.PageHeading().TextContentAsync())!.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
        for (var q = 1; q <= questions; q++)
        {
            await Expect(page.PageHeading()).ToHaveTextAsync($"Question {q} of {questions}");
            await AnswerAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = q < questions ? "Save and go to the next question" : "Save and finish" }).ClickAsync();
        }

        await Expect(page.PageHeading()).ToHaveTextAsync("Submit your answers?");
        await Expect(page.GetByText($"You have answered {questions} of {questions} questions.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your answers have been submitted and graded.");
        await phone.CheckPageAsync("check-result");

        await page.GotoAsync($"/Learning/Checks/{programmeId}/Pre");
        await Expect(page.GetByTestId("check-result")).ToContainTextAsync("Thank you: the same questions follow after the session.");
        var ledger = await LedgerAsync(programmeId);
        ledger.ShouldHaveSingleItem().ShouldBe("Pre");
    }

    /// <summary>Gives some answer of the form the question asks for: the first choice, a word, or items in their order.</summary>
    private static async Task AnswerAsync(IPage page)
    {
        var form = page.Locator("form.quiz-question");
        if (await form.Locator("input[type=radio], input[type=checkbox]").CountAsync() > 0)
        {
            await form.Locator("input[type=radio], input[type=checkbox]").First.CheckAsync();
        }
        else if (await form.Locator("input[name=text]").CountAsync() > 0)
        {
            await form.Locator("input[name=text]").FillAsync("kindness");
        }
        else
        {
            var selects = form.Locator("select");
            var n = await selects.CountAsync();
            for (var i = 0; i < n; i++)
            {
                await selects.Nth(i).SelectOptionAsync(new SelectOptionValue { Index = (await selects.Nth(i).GetAttributeAsync("name")) == "match" ? 1 : i + 1 });
            }
        }
    }

    private async Task<List<string>> LedgerAsync(int programmeId)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var employeeId = await db.Users.Where(u => u.Email == DemoAccounts.Employee).Select(u => u.EmployeeId!.Value).SingleAsync();
        return await db.KnowledgeAttempts.AsNoTracking().Where(a => a.ProgrammeId == programmeId && a.EmployeeId == employeeId && a.QuizAttemptId != null)
            .Select(a => a.Phase.ToString()).ToListAsync();
    }
}
