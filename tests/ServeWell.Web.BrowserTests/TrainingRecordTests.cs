using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// The training record as people meet it: a stranger checks a certificate on a phone, the employee evaluates their session,
/// the training officer reads compliance. Attendance is set straight in the database, as the attendance code will.
/// </summary>
[Collection(Collections.People)]
public sealed class TrainingRecordTests(BrowserFixture fixture)
{
    [Fact]
    public async Task VerifyOnPhone_EvaluateTheSession_ReadCompliance()
    {
        var (code, programmeTitle) = await AttendAndCompleteAsync();

        await using (var phone = await fixture.OpenAsync(Viewport.Phone))
        {
            await phone.Page.GotoAsync($"/verify/{code}");
            await Expect(phone.Page.PageHeading()).ToHaveTextAsync("Verify a certificate");
            await Expect(phone.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Valid: this certificate is genuine and in force.");
            await Expect(phone.Page.FactValue("Programme")).ToContainTextAsync(programmeTitle); // a certificate carries its title in both languages (ADR-030)
            await phone.CheckPageAsync("verify");
            var widths = await phone.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the verification page scrolls sideways on a phone");

            await phone.Page.GetByLabel("Certificate code").FillAsync("nope-nope-nope");
            await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
            await Expect(phone.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Not found");
            await phone.CheckPageAsync("verify-not-found");
        }

        await using (var employee = await fixture.OpenAsync(Viewport.Phone))
        {
            var page = employee.Page;
            await employee.SignInAsync(DemoAccounts.Employee);
            await page.GotoAsync("/Training/Record"); // the old address leads to the one "My training" page (ADR-032)
            await Expect(page.PageHeading()).ToHaveTextAsync("My training");
            await employee.CheckPageAsync("my-training");
            await page.GetByRole(AriaRole.Link, new() { Name = "Evaluate the session of", Exact = false }).First.ClickAsync();
            await Expect(page.PageHeading()).ToHaveTextAsync("Evaluate the session");
            await employee.CheckPageAsync("evaluation-form");

            await page.GetByRole(AriaRole.Button, new() { Name = "Send the evaluation" }).ClickAsync();
            await Expect(page.Locator("#relevance-error")).ToHaveTextAsync("Choose 1 to 5 for \"Relevance to your work\".");
            await employee.CheckPageAsync("evaluation-errors");
            await page.GetByRole(AriaRole.Group, new() { Name = "Relevance to your work" }).GetByRole(AriaRole.Radio, new() { Name = "5", Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "The instructor" }).GetByRole(AriaRole.Radio, new() { Name = "4", Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Confidence to apply what you learned" }).GetByRole(AriaRole.Radio, new() { Name = "4", Exact = true }).CheckAsync();
            await page.GetByLabel("Comment (optional)").FillAsync("Real cases from our own counter helped.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the evaluation" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you: your evaluation has been saved.");
        }

        await using var officer = await fixture.OpenAsync(Viewport.Desktop);
        await officer.SignInAsync(DemoAccounts.TrainingOfficer);
        await officer.Page.FollowMainNavigationAsync("Training compliance");
        await Expect(officer.Page.PageHeading()).ToHaveTextAsync("Training compliance");
        await officer.Page.GetByLabel("Programme", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = programmeTitle });
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(officer.Page.GetByRole(AriaRole.Table, new() { Name = "People" })).ToBeVisibleAsync();
        await officer.CheckPageAsync("compliance");
    }

    /// <summary>The demo employee attended the latest past session of a demo programme that asks only for attendance.</summary>
    private async Task<(string Code, string Title)> AttendAndCompleteAsync()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var employeeId = await db.Users.Where(u => u.Email == DemoAccounts.Employee).Select(u => u.EmployeeId!.Value).SingleAsync();
        var now = DateTime.UtcNow;
        var programme = await db.Programmes.Where(p => p.Completion == CompletionRequirements.Attended && db.TrainingSessions.Any(s => s.ProgrammeId == p.Id && s.StartsAtUtc < now && s.CancelledAt == null))
            .OrderBy(p => p.Id).FirstAsync();
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.ProgrammeId == programme.Id && e.EmployeeId == employeeId);
        if (enrolment is null)
        {
            enrolment = new Enrolment { ProgrammeId = programme.Id, EmployeeId = employeeId, Source = EnrolmentSource.Manual, CreatedAt = now };
            db.Enrolments.Add(enrolment);
        }

        enrolment.State = EnrolmentState.Attended;
        enrolment.StateSince = now;
        await db.SaveChangesAsync();
        var completion = await scope.ServiceProvider.GetRequiredService<CompleteEnrolment>().TryCompleteAsync(programme.Id, employeeId, null, CancellationToken.None);
        completion.ShouldNotBeNull();
        var code = await db.Certificates.Where(c => c.CompletionId == completion.Id).Select(c => c.Code).SingleAsync();
        return (code, programme.Title.For("en"));
    }
}
