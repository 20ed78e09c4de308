using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.RosterImport;
using Shouldly;
using Xunit;

namespace ServeWell.Web.Tests.Modules.People.RosterImport;

public sealed class RosterValuesTests
{
    [Theory]
    [InlineData("2019-03-02")]
    [InlineData("2019.03.02")]
    [InlineData("2019/03/02")]
    [InlineData("2019.3.2")]
    [InlineData("2019. 3. 2.")]
    public void TryDate_AcceptsTheFormatsHrSystemsWrite(string text)
    {
        RosterValues.TryDate(text, out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(2019, 3, 2));
    }

    [Theory]
    [InlineData("02/03/2019")]
    [InlineData("2019-13-01")]
    [InlineData("yesterday")]
    public void TryDate_RefusesAmbiguousOrBrokenDates(string text) => RosterValues.TryDate(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("Y", true)]
    [InlineData("TRUE", true)]
    [InlineData("예", true)]
    [InlineData("n", false)]
    [InlineData("아니오", false)]
    [InlineData("0", false)]
    public void TryBool_ReadsBothLanguages(string text, bool expected)
    {
        RosterValues.TryBool(text, out var value).ShouldBeTrue();
        value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("on leave", EmployeeStatus.OnLeave)]
    [InlineData("휴직", EmployeeStatus.OnLeave)]
    [InlineData("퇴직", EmployeeStatus.Left)]
    [InlineData("Active", EmployeeStatus.Active)]
    public void TryStatus_ReadsBothLanguages(string text, EmployeeStatus expected)
    {
        RosterValues.TryStatus(text, out var status).ShouldBeTrue();
        status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("6", 6)]
    [InlineData("6급", 6)]
    [InlineData("SG 11", 11)]
    [InlineData("GL08", 8)]
    public void TryGrade_ReadsNumbersWithTheirUsualMarks(string text, int expected)
    {
        RosterValues.TryGrade(text, out var grade).ShouldBeTrue();
        grade.ShouldBe(expected);
    }

    [Theory]
    [InlineData("minjun.kim@hanbit.go.kr", true)]
    [InlineData("bad-email", false)]
    [InlineData("a@b", false)]
    [InlineData("two@@x.org", false)]
    [InlineData("Kim <kim@x.org>", false)]
    public void IsEmail_AcceptsPlainAddressesOnly(string text, bool expected) => RosterValues.IsEmail(text).ShouldBe(expected);

    [Theory]
    [InlineData("010-1234-5678", true)]
    [InlineData("+63 (34) 388 1234", true)]
    [InlineData("call me", false)]
    [InlineData("123", false)]
    public void IsPhone_AcceptsDigitsAndUsualSeparators(string text, bool expected) => RosterValues.IsPhone(text).ShouldBe(expected);
}
