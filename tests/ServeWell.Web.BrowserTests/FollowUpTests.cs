using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.BrowserTests;

/// <summary>A supervisor works a follow-up case from the queue to resolved, on a desktop and on a phone.</summary>
[Collection(Collections.People)]
public sealed class FollowUpTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Supervisor_OpensQueueAndCase_MarksContacted_ResolvesWithRootCause(string screen)
    {
        var (caseId, touchpoint, service) = await OpenCaseAsync(new FeedbackContact($"browser.{screen}@citizen.example", "010-4321-0000"));
        await using var session = await fixture.OpenAsync(Viewport.Named(screen));
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Supervisor);

        (await session.MainNavigationLinksAsync()).ShouldContain("Follow-ups");
        await page.FollowMainNavigationAsync("Follow-ups");
        await Expect(page.PageHeading()).ToHaveTextAsync("Follow-ups");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Follow-up cases" })).ToBeVisibleAsync();
        await session.CheckPageAsync("follow-up-queue");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Case {caseId}", Exact = true }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync($"Case {caseId}");
        await Expect(page.GetByText("Browser test: the clerk was rude.")).ToBeVisibleAsync();
        await Expect(page.FactValue("Touchpoint")).ToContainTextAsync(touchpoint);
        await Expect(page.FactValue("Service")).ToHaveTextAsync(service.En);
        await session.CheckPageAsync("follow-up-case");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show contact details" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"browser.{screen}@citizen.example" })).ToBeVisibleAsync();
        await session.CheckPageAsync("follow-up-contact");

        await page.GetByLabel("Note (optional)").First.FillAsync("Phoned; they will come back on Monday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as contacted" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The case is now “Contacted”.");

        // Resolving without a note is refused, with the reason.
        await page.GetByLabel("Root cause").SelectOptionAsync(new SelectOptionValue { Label = "Staff attitude" });
        await page.EvaluateAsync("() => document.getElementById('note-resolved').removeAttribute('required')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Write a note on what was found and done to resolve the case.");
        await session.CheckPageAsync("follow-up-refused");

        await page.GetByLabel("Root cause").SelectOptionAsync(new SelectOptionValue { Label = "Staff attitude" });
        await page.GetByLabel("What was found and done").FillAsync("Talked with the clerk; courtesy refresher booked.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The case is now “Resolved”.");
        await Expect(page.FactValue("Root cause")).ToHaveTextAsync("Staff attitude");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("Contacted → Resolved · Staff attitude");
        await session.CheckPageAsync("follow-up-resolved");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the case page scrolls sideways");
    }

    [Fact]
    public async Task Administrator_EditsRootCauses_AndReadsACaseInKorean()
    {
        var (caseId, _, service) = await OpenCaseAsync(new FeedbackContact(null, "010-1111-2222"));
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Administrator);

        await page.FollowMainNavigationAsync("Root causes");
        await Expect(page.PageHeading()).ToHaveTextAsync("Root causes");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "대기 시간" })).ToBeVisibleAsync();
        await session.CheckPageAsync("root-causes");
        await page.GetByRole(AriaRole.Link, new() { Name = "waiting-time", Exact = true }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Edit root cause");
        await Expect(page.GetByLabel("Korean name")).ToHaveValueAsync("대기 시간");
        await session.CheckPageAsync("root-cause-edit");

        await page.GotoAsync($"/FollowUps/Case/{caseId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "한국어", Exact = true }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync($"사례 {caseId}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "연락처 보기" })).ToBeVisibleAsync();
        await Expect(page.GetByText(service.Ko, new() { Exact = true })).ToBeVisibleAsync();
        await session.CheckPageAsync("follow-up-case-korean");
        await page.GotoAsync("/FollowUps?State=all");
        await Expect(page.PageHeading()).ToHaveTextAsync("후속 조치");
        await session.CheckPageAsync("follow-up-queue-korean");

        // The choice is kept on the account: switch back, so the next test that signs in as the administrator reads English.
        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Follow-ups");
    }

    /// <summary>Tells the follow-up listener about a new answer at the demo supervisor's centre, as the intake does.</summary>
    private async Task<(int Id, string Touchpoint, (string En, string Ko) Service)> OpenCaseAsync(FeedbackContact contact)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var unit = await db.OrgUnits.Where(u => u.Code == DemoAccounts.SupervisorCentreCode).Select(u => u.Id).SingleAsync();
        var touchpoint = await db.Touchpoints.Include(t => t.Service).Where(t => t.OrgUnitId == unit && t.RetiredAt == null && t.ServiceId != null).OrderBy(t => t.Id).FirstAsync();
        long answerId;
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            // Stored first, as the intake does: a case references its answer.
            var answer = new ServeWell.Web.Modules.Feedback.Intake.FeedbackAnswer
            {
                TouchpointId = touchpoint.Id, OrgUnitId = unit, ServiceId = touchpoint.ServiceId, Channel = touchpoint.Channel, Overall = 1, OverallScore = 0,
                Comment = "Browser test: the clerk was rude.", ContactRequested = true, Language = "en", AnsweredAt = DateTime.UtcNow, ReceivedAt = DateTime.UtcNow,
            };
            db.FeedbackAnswers.Add(answer);
            await db.SaveChangesAsync();
            answerId = answer.Id;
            foreach (var listener in scope.ServiceProvider.GetServices<IFeedbackReceived>())
            {
                await listener.FeedbackReceivedAsync(new FeedbackReceived(answerId, unit, touchpoint.ServiceId, touchpoint.Id, 1, answer.Comment, contact, "en", DateTime.UtcNow,
                    new FeedbackMeasures((int)touchpoint.Channel, null, null, null, null, null, false, false)), CancellationToken.None);
            }

            await tx.CommitAsync();
        }

        var id = await db.Set<ServeWell.Web.Modules.FollowUps.Cases.FollowUpCase>().Where(c => c.AnswerId == answerId).Select(c => c.Id).SingleAsync();
        return (id, touchpoint.Label.For("en"), (touchpoint.Service!.NameEn, touchpoint.Service.NameKo));
    }
}
