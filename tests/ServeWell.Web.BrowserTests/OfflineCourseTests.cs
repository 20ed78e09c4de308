using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

/// <summary>Self-study offline (ADR-045): a course kept on a phone is read without a connection and its progress syncs once.</summary>
[Collection(Collections.People)]
public sealed class OfflineCourseTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Employee_KeepsACourse_ReadsALessonOffline_MarksItDone_AndItSyncsOnceOnline()
    {
        var (title, courseId, programmeId) = await CourseTests.SelfStudyForTheDemoEmployeeAsync(fixture);
        await using var phone = await fixture.OpenAsync(Viewport.Phone);
        var page = phone.Page;
        await phone.SignInAsync(DemoAccounts.Employee);
        await page.GotoAsync($"/Learning/Programmes/{programmeId}");
        await Expect(page.PageHeading()).ToHaveTextAsync(title);

        await page.GetByRole(AriaRole.Button, new() { Name = "Keep for offline" }).ClickAsync();
        var kept = page.Locator("#offline-kept");
        await Expect(kept).ToContainTextAsync("Kept on this phone on");
        await Expect(kept).ToContainTextAsync("3 pages");
        await Expect(kept).ToContainTextAsync("(Asia/Seoul)");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove from this phone" })).ToBeVisibleAsync();
        await phone.CheckPageAsync("course-kept");
        // The worker is active and knows whose copy it may read.
        await page.WaitForFunctionAsync("async () => { await navigator.serviceWorker.ready; const c = await caches.open('servewell-learn-meta'); return !!(await c.match('/Learning/offline-account')); }");

        await page.Context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Link, new() { Name = "Greeting the complainant" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Greeting the complainant");
        await Expect(page.GetByText("You are offline. This is the copy kept on this phone")).ToBeVisibleAsync();
        await Expect(page.Locator("#offline-banner")).ToHaveAttributeAsync("data-served", "cache"); // the worker answered from the copy
        await Expect(page.Locator(".lesson-body strong")).ToHaveTextAsync("first");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
        await Expect(page.GetByText("Marked done on this phone.")).ToBeVisibleAsync();
        await Expect(page.GetByText("waiting to be sent: 1")).ToBeVisibleAsync();
        await phone.CheckPageAsync("lesson-done-offline");
        (await DoneStepsAsync(courseId)).ShouldBe(0);

        await page.Context.SetOfflineAsync(false);
        await Expect(page.GetByText("Sent: 1 recorded.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("#offline-banner")).ToBeHiddenAsync();
        (await DoneStepsAsync(courseId)).ShouldBe(1);

        await page.GotoAsync($"/Learning/Programmes/{programmeId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove from this phone" }).ClickAsync();
        await Expect(page.Locator("#offline-kept")).ToHaveTextAsync("Removed from this phone.");
        (await page.EvaluateAsync<bool>("async () => (await caches.keys()).some(k => k.startsWith('servewell-learn-') && k !== 'servewell-learn-meta')")).ShouldBeFalse();

        // Signing out leaves nothing of this account's copy for the next person on the phone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/Accounts/SignIn");
        (await page.EvaluateAsync<string[]>("async () => (await caches.keys()).filter(k => k.startsWith('servewell-learn-'))")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Employee_AnswersAnUntimedQuizOffline_SubmitsIt_AndItIsGradedOnceBackOnline()
    {
        var (quizId, _) = await QuizTests.QuizAsync(fixture, minutes: null);
        var (_, _, programmeId) = await CourseTests.SelfStudyForTheDemoEmployeeAsync(fixture, quizId);
        await using var phone = await fixture.OpenAsync(Viewport.Phone);
        var page = phone.Page;
        await phone.SignInAsync(DemoAccounts.Employee);
        await page.GotoAsync($"/Learning/Programmes/{programmeId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep for offline" }).ClickAsync();
        await Expect(page.Locator("#offline-kept")).ToContainTextAsync("Kept on this phone on");
        await Expect(page.Locator("[data-needs-connection]")).ToHaveCountAsync(0); // the untimed quiz is kept with the text lessons
        await page.WaitForFunctionAsync("async () => { await navigator.serviceWorker.ready; const c = await caches.open('servewell-learn-meta'); return !!(await c.match('/Learning/offline-account')); }");

        await page.Context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Link, new() { Name = "Check yourself" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Check yourself");
        await Expect(page.Locator("#offline-banner")).ToHaveAttributeAsync("data-served", "cache");
        await page.GetByRole(AriaRole.Link, new() { Name = "Resume the attempt" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Question 1 of 2");
        await Expect(page.GetByText("You are offline.")).ToBeVisibleAsync();
        await phone.CheckPageAsync("quiz-question-offline");
        await page.GetByLabel("Hello").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and go to the next question" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Question 2 of 2");
        await Expect(page.GetByText("waiting to be sent: 1")).ToBeVisibleAsync();
        await Expect(page.Locator(".quiz-nav li[data-position='1']")).ToContainTextAsync("(answered on this phone)");
        await page.GetByLabel("Hello").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Submit your answers?");
        await Expect(page.GetByText("You have answered 2 of 2 questions.")).ToBeVisibleAsync(); // the answers made on this phone count
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(page.GetByText("Submitted on this phone.")).ToBeVisibleAsync();
        await Expect(page.GetByText("waiting to be sent: 3")).ToBeVisibleAsync();
        await phone.CheckPageAsync("quiz-submitted-offline");
        (await AttemptAsync(quizId)).SubmittedAtUtc.ShouldBeNull();

        await page.Context.SetOfflineAsync(false);
        await page.GetByRole(AriaRole.Link, new() { Name = "Your quiz has been graded: see your result" }).ClickAsync();
        await Expect(page.GetByTestId("score")).ToContainTextAsync("Your score: 100%");
        var attempt = await AttemptAsync(quizId);
        attempt.Passed.ShouldBe(true);
        attempt.Slots.ShouldAllBe(s => s.Response != null);
    }

    private async Task<ServeWell.Web.Modules.Learning.Quizzes.QuizAttempt> AttemptAsync(int quizId)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        return await db.Set<ServeWell.Web.Modules.Learning.Quizzes.QuizAttempt>().AsNoTracking().Include(a => a.Slots).SingleAsync(a => a.QuizId == quizId);
    }

    private async Task<int> DoneStepsAsync(int courseId)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var attempts = db.CourseAttempts;
        return await db.LessonSteps.CountAsync(s => s.DoneAtUtc != null && s.IdempotencyKey != null
            && attempts.Any(a => a.Id == s.AttemptId && a.CourseId == courseId));
    }
}
