using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// In a real browser with a staff cookie: a script's API write needs the page's antiforgery token in X-CSRF-TOKEN,
/// and the kiosk's own fetch calls (device token, anonymous endpoints) keep working beside the cookie (ADR-028).
/// </summary>
[Collection(Collections.Feedback)]
public sealed class ApiAntiforgeryTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SignedInBrowser_ScriptWriteNeedsTheToken_AndTheKioskStillSends()
    {
        var programmeId = await DbAsync(db => db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var token = KioskTokens.New();
        var touchpointId = await DbAsync(async db =>
        {
            var kiosk = await db.Touchpoints.FirstAsync(t => t.Kind == TouchpointKind.Kiosk);
            db.KioskDevices.Add(new KioskDevice { Name = "Tablet beside a signed-in officer", TouchpointId = kiosk.Id, TokenHash = KioskTokens.Hash(token), TokenHint = token[..10] });
            await db.SaveChangesAsync();
            return kiosk.Id;
        });
        var before = await DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpointId));
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.TrainingOfficer);

        var statuses = await page.EvaluateAsync<int[]>(
            """
            async (url) => {
              const bare = await fetch(url, { method: 'POST', credentials: 'same-origin' });
              const token = document.querySelector('input[name=__RequestVerificationToken]').value;
              const withToken = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-TOKEN': token } });
              return [bare.status, withToken.status];
            }
            """,
            $"/api/v1/programmes/{programmeId}/enrolments/sync");
        statuses.ShouldBe([400, 200]);

        await page.GotoAsync("/kiosk");
        await page.GetByLabel("Device token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        var group = page.GetByRole(AriaRole.Group, new() { Name = "Overall, how satisfied are you with the service you received today?" });
        await group.GetByText("4").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
        await Expect(page.GetByText("answers waiting to be sent")).ToHaveCountAsync(0, new() { Timeout = 20_000 });

        (await DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpointId))).ShouldBe(before + 1);
    }

    private async Task<T> DbAsync<T>(Func<ServeWellDbContext, Task<T>> work)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ServeWellDbContext>());
    }
}
