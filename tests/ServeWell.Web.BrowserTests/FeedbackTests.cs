using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

/// <summary>A citizen answers on a phone in Korean and English; a kiosk keeps answers while offline and sends them when back.</summary>
[Collection(Collections.Feedback)]
public sealed class FeedbackTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Survey_OnPhone_CitizenAnswersInKoreanThenEnglish()
    {
        var code = await DbAsync(db => db.Touchpoints.Where(t => t.Kind == TouchpointKind.EmployeeBadge).Select(t => t.Code).FirstAsync());
        await using var session = await fixture.OpenAsync(Viewport.Phone);
        var page = session.Page;

        await page.GotoAsync($"/f/{code}?lang=ko");
        await Expect(page.PageHeading()).ToHaveTextAsync("오늘 서비스는 어떠셨나요?");
        await session.CheckPageAsync("survey-ko");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("How did we do?");
        await session.CheckPageAsync("survey-en");

        var overall = page.GetByRole(AriaRole.Group, new() { Name = "Overall, how satisfied are you with the service you received today?" });
        await overall.GetByText("4", new() { Exact = false }).First.ClickAsync();
        await Expect(overall.GetByRole(AriaRole.Radio, new() { Name = "4 – Satisfied" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Courtesy of staff" }).GetByText("5").First.ClickAsync();
        const string typed = "Kind and quick. Call 010-1234-5678";
        await page.GetByLabel("Anything else you want to tell us?").FillAsync(typed);
        await Expect(page.GetByText($"{1200 - typed.Length} characters left")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(page.PageHeading()).ToHaveTextAsync("Thank you");
        await session.CheckPageAsync("survey-thanks");
        var comment = await DbAsync(db => db.FeedbackAnswers.Where(a => a.Comment!.StartsWith("Kind and quick")).Select(a => a.Comment).SingleAsync());
        comment.ShouldBe("Kind and quick. Call [phone removed]");
    }

    [Fact]
    public async Task Kiosk_LosesItsNetwork_QueuesAnswers_AndSendsThemWhenBack()
    {
        var token = KioskTokens.New();
        var touchpointId = await DbAsync(async db =>
        {
            var kiosk = await db.Touchpoints.FirstAsync(t => t.Kind == TouchpointKind.Kiosk);
            db.KioskDevices.Add(new KioskDevice { Name = "Browser test tablet", TouchpointId = kiosk.Id, TokenHash = KioskTokens.Hash(token), TokenHint = token[..10] });
            await db.SaveChangesAsync();
            return kiosk.Id;
        });
        var before = await DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpointId));
        await using var session = await fixture.OpenAsync(Viewport.Phone);
        var page = session.Page;

        await page.GotoAsync("/kiosk");
        await page.GetByLabel("Device token").FillAsync(token);
        await session.CheckPageAsync("kiosk-setup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync(Overall);
        await session.CheckPageAsync("kiosk-survey");

        await page.Context.SetOfflineAsync(true);
        await AnswerAsync(page, "2");
        await Expect(page.GetByText("1 answers waiting to be sent")).ToBeVisibleAsync();
        await session.CheckPageAsync("kiosk-thanks-offline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish" }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync(Overall, new() { Timeout = 15_000 });
        await AnswerAsync(page, "5");
        await Expect(page.GetByText("2 answers waiting to be sent")).ToBeVisibleAsync();
        (await DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpointId))).ShouldBe(before);

        await page.Context.SetOfflineAsync(false);
        await Expect(page.GetByText("answers waiting to be sent")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        (await DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpointId))).ShouldBe(before + 2);
    }

    /// <summary>
    /// With a staff cookie in the browser: a script's API write needs the page's antiforgery token in X-CSRF-TOKEN,
    /// and the kiosk's own fetch calls (device token, anonymous endpoints) keep working beside the cookie (ADR-028).
    /// </summary>
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
        await AnswerAsync(page, "4");
        await Expect(page.GetByText("answers waiting to be sent")).ToHaveCountAsync(0, new() { Timeout = 20_000 });

        (await DbAsync(db => db.FeedbackAnswers.CountAsync(a => a.TouchpointId == touchpointId))).ShouldBe(before + 1);
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task AdminPages_TrainingOfficerManagesServicesTouchpointsAndKiosks_Accessibly(string viewport)
    {
        var touchpointId = await DbAsync(db => db.Touchpoints.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var serviceId = await DbAsync(db => db.PublicServices.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        await using var session = await fixture.OpenAsync(Viewport.Named(viewport));
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.TrainingOfficer);

        foreach (var (path, heading) in new[]
        {
            ("/Feedback/Touchpoints", "Touchpoints"),
            ($"/Feedback/Touchpoints/Edit/{touchpointId}", "Edit touchpoint"),
            ("/Feedback/Services", "Services"),
            ($"/Feedback/Services/Edit/{serviceId}", "Edit service"),
            ("/Feedback/Kiosks", "Kiosk devices"),
        })
        {
            await page.GotoAsync(path);
            await Expect(page.PageHeading()).ToHaveTextAsync(heading);
            await session.CheckPageAsync(path.Trim('/').Replace('/', '-'));
        }

        await page.GetByLabel("Device name").FillAsync("Lobby tablet " + viewport);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register device" }).ClickAsync();
        await Expect(page.Locator("#new-token")).ToContainTextAsync("kiosk_");
        await session.CheckPageAsync("kiosk-registered");
    }

    private const string Overall = "Overall, how satisfied are you with the service you received today?";

    private static readonly string[] Faces = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"];

    /// <summary>The kiosk's one tap: the face for <paramref name="overall"/> (1–5).</summary>
    private static async Task AnswerAsync(IPage page, string overall)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = Faces[int.Parse(overall, System.Globalization.CultureInfo.InvariantCulture) - 1], Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
    }

    private async Task<T> DbAsync<T>(Func<ServeWellDbContext, Task<T>> work)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ServeWellDbContext>());
    }
}
