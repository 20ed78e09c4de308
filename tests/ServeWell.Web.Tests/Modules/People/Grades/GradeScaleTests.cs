using ServeWell.Web.Modules.People.Grades;
using Shouldly;
using Xunit;

namespace ServeWell.Web.Tests.Modules.People.Grades;

public sealed class GradeScaleTests
{
    private static readonly GradeScale Korea = GradeScale.Korean();

    private static readonly GradeScale Philippines = new() { Name = "Salary grade", Lowest = 1, Highest = 33, SeniorEnd = SeniorEnd.Highest, Label = "SG {0}" };

    [Fact]
    public void NumericRange_KoreanGrade6AndBelow_IsGrades6To9()
    {
        Korea.NumericRange(atOrAbove: null, atOrBelow: 6).ShouldBe((6, 9));
    }

    [Fact]
    public void NumericRange_KoreanGrade5AndAbove_IsGrades1To5()
    {
        Korea.NumericRange(atOrAbove: 5, atOrBelow: null).ShouldBe((1, 5));
    }

    [Fact]
    public void NumericRange_PhilippineSalaryGrade11AndAbove_IsGrades11To33()
    {
        Philippines.NumericRange(atOrAbove: 11, atOrBelow: null).ShouldBe((11, 33));
        Philippines.NumericRange(atOrAbove: null, atOrBelow: 10).ShouldBe((1, 10));
    }

    [Fact]
    public void NumericRange_BothBoundsOnKoreanScale_IsTheBandBetween()
    {
        // As senior as 5 or more, and as junior as 7 or more: nobody — the bounds cross.
        var (min, max) = Korea.NumericRange(atOrAbove: 5, atOrBelow: 7);
        (min > max).ShouldBeTrue();
        Korea.NumericRange(atOrAbove: 7, atOrBelow: 5).ShouldBe((5, 7));
    }

    [Fact]
    public void BySeniority_ListsTheMostSeniorFirst()
    {
        Korea.BySeniority().First().ShouldBe(1);
        Philippines.BySeniority().First().ShouldBe(33);
    }

    [Fact]
    public void Format_UsesTheLabel()
    {
        Korea.Format(7).ShouldBe("7급");
        Philippines.Format(11).ShouldBe("SG 11");
    }
}
