using System.Text.RegularExpressions;
using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// Practice scenarios on a phone (issue 15, ADR-061): a trainer builds a small scenario from a library case with the
/// forms, publishes it after the confirmation, and an employee plays it to an ending and reads the debrief.
/// </summary>
[Collection(Collections.People)]
public sealed partial class ScenarioTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Trainer_BuildsAndPublishesAScenarioFromACase_AndAnEmployeePlaysItToAnEnding()
    {
        var title = "Counter queue " + Guid.NewGuid().ToString("N")[..6];
        await using (var trainer = await fixture.OpenAsync(Viewport.Phone))
        {
            var page = trainer.Page;
            await trainer.SignInAsync(DemoAccounts.TrainingOfficer);
            await page.GotoAsync("/Practice/Scenarios");
            await page.Locator("[name='Title.En']").FillAsync(title);
            await page.Locator("[name='Title.Ko']").FillAsync("창구 대기 줄 연습");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create the scenario" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(ScenarioUrl());
            var scenario = new Uri(page.Url).AbsolutePath;

            foreach (var (key, kind) in new[] { ("start", "citizen"), ("calm", "ending"), ("angry", "ending") })
            {
                await page.GotoAsync(scenario);
                await page.Locator("#new-key").FillAsync(key);
                await page.Locator("#new-kind").SelectOptionAsync(kind);
                await page.GetByRole(AriaRole.Button, new() { Name = "Add the node" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Node \"{key}\" is added.");
            }

            // The details: what it scores, and the library case it comes from.
            await page.GotoAsync(scenario);
            await page.Locator("#comp-empathy").CheckAsync();
            await page.Locator("#case").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

            await page.GotoAsync(scenario + "/Nodes/0");
            await page.Locator("[name='Form.Text.En']").FillAsync("\"I have waited forty minutes. Why is only one counter open?\"");
            await page.Locator("[name='Form.Text.Ko']").FillAsync("\"40분째 기다렸어요. 왜 창구가 하나만 열려 있죠?\"");
            await Reply(page, 0, "I'm sorry for the wait. Let me see what you need and whether I can help here.", "calm", 2);
            await trainer.CheckPageAsync("scenario-node");
            await Reply(page, 1, "Everyone has to wait their turn.", "angry", -2);

            foreach (var (index, text, debrief) in new[]
                     {
                         (1, "The citizen thanks you and waits calmly.", "Apologising and offering help at once lowers the tension."),
                         (2, "The citizen raises their voice and asks for the manager.", "A rule without an apology sounds like indifference."),
                     })
            {
                await page.GotoAsync($"{scenario}/Nodes/{index}");
                await page.Locator("[name='Form.Text.En']").FillAsync(text);
                await page.Locator("[name='Form.Debrief.En']").FillAsync(debrief);
                await page.GetByRole(AriaRole.Button, new() { Name = "Save the node" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            }

            await page.GotoAsync(scenario + "/Publish");
            await Expect(page.PageHeading()).ToContainTextAsync("Publish the draft as version 1?");
            await trainer.CheckPageAsync("scenario-publish-confirm");
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish version 1" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            await Expect(page.Locator("body")).ToContainTextAsync("Version 1");
        }

        await using var employee = await fixture.OpenAsync(Viewport.Phone);
        var play = employee.Page;
        await employee.SignInAsync(DemoAccounts.Employee);
        await play.GotoAsync("/Practice");
        await employee.CheckPageAsync("practice");
        var card = play.Locator("article, li, section").Filter(new() { HasText = title }).Last;
        await card.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(play.Locator("main")).ToContainTextAsync("Why is only one counter open?");
        await employee.CheckPageAsync("scenario-play");
        await play.GetByLabel("I'm sorry for the wait.", new() { Exact = false }).CheckAsync();
        await play.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();

        await Expect(play.Locator("main")).ToContainTextAsync("The citizen thanks you and waits calmly.");
        await Expect(play.Locator("main")).ToContainTextAsync("Apologising and offering help at once lowers the tension.");
        await Expect(play.Locator("main")).ToContainTextAsync("Empathy");
        await employee.CheckPageAsync("scenario-debrief");
    }

    /// <summary>Fills the node's new reply and saves it: its text, where it leads, its empathy score and feedback.</summary>
    private static async Task Reply(IPage page, int index, string text, string target, int empathy)
    {
        await page.Locator($"[name='Form.Replies[{index}].Text.En']").FillAsync(text);
        await page.Locator($"#target-{index}").SelectOptionAsync(target);
        await page.Locator($"#score-{index}-empathy").FillAsync(empathy.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"[name='Form.Replies[{index}].Feedback.En']").FillAsync(empathy > 0 ? "You saw the wait from the citizen's side." : "The rule is true, but it leaves the citizen alone.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the node" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/Practice/Scenarios/\d+$")]
    private static partial Regex ScenarioUrl();
}
