using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Learning.Scorm;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Tests.Modules.Learning.Scorm;

namespace ServeWell.Web.BrowserTests;

/// <summary>A training officer uploads a vendor's SCORM course and plays it; the course talks to ServeWell through window.API (ADR-043).</summary>
[Collection(Collections.People)]
public sealed class ScormPlayerTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task TrainingOfficer_UploadsAPackage_PlaysIt_LeavesMidway_ResumesThere_AndFinishes(string viewport)
    {
        await using var session = await fixture.OpenAsync(Viewport.Named(viewport));
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.TrainingOfficer);
        await page.GotoAsync("/Learning/Scorm?lang=en");
        await Expect(page.PageHeading()).ToHaveTextAsync("Purchased courses");

        // A zip of a folder (the manifest one level down) is refused, with the reason.
        await page.GetByLabel("SCORM package").SetInputFilesAsync(new FilePayload
        {
            Name = "wrapped.zip", MimeType = "application/zip",
            Buffer = ScormPackages.Zip(("course/imsmanifest.xml", ScormPackages.Manifest12()), ("course/course/index.html", "x")).ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the package" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("“wrapped.zip”: The package has no imsmanifest.xml at its top; there is one at \"course/imsmanifest.xml\".");
        await session.CheckPageAsync("scorm-refused");

        await page.GetByLabel("SCORM package").SetInputFilesAsync(new FilePayload { Name = "courtesy.zip", MimeType = "application/zip", Buffer = ScormPackages.Courtesy().ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the package" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Learning/Scorm/Package/\d+$"));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is uploaded" })).ToHaveTextAsync("“Courtesy at the counter” is uploaded. Items to launch: 1.");
        await session.CheckPageAsync("scorm-package");

        await page.GetByRole(AriaRole.Link, new() { Name = "Preview Greeting citizens" }).ClickAsync();
        var sco = page.FrameLocator("#scorm-sco");
        await Expect(sco.Locator("#state")).ToHaveTextAsync("Resumed at start with nothing");
        await session.CheckPageAsync("scorm-player");
        await sco.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(page.Locator("#scorm-status")).ToHaveTextAsync("Status: in progress Your progress is saved.");

        // Leaving and coming back: the course resumes where the learner was.
        await page.ReloadAsync();
        await Expect(sco.Locator("#state")).ToHaveTextAsync("Resumed at page-2 with q1=a");
        await sco.GetByRole(AriaRole.Button, new() { Name = "Finish the test" }).ClickAsync();
        await Expect(page.Locator("#scorm-status")).ToHaveTextAsync("Finished. Your result is saved.");

        var scoId = int.Parse(Regex.Match(page.Url, @"/Play/(\d+)").Groups[1].Value);
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var attempt = await db.Set<ScormAttempt>().AsNoTracking().SingleAsync(a => a.ScoId == scoId);
        attempt.LessonStatus.ShouldBe("passed");
        attempt.ScoreRaw.ShouldBe(85m);
        attempt.TotalSeconds.ShouldBe(750m);
    }
}
