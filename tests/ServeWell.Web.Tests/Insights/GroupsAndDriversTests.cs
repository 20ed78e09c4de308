using ServeWell.Web.Modules.Insights.Statistics;

namespace ServeWell.Web.Tests.Insights;

public sealed class GroupsAndDriversTests
{
    [Fact]
    public void Withheld_RowsBelowTheMinimum_AreWithheld()
    {
        var withheld = MinimumGroupSize.Withheld([("kim", 4L), ("lee", 2L), ("park", 5L), ("choi", 30L)]);

        withheld.ShouldBe(["kim", "lee"], ignoreOrder: true);
    }

    [Fact]
    public void Withheld_ASingleSmallRowBesideATotal_TakesTheNextSmallestWithIt()
    {
        var withheld = MinimumGroupSize.Withheld([(1, 3L), (2, 9L), (3, 7L), (4, 0L)]);

        withheld.ShouldBe([1, 3], ignoreOrder: true);
        MinimumGroupSize.Withheld([(1, 3L), (2, 9L), (3, 7L)], totalShown: false).ShouldBe([1]);
    }

    [Fact]
    public void Withheld_NothingSmallOrNothingAtAll_WithholdsNothing()
    {
        MinimumGroupSize.Withheld([(1, 5L), (2, 6L)]).ShouldBeEmpty();
        MinimumGroupSize.Withheld(Array.Empty<(int, long)>()).ShouldBeEmpty();
        MinimumGroupSize.Withheld([(1, 0L)]).ShouldBeEmpty();
        MinimumGroupSize.Withheld([(1, 2L)]).ShouldBe([1]);
        MinimumGroupSize.Withheld([(1, 7L)], minimum: 10).ShouldBe([1]);
        MinimumGroupSize.MayShow(5).ShouldBeTrue();
        MinimumGroupSize.MayShow(4).ShouldBeFalse();
    }

    [Fact]
    public void Weakest_OrdersByGapToOverallAndSkipsThinDrivers()
    {
        // Means: 40, 70, 20 (only 3 ratings: too few), 50, —. Overall: 60, 72, 50, 55, 60. Gaps: −20, −2, —, −5, —.
        DriverSum[] service = [new(10, 400), new(10, 700), new(3, 60), new(8, 400), new(0, 0)];
        DriverSum[] overall = [new(100, 6000), new(100, 7200), new(100, 5000), new(100, 5500), new(100, 6000)];

        var weakest = DriverMeasures.Weakest(service, overall);

        weakest.Select(d => d.Driver).ShouldBe([0, 3]);
        weakest[0].Mean.ShouldBe(40);
        weakest[0].Gap.ShouldBe(-20);
        weakest[1].Answers.ShouldBe(8);
    }

    [Fact]
    public void Weakest_WithoutOverall_OrdersByMean()
    {
        DriverSum[] service = [new(10, 700), new(10, 300), new(10, 500)];

        DriverMeasures.Weakest(service, [], take: 3).Select(d => d.Driver).ShouldBe([1, 2, 0]);
        DriverMeasures.Weakest([], []).ShouldBeEmpty();
        default(DriverSum).Mean.ShouldBeNull();
    }

    [Fact]
    public void TrainingArms_SplitTrainedUntrainedAndInBetween()
    {
        var arms = TrainingArms.Assign(
        [
            new(1, 10, 8, 10),  // 80 % by the cutoff: trained
            new(2, 10, 7, 10),  // 70 %: in between
            new(3, 10, 0, 1),   // 10 % even at the end: not yet trained
            new(4, 10, 0, 2),   // 20 % at the end: no longer "not yet"
            new(5, 0, 0, 0),    // no frontline staff
        ]);

        arms.Treated.ShouldBe([1]);
        arms.Control.ShouldBe([3]);
        arms.Excluded.ShouldBe([2, 4, 5], ignoreOrder: true);
    }

    [Fact]
    public void WilsonZ_DefaultEqualsTheComputedQuantile()
    {
        Wilson.Z(0.95).ShouldBe(Distributions.NormalQuantile(0.975), 1e-12);
        Wilson.Z(0.99).ShouldBe(2.5758293035489004, 1e-12);
    }
}
