using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>The case library (ADR-053) on a phone: an official contributes a case, sees what was removed, and sends it to review.</summary>
[Collection(Collections.People)]
public sealed class CaseLibraryTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Official_ContributesACase_SeesWhatWasRemoved_AndSendsItToReview()
    {
        await using var official = await fixture.OpenAsync(Viewport.Phone);
        var page = official.Page;
        await official.SignInAsync(DemoAccounts.Instructor);
        await page.GotoAsync("/Practice/Cases");
        await official.CheckPageAsync("case-library");
        await page.GetByRole(AriaRole.Link, new() { Name = "Contribute a case" }).First.ClickAsync();
        await Expect(page.PageHeading()).ToContainTextAsync("Contribute a case");

        await page.Locator("input[name='Form.Title.Ko']").FillAsync("매일 같은 답을 요구한 전화");
        await page.Locator("textarea[name='Form.Situation.Ko']").FillAsync("김민수 씨가 010-1234-5678로 매일 전화했다.");
        await page.Locator("textarea[name='Form.CitizenSaid.Ko']").FillAsync("김민수 씨는 감면을 요구했다.");
        await page.Locator("textarea[name='Form.OfficialDid.Ko']").FillAsync("절차를 문자로 보냈다.");
        await page.Locator("textarea[name='Form.Outcome.Ko']").FillAsync("이의신청으로 이어졌다.");
        await page.Locator("textarea[name='Form.Lesson.Ko']").FillAsync("같은 답을 팀 전체가 한다.");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Repeated" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft and check what is removed" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("items removed");
        var removed = page.Locator(".scrub-findings");
        await Expect(removed).ToContainTextAsync("010-1234-5678");
        await Expect(removed).ToContainTextAsync("민원인 A");
        await Expect(page.Locator(".scrub-text").Nth(1)).ToContainTextAsync("민원인 A 씨가 [전화번호 삭제]로 매일 전화했다.");
        await official.CheckPageAsync("case-contribute-scrubbed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Send to review" }).ClickAsync();
        await Expect(page.PageHeading()).ToContainTextAsync("Send the case to review?");
        await official.CheckPageAsync("case-submit-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to review" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The case is sent to review.");
        await Expect(page.Locator(".case-list")).ToContainTextAsync("Waiting for review");
        await official.CheckPageAsync("case-mine");
    }
}
