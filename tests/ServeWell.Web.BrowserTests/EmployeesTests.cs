using System.Text.RegularExpressions;
using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>The training officer's daily work: the organisation, finding people, keeping their records right.</summary>
[Collection(Collections.People)]
public sealed class EmployeesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task OrganisationPage_AsTrainingOfficer_ShowsTheCityTree()
    {
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.TrainingOfficer);

        await page.FollowMainNavigationAsync("Organisation");

        await Expect(page.PageHeading()).ToHaveTextAsync("Organisation");
        var tree = page.GetByRole(AriaRole.List, new() { Name = "Org unit tree" });
        await Expect(tree.GetByRole(AriaRole.Link, new() { Name = "Hanbit City", Exact = true })).ToBeVisibleAsync();
        await Expect(tree.GetByRole(AriaRole.Link, new() { Name = DemoAccounts.SupervisorCentreName, Exact = true })).ToBeVisibleAsync();
        (await tree.GetByRole(AriaRole.Listitem).CountAsync()).ShouldBe(18, "the demo city has 18 org units");
        await session.CheckPageAsync("organisation");
    }

    [Fact]
    public async Task EmployeeList_FilteredByGrade_ChangesTheCount()
    {
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.TrainingOfficer);
        await page.FollowMainNavigationAsync("Employees");
        await Expect(page.PageHeading()).ToHaveTextAsync("Employees");
        var count = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "employees match" });
        await Expect(count).ToBeVisibleAsync();
        var everyone = await CountAsync(count);
        everyone.ShouldBeGreaterThan(500, "the demo city has about 600 employees");
        await session.CheckPageAsync("employees");

        await page.GetByLabel("Grade: at or below").SelectOptionAsync(new SelectOptionValue { Label = "9급" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("AtOrBelowGrade=9"));
        await Expect(count).Not.ToHaveTextAsync($"{everyone:N0} employees match");
        var grade9 = await CountAsync(count);
        grade9.ShouldBeInRange(1, everyone - 1);
        await Expect(page.GetByLabel("Grade: at or below")).ToHaveValueAsync("9");
        await session.CheckPageAsync("employees-grade-9");
    }

    [Fact]
    public async Task EmployeeEdit_NewPosition_ShowsOnDetailsAndInHistory()
    {
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.TrainingOfficer);
        await page.GotoAsync("/People/Employees?Q=HB1100");
        await session.CheckPageAsync("employees-search");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Employees" });
        await table.GetByRole(AriaRole.Link, new() { Name = "HB1100", Exact = true }).ClickAsync();

        await Expect(page.PageHeading()).ToContainTextAsync("HB1100");
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Assignment history" });
        await Expect(history.GetByRole(AriaRole.Columnheader, new() { Name = "Position" })).ToBeVisibleAsync();
        var rowsBefore = await history.Locator("tbody").GetByRole(AriaRole.Row).CountAsync();
        rowsBefore.ShouldBeGreaterThan(0);
        await session.CheckPageAsync("employee-details");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync("Edit employee");
        await session.CheckPageAsync("employee-edit");
        const string position = "민원 코치";
        await page.GetByLabel("Position", new() { Exact = true }).FillAsync(position);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/People/Employees/Details/\d+$"));
        await Expect(page.FactValue("Position")).ToHaveTextAsync(position);
        var newest = history.Locator("tbody").GetByRole(AriaRole.Row).First;
        await Expect(newest.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("now");
        await Expect(newest.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync(position);
        await session.CheckPageAsync("employee-details-after-edit");
    }

    private static async Task<int> CountAsync(ILocator count)
    {
        var text = await count.InnerTextAsync();
        var digits = Regex.Match(text, @"^[\d,]+").Value.Replace(",", "");
        digits.ShouldNotBeEmpty($"the count text \"{text}\" starts with a number");
        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }
}
