using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Modules.Learning.Refreshers;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.BrowserTests;

/// <summary>Spaced refreshers (ADR-050): the employee answers a due question on a phone without JavaScript and sees right or wrong with the feedback.</summary>
[Collection(Collections.People)]
public sealed class RefresherTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Employee_AnswersARefresherOnAPhoneWithoutScript_AndSeesTheResultWithItsFeedback()
    {
        await DueQuestionAsync();

        await using var phone = await fixture.OpenAsync(Viewport.Phone, javaScript: false);
        var page = phone.Page;
        await phone.SignInAsync(DemoAccounts.Employee);
        await page.GotoAsync("/Learning");
        await page.GetByRole(AriaRole.Link, new() { Name = "Answer them now" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Refreshers");
        await Expect(page.GetByText("What do you say first on the phone?")).ToBeVisibleAsync();
        await phone.CheckPageAsync("refresher");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the refresher scrolls sideways on a phone");

        await page.GetByLabel("Say hello and your name").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my answer" }).ClickAsync();

        await Expect(page.PageHeading()).ToHaveTextAsync("Right");
        await Expect(page.GetByText("The question moves up to box 2")).ToBeVisibleAsync();
        await Expect(page.GetByText("Greet every caller before anything else.")).ToBeVisibleAsync();
        await phone.CheckPageAsync("refresher-answer");
    }

    /// <summary>A question the demo employee missed, due for a month, so it is the first one asked.</summary>
    private async Task DueQuestionAsync()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var employeeId = await db.Users.Where(u => u.Email == DemoAccounts.Employee).Select(u => u.EmployeeId).FirstAsync();
        var courseId = await db.Courses.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var today = scope.ServiceProvider.GetRequiredService<CityClock>().Today;
        var question = new BankQuestion(
            [], QuestionType.SingleChoice, "First words", LocalText.Of("What do you say first on the phone?", ""), TextFormat.Plain,
            LocalText.Of("Greet every caller before anything else.", ""), false, false,
            [BankOption.Of(LocalText.Of("Say hello and your name", ""), 1m), BankOption.Of(LocalText.Of("Ask for their number", ""), 0m)]);
        db.Add(new RefresherCard
        {
            EmployeeId = employeeId!.Value, CourseId = courseId, QuestionId = -Random.Shared.Next(1, int.MaxValue), Question = FrozenQuestion.ToJson(question),
            Box = 1, HighestBox = 1, EnteredOn = today.AddDays(-31), DueOn = today.AddDays(-30),
        });
        await db.SaveChangesAsync();
    }
}
