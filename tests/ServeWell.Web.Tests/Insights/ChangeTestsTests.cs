using ServeWell.Web.Modules.Insights.Statistics;

namespace ServeWell.Web.Tests.Insights;

public sealed class ChangeTestsTests
{
    [Fact]
    public void TwoProportion_HandComputed()
    {
        // 45/100 vs 30/100: pooled 0.375, SE = √(0.375·0.625·0.02) = 0.0684653, z = 0.15 / SE = 2.190890, p = 0.028460.
        var test = ChangeTests.TwoProportion(45, 100, 30, 100);

        test.Test.ShouldBe("two-proportion z-test");
        test.Statistic.ShouldBe(2.1908902300206645, 1e-12);
        test.PValue.ShouldBe(0.028459736916310576, 1e-12);
        test.IsSignificant().ShouldBeTrue();
        test.IsSignificant(0.01).ShouldBeFalse();
        ChangeTests.TwoProportion(30, 100, 45, 100).Statistic.ShouldBe(-2.1908902300206645, 1e-12);
    }

    [Fact]
    public void Welch_FromSums_HandComputed()
    {
        // A = {50, 75, 100, 75}: mean 75, s² = 416.67; B = {25, 50, 50, 75, 25}: mean 45, s² = 437.5.
        // t = 30 / √(104.167 + 87.5) = 2.166945, ν = 191.667² / (104.167²/3 + 87.5²/4) = 6.641904, p = 0.069000.
        var a = new Moments(4, 300, 23750);
        var b = new Moments(5, 225, 11875);
        a.ShouldBe(Moments.Of([50, 75, 100, 75]));
        b.ShouldBe(Moments.Of([25, 50, 50, 75, 25]));

        var test = ChangeTests.Welch(a, b);

        test.Test.ShouldBe("Welch's t-test");
        test.Statistic.ShouldBe(2.166945355543846, 1e-12);
        test.DegreesOfFreedom!.Value.ShouldBe(6.641904263667277, 1e-9);
        test.PValue.ShouldBe(0.06900039288430656, 1e-10);
        test.IsSignificant().ShouldBeFalse();
    }

    [Fact]
    public void Tests_OnEmptyOrConstantData_AreNotComputableAndNeverNaN()
    {
        SignificanceTest[] tests =
        [
            ChangeTests.TwoProportion(0, 0, 3, 10),
            ChangeTests.TwoProportion(0, 10, 0, 20),
            ChangeTests.TwoProportion(10, 10, 20, 20),
            ChangeTests.Welch(default, Moments.Of([1, 2, 3])),
            ChangeTests.Welch(Moments.Of([50]), Moments.Of([1, 2, 3])),
            ChangeTests.Welch(Moments.Of([75, 75]), Moments.Of([50, 50, 50])),
        ];

        foreach (var test in tests)
        {
            test.Computable.ShouldBeFalse();
            test.Statistic.ShouldBe(0);
            test.PValue.ShouldBe(1);
            test.IsSignificant().ShouldBeFalse();
        }
    }

    [Fact]
    public void Welch_OneSideConstant_StillTests()
    {
        var test = ChangeTests.Welch(Moments.Of([100, 100, 100]), Moments.Of([50, 75, 100, 75]));

        test.Computable.ShouldBeTrue();
        double.IsNaN(test.PValue).ShouldBeFalse();
        test.Statistic.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Compare_MonthAgainstSameMonthLastYear_GivesChangesAndBothTests()
    {
        var current = new ScoreHistogram(5, 5, 10, 40, 40);
        var lastYear = new ScoreHistogram(10, 10, 20, 30, 30);

        var change = ChangeTests.Compare(current, lastYear);

        change.SatisfiedShareChange!.Value.ShouldBe(0.2, 1e-12);
        // Index, current: (5·0+5·25+10·50+40·75+40·100)/100 = 76.25; last year (0+250+1000+2250+3000)/100 = 65.
        change.IndexChange!.Value.ShouldBe(11.25, 1e-12);
        change.SatisfiedShareTest.ShouldBe(ChangeTests.TwoProportion(80, 100, 60, 100));
        change.IndexTest.ShouldBe(ChangeTests.Welch(current.IndexMoments(), lastYear.IndexMoments()));
        change.IndexTest.IsSignificant().ShouldBeTrue();
    }

    [Fact]
    public void Compare_WithAnEmptyPeriod_HasNoChange()
    {
        var change = ChangeTests.Compare(new ScoreHistogram(0, 0, 0, 1, 1), ScoreHistogram.Empty);

        change.SatisfiedShareChange.ShouldBeNull();
        change.IndexChange.ShouldBeNull();
        change.SatisfiedShareTest.Computable.ShouldBeFalse();
        change.IndexTest.Computable.ShouldBeFalse();
    }
}
