using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// The demo programme's knowledge check is a quiz of the bank (ADR-048): after attending, the demo employee takes the
/// post check on a phone through the quiz's pages and sees the result on the check's page.
/// </summary>
[Collection(Collections.People)]
public sealed class KnowledgeCheckTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Employee_TakesThePostCheckAsAQuizOnAPhone_AndSeesTheResult()
    {
        var programmeId = await AttendTheDemoCheckProgrammeAsync();

        await using var phone = await fixture.OpenAsync(Viewport.Phone);
        var page = phone.Page;
        await phone.SignInAsync(DemoAccounts.Employee);
        await page.GotoAsync($"/Training/KnowledgeChecks/{programmeId}/Post"); // My training's link
        await Expect(page.PageHeading()).ToHaveTextAsync("Knowledge check after the session");
        await phone.CheckPageAsync("knowledge-check");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
        for (var i = 1; i <= 4; i++)
        {
            await Expect(page.PageHeading()).ToHaveTextAsync($"Question {i} of 4");
            if (i == 1)
            {
                await phone.CheckPageAsync("knowledge-check-question");
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the question scrolls sideways on a phone");
            }

            await page.GetByRole(AriaRole.Radio).First.CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = i < 4 ? "Save and go to the next question" : "Save and finish" }).ClickAsync();
        }

        await Expect(page.PageHeading()).ToHaveTextAsync("Submit your answers?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(page.GetByTestId("score")).ToContainTextAsync("Your score:");
        await phone.CheckPageAsync("knowledge-check-result");

        await page.GotoAsync($"/Learning/Checks/{programmeId}/Post");
        await Expect(page.GetByTestId("check-result")).ToContainTextAsync("You scored");
        await phone.CheckPageAsync("knowledge-check-after");
    }

    /// <summary>The demo employee attended a past session of the demo programme whose completion needs a passed check.</summary>
    private async Task<int> AttendTheDemoCheckProgrammeAsync()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var employeeId = await db.Users.Where(u => u.Email == DemoAccounts.Employee).Select(u => u.EmployeeId!.Value).SingleAsync();
        var programmeId = await db.Programmes.Where(p => p.Title.En == "Considerate expressions toward complainants").Select(p => p.Id).SingleAsync();
        var now = DateTime.UtcNow;
        db.TrainingSessions.Add(new TrainingSession
        {
            ProgrammeId = programmeId, Delivery = Delivery.InPerson, StartsAtUtc = now.AddDays(-1), EndsAtUtc = now.AddDays(-1).AddHours(2), TimeZone = "Asia/Seoul",
            Venue = LocalText.In("en", "City Hall 301"), Capacity = 30, CalendarUid = Guid.NewGuid(), CreatedAt = now, UpdatedAt = now,
        });
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.ProgrammeId == programmeId && e.EmployeeId == employeeId);
        if (enrolment is null)
        {
            enrolment = new Enrolment { ProgrammeId = programmeId, EmployeeId = employeeId, Source = EnrolmentSource.Manual, CreatedAt = now };
            db.Enrolments.Add(enrolment);
        }

        enrolment.State = EnrolmentState.Attended;
        enrolment.StateSince = now;
        await db.SaveChangesAsync();
        return programmeId;
    }
}
