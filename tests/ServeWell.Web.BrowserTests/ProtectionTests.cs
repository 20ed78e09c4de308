using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// Staff protection on a phone (issue 17, ADR-059, ADR-062, ADR-063): the demo employee logs an encounter with a photo,
/// sees it and corrects its record; the supervisor sees the correction listed and offers support; the demo city's protection officer issues a restriction and downloads its letter.
/// </summary>
[Collection(Collections.People)]
public sealed class ProtectionTests(BrowserFixture fixture)
{
    /// <summary>A real, tiny PNG (1×1, grey): the evidence check reads the content, not the name.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Employee_LogsAnEncounterWithAPhotoAndCorrectsIt_SupervisorOffersSupport_OfficerIssuesARestrictionAndItsLetter()
    {
        var photo = Path.Combine(Path.GetTempPath(), $"encounter-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(photo, Png);
        try
        {
            string address;
            await using (var employee = await fixture.OpenAsync(Viewport.Phone))
            {
                var page = employee.Page;
                await employee.SignInAsync(DemoAccounts.Employee);
                await page.GotoAsync("/Protection/Log");
                await employee.CheckPageAsync("protection-log");
                await page.GetByRole(AriaRole.Radio, new() { Name = "On the phone" }).CheckAsync();
                await page.GetByRole(AriaRole.Checkbox, new() { Name = "Verbal abuse" }).CheckAsync();
                await page.GetByLabel("In a few words").FillAsync("전화로 욕설을 반복해서 경고 후 통화를 끝냈다.");
                await page.GetByLabel("The person's phone or email, if known").FillAsync($"010-{Random.Shared.Next(1000, 9999)}-{Random.Shared.Next(1000, 9999)}");
                await page.GetByLabel("Photos, recordings or documents").SetInputFilesAsync(photo);
                await page.GetByRole(AriaRole.Button, new() { Name = "Log the encounter" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The encounter is logged");
                await Expect(page.Locator("main a[href*='/evidence/']")).ToHaveCountAsync(1);
                await employee.CheckPageAsync("protection-encounter-employee");
                address = new Uri(page.Url).PathAndQuery;

                // Correcting the record on the phone (ADR-062, addendum): it was a threat that kept coming back, too.
                await page.Locator("details#correct > summary").ClickAsync();
                await page.GetByRole(AriaRole.Checkbox, new() { Name = "Threat", Exact = true }).CheckAsync();
                await page.GetByRole(AriaRole.Checkbox, new() { Name = "Unreasonable persistence", Exact = true }).CheckAsync();
                await employee.CheckPageAsync("protection-encounter-correct");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The record of the encounter is corrected");
                await Expect(page.Locator("main dl")).ToContainTextAsync("Unreasonable persistence");
            }

            await using (var supervisor = await fixture.OpenAsync(Viewport.Phone))
            {
                var page = supervisor.Page;
                await supervisor.SignInAsync(DemoAccounts.Supervisor);
                await page.GotoAsync(address);

                // The correction is listed under the record for every reader (ADR-062, 13), without the words.
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Corrections" })).ToBeVisibleAsync();
                await Expect(page.Locator("#corrections")).ToContainTextAsync("Kinds: Verbal abuse → Verbal abuse, Threat, Unreasonable persistence");
                await page.GetByLabel("What is offered").SelectOptionAsync(new SelectOptionValue { Label = "Counselling" });
                await page.GetByRole(AriaRole.Button, new() { Name = "Record the offer" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
                await Expect(page.Locator("main")).ToContainTextAsync("Counselling");
                await supervisor.CheckPageAsync("protection-encounter-supervisor");
            }

            // The demo city's protection officer (the HR training officer, DemoProtection).
            await using var officer = await fixture.OpenAsync(Viewport.Phone);
            var officerPage = officer.Page;
            await officer.SignInAsync(DemoAccounts.TrainingOfficer);
            await officerPage.GotoAsync(address);
            var today = DateTime.UtcNow.AddHours(9).Date;
            string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await officerPage.GetByLabel("What it limits").SelectOptionAsync(new SelectOptionValue { Label = "A channel" });
            await officerPage.GetByLabel("In plain words").FillAsync("전화 민원은 평일 10시부터 12시까지만");
            await officerPage.GetByLabel("From", new() { Exact = true }).FillAsync(Day(1));
            await officerPage.GetByLabel("Until", new() { Exact = true }).FillAsync(Day(90));
            await officerPage.GetByLabel("Review on").FillAsync(Day(30));
            await officerPage.GetByRole(AriaRole.Button, new() { Name = "Issue the restriction" }).ClickAsync();
            await Expect(officerPage.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            await officer.CheckPageAsync("protection-encounter-officer");
            await officerPage.GetByLabel("The person's name for the letter (not stored)").First.FillAsync("홍길동");
            var download = await officerPage.RunAndWaitForDownloadAsync(() => officerPage.GetByRole(AriaRole.Button, new() { Name = "Make the letter (PDF)" }).First.ClickAsync());
            var letter = Path.Combine(Path.GetTempPath(), $"letter-{Guid.NewGuid():N}.pdf");
            await download.SaveAsAsync(letter);
            var bytes = await File.ReadAllBytesAsync(letter);
            File.Delete(letter);
            System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        }
        finally
        {
            File.Delete(photo);
        }
    }
}
