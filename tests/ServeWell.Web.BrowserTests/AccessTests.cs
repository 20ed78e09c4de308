using System.Text.RegularExpressions;
using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>What each role sees: supervisors only their own centre, employees only their own things.</summary>
[Collection(Collections.People)]
public sealed class AccessTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EmployeeList_AsSupervisor_ShowsOnlyTheirCentreAndNoRosterImport()
    {
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Supervisor);
        await Expect(page.PageHeading()).ToContainTextAsync("Demo Supervisor");
        await session.CheckPageAsync("home");

        var links = await session.MainNavigationLinksAsync();
        links.ShouldContain("Employees");
        links.ShouldNotContain("Roster import");

        await page.FollowMainNavigationAsync("Employees");
        await Expect(page.PageHeading()).ToHaveTextAsync("Employees");
        await session.CheckPageAsync("employees");

        var table = page.GetByRole(AriaRole.Table, new() { Name = "Employees" });
        var units = await UnitColumnAsync(table);
        units.Count.ShouldBeGreaterThan(0);
        units.ShouldAllBe(u => u == DemoAccounts.SupervisorCentreName);

        // The unit filter offers nothing outside the centre either.
        var options = await page.GetByLabel("Org unit (with units below)").Locator("option").AllInnerTextsAsync();
        options.Select(o => o.Trim()).ShouldBe(["All", DemoAccounts.SupervisorCentreName]);
    }

    [Fact]
    public async Task Navigation_AsEmployee_ShowsOnlyHomeTheirTrainingTheirCoursesPracticeTheCaseLibraryTheirFeedbackAndStaffProtection()
    {
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Employee);
        await session.CheckPageAsync("home");

        // Every employee practises scenarios (ADR-061), reads the case library and contributes cases (ADR-053); reviewing them is the training officers..
        (await session.MainNavigationLinksAsync()).ShouldBe(["Home", "My training", "My courses", "Practice", "Case library", "My cases", "Staff protection", "My feedback"]);
    }

    [Fact]
    public async Task EmployeeList_AsEmployee_ShowsNotAllowedPage()
    {
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Employee);

        await page.GotoAsync("/People/Employees");

        await Expect(page).ToHaveURLAsync(new Regex("/Accounts/AccessDenied"));
        await Expect(page.PageHeading()).ToHaveTextAsync("Not allowed");
        await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        await session.CheckPageAsync("not-allowed");
    }

    private static async Task<IReadOnlyList<string>> UnitColumnAsync(ILocator table)
    {
        var headers = await table.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync();
        var column = headers.ToList().IndexOf("Org unit");
        column.ShouldBeGreaterThanOrEqualTo(0, "the employee table has an \"Org unit\" column");
        var rows = table.Locator("tbody").GetByRole(AriaRole.Row);
        var units = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            units.Add((await rows.Nth(i).GetByRole(AriaRole.Cell).Nth(column).InnerTextAsync()).Trim());
        }

        return units;
    }
}
