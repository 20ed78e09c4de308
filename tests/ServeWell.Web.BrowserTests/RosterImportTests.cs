using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

[Collection(Collections.People)]
public sealed class RosterImportTests(BrowserFixture fixture)
{
    [Fact]
    public async Task RosterImport_CsvWithOneBadRow_PreviewsErrorsThenImportsTheValidRows()
    {
        var csv = await RosterCsvAsync();
        await using var session = await fixture.OpenAsync(Viewport.Desktop);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.TrainingOfficer);
        await page.FollowMainNavigationAsync("Roster import");
        await Expect(page.PageHeading()).ToHaveTextAsync("Roster import");
        await session.CheckPageAsync("roster-import");

        await page.GetByLabel("Roster file (CSV or XLSX)").SetInputFilesAsync(new FilePayload
        {
            Name = "roster-test.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.Text),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file", Exact = true }).ClickAsync();

        // The job page polls while the file is checked and reloads itself when the preview is ready.
        await Expect(page).ToHaveURLAsync(new Regex(@"/People/Import/[0-9a-f-]{36}$"));
        var errors = page.GetByRole(AriaRole.Table, new() { Name = "Errors" });
        await Expect(errors).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByText("Nothing has been written yet.")).ToBeVisibleAsync();
        await Expect(page.FactValue("New employees")).ToHaveTextAsync("1");
        await Expect(page.FactValue("Updated")).ToHaveTextAsync("1");
        await Expect(page.FactValue("Unchanged")).ToHaveTextAsync("0");
        await Expect(page.FactValue("Rows with errors")).ToHaveTextAsync("1");
        (await errors.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync()).ShouldBe(["Row", "Column", "Value", "Problem"]);
        var errorRows = errors.Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(errorRows).ToHaveCountAsync(1);
        (await errorRows.First.GetByRole(AriaRole.Cell).AllInnerTextsAsync()).Select(c => c.Trim())
            .ShouldBe(["3", "grade", "12", "12 is not a grade on the scale 1–9."]);
        await session.CheckPageAsync("roster-preview");

        await page.GetByLabel("Import the valid rows and leave out the 1 rows with errors").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import now", Exact = true }).ClickAsync();

        var done = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported:" });
        await Expect(done).ToHaveTextAsync("Imported: 1 created, 1 updated, 0 unchanged, 0 marked as left.", new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import now" })).ToHaveCountAsync(0);
        await session.CheckPageAsync("roster-imported");

        // The new person is in the roster, in the centre the file named.
        await page.GotoAsync($"/People/Employees?Q={csv.NewNumber}");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Employees" });
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = csv.NewNumber })).ToContainTextAsync(DemoAccounts.SupervisorCentreName);
        await session.CheckPageAsync("employees-after-import");
    }

    private sealed record RosterCsv(string Text, string NewNumber);

    /// <summary>
    /// Three rows: a new employee at the supervisor's centre, an existing employee with a new position, and a row
    /// whose grade is off the scale. The existing employee is read from the seeded city, so the row matches them exactly.
    /// </summary>
    private async Task<RosterCsv> RosterCsvAsync()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        var existing = await db.Employees.AsNoTracking().Where(e => e.OrgUnit!.Code == "C-NAMSAN").OrderByDescending(e => e.EmployeeNumber)
            .Select(e => new { e.EmployeeNumber, e.Name, e.Email, e.Grade, e.HireDate }).FirstAsync();
        var suffix = Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
        var newNumber = "HBT" + suffix;
        var text = new StringBuilder()
            .AppendLine("employee_number,name,email,org_unit_code,grade,position,hire_date")
            .AppendLine(CultureInfo.InvariantCulture, $"{newNumber},신입 테스트,new.{suffix}@hanbit.demo,C-WONHYO,9,주무관,2024-03-04")
            .AppendLine(CultureInfo.InvariantCulture, $"{existing.EmployeeNumber},{existing.Name},{existing.Email},C-NAMSAN,{existing.Grade},민원 코치,{existing.HireDate:yyyy-MM-dd}")
            .AppendLine(CultureInfo.InvariantCulture, $"HBX{suffix},오류 테스트,bad.{suffix}@hanbit.demo,C-WONHYO,12,주무관,2024-03-04")
            .ToString();
        return new RosterCsv(text, newNumber);
    }
}
