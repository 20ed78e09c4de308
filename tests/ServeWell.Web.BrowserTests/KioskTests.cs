using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// The kiosk in one tap (ADR-037): five faces, thanks at once, the rest only if the citizen goes on, and a fresh start
/// for the next person after a visible, extendable countdown. The page's clock is Playwright's, so waiting is instant.
/// </summary>
[Collection(Collections.Feedback)]
public sealed class KioskTests(BrowserFixture fixture)
{
    private const string Overall = "Overall, how satisfied are you with the service you received today?";

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Kiosk_OneTap_Thanks_GoingOnCommendsStaff_ThenStartsAgainByItself(string viewport)
    {
        var token = KioskTokens.New();
        var (touchpointId, employeeId, office) = await DbAsync(async db =>
        {
            var kiosk = await db.Touchpoints.Include(t => t.OrgUnit).Where(t => t.Kind == TouchpointKind.Kiosk && t.RetiredAt == null).OrderBy(t => t.Id).FirstAsync();
            var staff = await db.Employees.Where(e => e.OrgUnitId == kiosk.OrgUnitId && e.Status == EmployeeStatus.Active).OrderBy(e => e.Id).FirstAsync();
            staff.IsFrontline = true;
            staff.Name = "뷁가람";
            db.KioskDevices.Add(new KioskDevice { Name = "One-tap tablet " + viewport, TouchpointId = kiosk.Id, TokenHash = KioskTokens.Hash(token), TokenHint = token[..10] });
            await db.SaveChangesAsync();
            return (kiosk.Id, staff.Id, kiosk.OrgUnit!.NameEn);
        });
        var before = await DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpointId));
        await using var session = await fixture.OpenAsync(Viewport.Named(viewport));
        var page = session.Page;
        await page.Clock.InstallAsync();
        await page.GotoAsync("/kiosk");
        await page.GetByLabel("Device token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        await Expect(page.PageHeading()).ToHaveTextAsync(Overall);
        await Expect(page.Locator(".brand")).ToContainTextAsync(office!);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Very satisfied", Exact = true })).ToBeVisibleAsync();
        await session.CheckPageAsync("kiosk-one-question");

        await page.GetByRole(AriaRole.Button, new() { Name = "Very satisfied", Exact = true }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Thank you");
        await Expect(page.GetByText("Your answer has been recorded.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Timer)).ToContainTextAsync("Starting again for the next person in");
        (await WaitForAsync(() => DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpointId)), n => n > before)).ShouldBe(before + 1);
        await session.CheckPageAsync("kiosk-thanks");

        await page.GetByRole(AriaRole.Button, new() { Name = "Tell us more" }).ClickAsync();
        var commend = page.GetByRole(AriaRole.Group, new() { Name = "Would you like to commend someone who helped you? (optional)" });
        await Expect(commend.GetByRole(AriaRole.Radio, new() { Name = "No one, thanks" })).ToBeCheckedAsync();
        await commend.GetByText("뷁○○").ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Courtesy of staff" }).GetByText("5").First.ClickAsync();
        await session.CheckPageAsync("kiosk-tell-us-more");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Thank you");
        var commended = await WaitForAsync(
            () => DbAsync(db => db.FeedbackAnswers.Where(a => a.TouchpointId == touchpointId).OrderByDescending(a => a.Id).Select(a => a.CommendedEmployeeId).FirstAsync()),
            id => id is not null);
        commended.ShouldBe(employeeId);

        await page.Clock.RunForAsync(11_000);
        await Expect(page.PageHeading()).ToHaveTextAsync(Overall);

        // The next person: nothing of the last one's answers; the countdown warns and gives more time (WCAG 2.2.1).
        await page.GetByRole(AriaRole.Button, new() { Name = "Satisfied", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tell us more" }).ClickAsync();
        await Expect(commend.GetByRole(AriaRole.Radio, new() { Name = "No one, thanks" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Courtesy of staff" }).GetByRole(AriaRole.Radio, new() { Name = "5", Exact = false }).First).Not.ToBeCheckedAsync();
        await page.Clock.RunForAsync(30_000);
        await Expect(page.GetByText("The kiosk will start again soon. Choose More time to stay.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "More time" }).ClickAsync();
        await page.Clock.RunForAsync(30_000);
        await Expect(page.PageHeading()).ToHaveTextAsync("Tell us more (each is optional)");
        await page.Clock.RunForAsync(16_000);
        await Expect(page.PageHeading()).ToHaveTextAsync(Overall);
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Survey_WithoutJavaScript_CommendsStaffOnDuty_AndSends(string viewport)
    {
        var (code, employeeId) = await DbAsync(async db =>
        {
            var counter = await db.Touchpoints.Where(t => t.Kind == TouchpointKind.Counter && t.RetiredAt == null).OrderBy(t => t.Id).FirstAsync();
            var staff = await db.Employees.Where(e => e.OrgUnitId == counter.OrgUnitId && e.Status == EmployeeStatus.Active).OrderBy(e => e.Id).FirstAsync();
            staff.IsFrontline = true;
            staff.Name = "꿻리봄";
            await db.SaveChangesAsync();
            return (counter.Code, staff.Id);
        });
        await using var session = await fixture.OpenAsync(Viewport.Named(viewport), javaScript: false);
        var page = session.Page;

        await page.GotoAsync($"/f/{code}?lang=en");
        await Expect(page.PageHeading()).ToHaveTextAsync("How did we do?");
        await page.GetByRole(AriaRole.Group, new() { Name = Overall }).GetByText("4").First.ClickAsync();
        var commend = page.GetByRole(AriaRole.Group, new() { Name = "Would you like to commend someone who helped you? (optional)" });
        await Expect(commend.GetByRole(AriaRole.Radio, new() { Name = "No one, thanks" })).ToBeCheckedAsync();
        await commend.GetByText("꿻○○").ClickAsync();
        await session.CheckPageAsync("survey-no-js-commend");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(page.PageHeading()).ToHaveTextAsync("Thank you");
        (await DbAsync(db => db.FeedbackAnswers.Where(a => a.CommendedEmployeeId == employeeId).CountAsync())).ShouldBeGreaterThan(0);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var value = await read();
            if (done(value) || i == 100)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    private async Task<T> DbAsync<T>(Func<ServeWellDbContext, Task<T>> work)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ServeWellDbContext>());
    }
}
