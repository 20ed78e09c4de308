using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

/// <summary>Lesson media (ADR-051) on a phone: the officer uploads an image with alt text, puts it in the lesson, publishes; the learner sees it.</summary>
[Collection(Collections.People)]
public sealed class LessonMediaTests(BrowserFixture fixture)
{
    /// <summary>A real 1×1 PNG, written here.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task Officer_UploadsAnImageWithAltText_InsertsIt_Publishes_LearnerSeesIt()
    {
        var (_, courseId, programmeId) = await CourseTests.SelfStudyForTheDemoEmployeeAsync(fixture);
        int key;
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
            key = await db.CourseLessons.Join(db.CourseSections.Where(s => s.CourseId == courseId), l => l.SectionId, s => s.Id, (l, s) => l)
                .OrderBy(l => l.Order).Select(l => l.Id).FirstAsync();
        }

        await using (var officer = await fixture.OpenAsync(Viewport.Phone))
        {
            var page = officer.Page;
            await officer.SignInAsync(DemoAccounts.TrainingOfficer);
            await page.GotoAsync($"/Learning/Courses/{courseId}/Lessons/{key}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Upload or remove images, files and video" }).ClickAsync();
            await Expect(page.PageHeading()).ToContainTextAsync("Images, files and video");
            await page.GetByLabel("Files to upload").SetInputFilesAsync(new FilePayload { Name = "counter.png", MimeType = "image/png", Buffer = Png });
            await page.GetByLabel("Describe each image (alt text)").FillAsync("The service counter seen from the door");
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload to the lesson" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uploaded to the lesson: counter.png");
            await officer.CheckPageAsync("lesson-media");
            var snippet = await page.GetByLabel("Markdown to copy into the lesson").InputValueAsync();
            snippet.ShouldStartWith("![The service counter seen from the door](/Learning/Media/");

            await page.GetByRole(AriaRole.Link, new() { Name = "Back to the lesson" }).ClickAsync();
            await page.Locator("textarea[name='Form.Body.En']").FillAsync("Greet the person **first**.\n\n" + snippet);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save in the draft" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("has been saved in the draft");
            await Expect(page.Locator(".lesson-preview img[alt='The service counter seen from the door']").First).ToBeVisibleAsync();
            await officer.CheckPageAsync("lesson-editor-with-media");

            await page.GotoAsync($"/Learning/Courses/{courseId}/Publish");
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish version 2" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Version 2 is published");
        }

        await using var phone = await fixture.OpenAsync(Viewport.Phone);
        await phone.SignInAsync(DemoAccounts.Employee);
        await phone.Page.GotoAsync($"/Learning/Programmes/{programmeId}/Lessons/{key}");
        var image = phone.Page.GetByRole(AriaRole.Img, new() { Name = "The service counter seen from the door" });
        await Expect(image).ToBeVisibleAsync();
        (await image.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBe(1, "the image was served to the learner");
        await phone.CheckPageAsync("lesson-with-image");
    }
}
