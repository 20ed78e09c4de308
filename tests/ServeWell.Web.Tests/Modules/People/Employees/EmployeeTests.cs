using ServeWell.Web.Modules.People.Employees;
using Shouldly;
using Xunit;

namespace ServeWell.Web.Tests.Modules.People.Employees;

public sealed class EmployeeTests
{
    [Theory]
    [InlineData("2016-03-02", "2026-03-01", 9)]
    [InlineData("2016-03-02", "2026-03-02", 10)]
    [InlineData("2016-02-29", "2026-02-28", 10)] // a leap-day anniversary falls on 28 February, as in civil-law period counting
    [InlineData("2016-02-29", "2026-02-27", 9)]
    [InlineData("2026-01-01", "2026-11-22", 0)]
    public void ServiceYearsOn_CountsWholeYears(string hired, string today, int years)
    {
        Employee.ServiceYearsOn(DateOnly.Parse(hired), DateOnly.Parse(today)).ShouldBe(years);
    }

    [Fact]
    public void Assign_AMove_ClosesThePreviousAssignmentWhereTheNewOneBegins()
    {
        var e = new Employee { EmployeeNumber = "E1", Name = "A", Email = "a@x.org" };
        e.Assign(orgUnitId: 1, grade: 8, position: "주무관", from: new DateOnly(2020, 1, 1)).ShouldBeTrue();
        e.Assign(orgUnitId: 2, grade: 8, position: "주무관", from: new DateOnly(2025, 3, 1)).ShouldBeTrue();

        e.Assignments.Count.ShouldBe(2);
        e.Assignments[0].Until.ShouldBe(new DateOnly(2025, 3, 1));
        e.Assignments[1].From.ShouldBe(new DateOnly(2025, 3, 1));
        e.Assignments[1].Until.ShouldBeNull();
        e.OrgUnitId.ShouldBe(2);
    }

    [Fact]
    public void Assign_NothingChanged_AddsNoHistory()
    {
        var e = new Employee { EmployeeNumber = "E1", Name = "A", Email = "a@x.org" };
        e.Assign(1, 8, "주무관", new DateOnly(2020, 1, 1));
        e.Assign(1, 8, "주무관", new DateOnly(2025, 1, 1)).ShouldBeFalse();
        e.Assignments.Count.ShouldBe(1);
    }

    [Fact]
    public void Assign_TwoChangesOnOneDay_KeepsOnlyTheLast()
    {
        var e = new Employee { EmployeeNumber = "E1", Name = "A", Email = "a@x.org" };
        e.Assign(1, 8, "주무관", new DateOnly(2020, 1, 1));
        e.Assign(2, 8, "주무관", new DateOnly(2025, 3, 1));
        e.Assign(3, 7, "주무관", new DateOnly(2025, 3, 1));

        e.Assignments.Select(a => a.OrgUnitId).ShouldBe([1, 3]);
        e.Assignments[^1].Grade.ShouldBe(7);
    }
}
