using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.BrowserTests;

/// <summary>Self-study (ADR-042): an employee reads a lesson on a phone, marks it done and sees progress; the officer edits the course.</summary>
[Collection(Collections.People)]
public sealed class CourseTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Employee_ReadsALesson_MarksItDone_SeesProgress_OfficerEditsTheCourse()
    {
        var (title, courseId, _) = await SelfStudyForTheDemoEmployeeAsync(fixture);

        await using (var phone = await fixture.OpenAsync(Viewport.Phone))
        {
            var page = phone.Page;
            await phone.SignInAsync(DemoAccounts.Employee);
            await page.GotoAsync("/Learning");
            await Expect(page.PageHeading()).ToHaveTextAsync("My courses");
            var course = page.GetByRole(AriaRole.Region, new() { Name = title });
            await Expect(course).ToContainTextAsync("0 of 2 lessons done");
            await phone.CheckPageAsync("my-courses");

            await course.GetByRole(AriaRole.Link, new() { Name = "Start the course" }).ClickAsync();
            await Expect(page.PageHeading()).ToHaveTextAsync("Greeting the complainant");
            await Expect(page.Locator(".lesson-body strong")).ToHaveTextAsync("first");
            await phone.CheckPageAsync("lesson");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the lesson scrolls sideways on a phone");

            await page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Lesson done: 1 of 2 lessons.");
            await Expect(page.PageHeading()).ToHaveTextAsync("Listening"); // on to the next lesson

            await page.GotoAsync("/Learning");
            // Within this course's panel: other tests give the demo employee courses of their own.
            var progress = page.GetByRole(AriaRole.Region, new() { Name = title });
            await Expect(progress).ToContainTextAsync("1 of 2 lessons done");
            await Expect(progress.GetByRole(AriaRole.Link, new() { Name = "Resume where you left" })).ToBeVisibleAsync();
        }

        await using var officer = await fixture.OpenAsync(Viewport.Desktop);
        await officer.SignInAsync(DemoAccounts.TrainingOfficer);
        await officer.Page.FollowMainNavigationAsync("Self-study courses");
        await Expect(officer.Page.PageHeading()).ToHaveTextAsync("Self-study courses");
        await officer.CheckPageAsync("courses");
        await officer.Page.GotoAsync($"/Learning/Courses/{courseId}");
        await officer.CheckPageAsync("course-editor");
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Greeting the complainant", Exact = true }).ClickAsync(); // not its "Delete the lesson …" link
        await officer.Page.GetByLabel("Estimated time (minutes)").FillAsync("7");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Save in the draft" }).ClickAsync();
        await Expect(officer.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("has been saved in the draft");
        await officer.CheckPageAsync("lesson-editor");
        await officer.Page.GotoAsync($"/Learning/Courses/{courseId}/Progress");
        await Expect(officer.Page.GetByRole(AriaRole.Table, new() { Name = "Learners" })).ToContainTextAsync("1 of 2");
        await officer.CheckPageAsync("course-progress");
    }

    /// <summary>A published self-study programme with a two-lesson course, the demo employee enrolled by hand.</summary>
    /// <summary>A published self-study course of two text lessons for the demo employee, and a third that is the quiz when one is given.</summary>
    internal static async Task<(string Title, int CourseId, int ProgrammeId)> SelfStudyForTheDemoEmployeeAsync(BrowserFixture fixture, int? quizId = null)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var employeeId = await db.Users.Where(u => u.Email == DemoAccounts.Employee).Select(u => u.EmployeeId!.Value).SingleAsync();
        var now = DateTime.UtcNow;
        var title = "Courtesy online " + Guid.NewGuid().ToString("N")[..6];
        var programme = new Programme
        {
            Title = LocalText.Of(title, title), Delivery = Delivery.SelfStudy, Hours = 1, Completion = CompletionRules.For(Delivery.SelfStudy, true),
            State = ProgrammeState.Published, CreatedAt = now, UpdatedAt = now, DueDate = DateOnly.FromDateTime(now.AddDays(30)),
        };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        db.Enrolments.Add(new Enrolment { ProgrammeId = programme.Id, EmployeeId = employeeId, Source = EnrolmentSource.Manual, CreatedAt = now, StateSince = now });
        await db.SaveChangesAsync();

        var edit = scope.ServiceProvider.GetRequiredService<EditCourse>();
        var course = (await edit.EnsureAsync(programme.Id, CancellationToken.None))!;
        course = (await edit.LoadAsync(course.Id, CancellationToken.None))!;
        foreach (var (lesson, body) in new[] { ("Greeting the complainant", "Greet the person **first**, then listen."), ("Listening", "Let them finish.") })
        {
            (await edit.SaveLessonAsync(course, course.Sections[0].Id, null, new LessonForm
            {
                Title = new LocalTextForm { En = lesson }, Body = new LocalTextForm { En = body }, Minutes = 5,
            }, CancellationToken.None)).Problems.ShouldBeEmpty();
        }

        if (quizId is not null)
        {
            (await edit.SaveLessonAsync(course, course.Sections[0].Id, null, new LessonForm
            {
                Title = new LocalTextForm { En = "Check yourself" }, Minutes = 5, QuizId = quizId,
            }, CancellationToken.None)).Problems.ShouldBeEmpty();
        }

        (await edit.PublishAsync(course, "test", CancellationToken.None)).Problems.ShouldBeEmpty();
        return (title, course.Id, programme.Id);
    }
}
