using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Modules.People.RosterImport;
using Shouldly;
using Xunit;

namespace ServeWell.Web.Tests.Modules.People.RosterImport;

public sealed class RosterPlanTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly Dictionary<string, (int Id, bool IsActive)> Units = new()
    {
        ["C-WONHYO"] = (10, true),
        ["O-OLD"] = (11, false),
    };

    private static RosterSheet Sheet(params string?[][] rows)
    {
        var headers = Enum.GetValues<RosterColumn>().ToDictionary(c => c, c => c.ToString());
        return new RosterSheet
        {
            Headers = headers,
            IgnoredColumns = [],
            Description = "test",
            Rows = rows.Select((values, i) => new RosterRecord(i + 1, values)).ToList(),
        };
    }

    // EmployeeNumber, Name, Email, Phone, OrgUnitCode, Grade, Position, HireDate, Frontline, Status
    private static string?[] Row(string number, string unit = "C-WONHYO", string grade = "8", string hired = "2020-03-02", string email = "a@x.org", string name = "A") =>
        [number, name, email, "", unit, grade, "주무관", hired, "Y", "active"];

    private static RosterPlan Plan(RosterSheet sheet, params EmployeeSnapshot[] current) =>
        RosterPlan.Make(sheet, Units, GradeScale.Korean(), current.ToDictionary(e => e.EmployeeNumber), Today);

    private static EmployeeSnapshot Existing(int id, string number, EmployeeStatus status = EmployeeStatus.Active) =>
        new(id, number, "A", "a@x.org", null, 10, 8, "주무관", new DateOnly(2020, 3, 2), true, status);

    [Fact]
    public void Make_NewRows_AreCreates()
    {
        var plan = Plan(Sheet(Row("E1"), Row("E2")));
        plan.Creates.Select(c => c.EmployeeNumber).ShouldBe(["E1", "E2"]);
        plan.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Make_RowEqualToTheDatabase_IsUnchanged()
    {
        var plan = Plan(Sheet(Row("E1")), Existing(1, "E1"));
        plan.Unchanged.ShouldBe(1);
        plan.Updates.ShouldBeEmpty();
    }

    [Fact]
    public void Make_ChangedGrade_IsAnUpdate()
    {
        var plan = Plan(Sheet(Row("E1", grade: "7")), Existing(1, "E1"));
        plan.Updates.Single().Entry.Grade.ShouldBe(7);
    }

    [Fact]
    public void Make_DuplicateNumber_MarksEveryRowThatCarriesIt()
    {
        var plan = Plan(Sheet(Row("E1"), Row("E2"), Row("E1")));
        plan.Errors.Select(e => e.Row).ShouldBe([1, 3]);
        plan.Errors[0].Message.ShouldContain("also on row 3");
        plan.Creates.Select(c => c.EmployeeNumber).ShouldBe(["E2"]);
    }

    [Fact]
    public void Make_EveryProblemInARow_IsReportedWithColumnAndValue()
    {
        var plan = Plan(Sheet(Row("E1", unit: "NOPE", grade: "12", hired: "2030-01-01", email: "bad")));
        plan.Errors.Select(e => (e.Column, e.Value)).ShouldBe(
            [("Email", "bad"), ("OrgUnitCode", "NOPE"), ("Grade", "12"), ("HireDate", "2030-01-01")], ignoreOrder: true);
        plan.Errors.ShouldAllBe(e => e.Row == 1);
        plan.Creates.ShouldBeEmpty();
    }

    [Fact]
    public void Make_DeactivatedUnitAndMissingName_AreErrors()
    {
        var plan = Plan(Sheet(Row("E1", unit: "O-OLD", name: "")));
        plan.Errors.Select(e => e.Column).ShouldBe(["Name", "OrgUnitCode"], ignoreOrder: true);
    }

    [Fact]
    public void Make_EmployeesNotInTheFile_AreMissing_ButNotThoseWhoLeft()
    {
        var plan = Plan(Sheet(Row("E1")), Existing(1, "E1"), Existing(2, "E2"), Existing(3, "E3", EmployeeStatus.Left));
        plan.Missing.ShouldBe([2]);
    }

    [Fact]
    public void Make_RowWithAnError_StillCountsAsPresentForLeavers()
    {
        var plan = Plan(Sheet(Row("E2", grade: "99")), Existing(2, "E2"));
        plan.Missing.ShouldBeEmpty();
    }
}
