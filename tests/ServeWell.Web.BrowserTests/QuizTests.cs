using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Modules.Learning.Quizzes;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.BrowserTests;

/// <summary>Quizzes (ADR-044): an employee takes a timed quiz on a phone, one question per screen, submits and sees the result.</summary>
[Collection(Collections.People)]
public sealed class QuizTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Employee_TakesATimedQuizOnAPhone_SubmitsAndSeesTheResult()
    {
        var (quizId, title) = await QuizAsync(fixture, minutes: 10);
        await CourseTests.SelfStudyForTheDemoEmployeeAsync(fixture, quizId); // a quiz is taken as a lesson of one's course (ADR-049)

        await using var phone = await fixture.OpenAsync(Viewport.Phone);
        var page = phone.Page;
        await phone.SignInAsync(DemoAccounts.Employee);
        await page.GotoAsync($"/Learning/Quiz/{quizId}");
        await Expect(page.PageHeading()).ToHaveTextAsync(title);
        await phone.CheckPageAsync("quiz");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Question 1 of 2");
        await Expect(page.GetByRole(AriaRole.Timer)).ToContainTextAsync("Time left");
        await phone.CheckPageAsync("quiz-question");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the question scrolls sideways on a phone");
        await page.GetByLabel("Hello").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and go to the next question" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Answer saved: 1 of 2 questions answered.");
        await Expect(page.PageHeading()).ToHaveTextAsync("Question 2 of 2");
        await page.GetByLabel("Hello").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" }).ClickAsync();

        await Expect(page.PageHeading()).ToHaveTextAsync("Submit your answers?");
        await phone.CheckPageAsync("quiz-submit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your answers have been submitted and graded.");
        await Expect(page.PageHeading()).ToHaveTextAsync($"Your result: {title}");
        await Expect(page.GetByTestId("score")).ToContainTextAsync("Your score: 100%");
        await phone.CheckPageAsync("quiz-result");
    }

    /// <summary>A bank category of two single-choice questions ("Hello" right) and a quiz drawing both, timed when minutes are given.</summary>
    internal static async Task<(int Id, string Title)> QuizAsync(BrowserFixture fixture, int? minutes)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var category = new QuestionCategory { Name = LocalText.Of("Greetings " + Guid.NewGuid().ToString("N")[..6], "") };
        foreach (var name in new[] { "First words", "On the phone" })
        {
            db.Add(Question.From(new BankQuestion([], QuestionType.SingleChoice, name, LocalText.Of($"{name}: what do you say?", ""), TextFormat.Plain, LocalText.Empty, true, false,
                [BankOption.Of(LocalText.Of("Hello", ""), 1m), BankOption.Of(LocalText.Of("Next", ""), 0m), BankOption.Of(LocalText.Of("Wait there", ""), 0m)]), category));
        }

        await db.SaveChangesAsync();
        var title = "Greeting check " + Guid.NewGuid().ToString("N")[..6];
        var (quiz, problems) = await scope.ServiceProvider.GetRequiredService<EditQuiz>().SaveAsync(null, new QuizForm
        {
            Title = new LocalTextForm { En = title }, PassPercent = 50, TimeLimitMinutes = minutes, Review = QuizReview.RightOrWrong,
            Draws = [new DrawForm { CategoryId = category.Id, Count = 2 }],
        }, "officer", CancellationToken.None);
        problems.ShouldBeEmpty();
        return (quiz!.Id, title);
    }
}
