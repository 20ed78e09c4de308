using ServeWell.Web.Modules.Insights.Statistics;

namespace ServeWell.Web.Tests.Insights;

/// <summary>Wilson bounds and beta-binomial shrinkage against hand-computed values.</summary>
public sealed class SmallSampleTests
{
    [Theory]
    // p̂ = 0.1, z = 1.959964: (0.1 + z²/200 − z·√(0.0009 + z²/40000)) / (1 + z²/100) = 0.0552291…
    [InlineData(10, 100, 0.95, 0.05522913706067509)]
    [InlineData(10, 100, 0.90, 0.06071866701544722)]
    [InlineData(2, 3, 0.95, 0.20765960080204772)]
    [InlineData(240, 800, 0.95, 0.26926228206818985)]
    [InlineData(10, 10, 0.95, 0.7224672001371107)]
    [InlineData(0, 10, 0.95, 0)]
    public void WilsonLowerBound_MatchesHandComputation(long x, long n, double confidence, double expected) =>
        Wilson.LowerBound(x, n, confidence).ShouldBe(expected, 1e-12);

    [Fact]
    public void WilsonInterval_NoTrials_IsTheWholeRange() =>
        Wilson.Interval(0, 0).ShouldBe((0.0, 1.0));

    [Fact]
    public void WilsonInterval_HandComputedUpperBound() =>
        Wilson.Interval(10, 100).Upper.ShouldBe(0.17436566150491346, 1e-12);

    [Fact]
    public void WilsonLowerBound_MoreConfidence_IsLower() =>
        Wilson.LowerBound(10, 100, 0.99).ShouldBeLessThan(Wilson.LowerBound(10, 100, 0.95));

    [Fact]
    public void Wilson_ImpossibleCounts_AreRejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Wilson.LowerBound(5, 4));
        Should.Throw<ArgumentOutOfRangeException>(() => Wilson.LowerBound(1, 4, 1));
    }

    [Fact]
    public void Shrink_HandComputed_PullsSmallSamplesToThePriorMean()
    {
        // (2 + 20·0.1) / (3 + 20) = 4 / 23; (240 + 2) / 820.
        BetaBinomialShrinkage.Shrink(2, 3, 0.1, 20).ShouldBe(4.0 / 23, 1e-15);
        BetaBinomialShrinkage.Shrink(240, 800, 0.1, 20).ShouldBe(242.0 / 820, 1e-15);
        BetaBinomialShrinkage.Shrink(0, 0, 0.13, 20).ShouldBe(0.13);
        BetaBinomialShrinkage.Shrink(0, 0, 0.13, 0).ShouldBe(0.13);
        BetaBinomialShrinkage.Shrink(3, 4, 0.13, 0).ShouldBe(0.75);
    }

    [Fact]
    public void EstimatePriorStrength_HandComputedMethodOfMoments()
    {
        // μ = 60/300 = 0.2; Σ nᵢ(p̂ᵢ − μ)² = 100·0.01 + 0 + 100·0.01 = 2; binomial part 0.16 · 2 = 0.32;
        // N − Σnᵢ²/N = 300 − 100 = 200; τ² = 1.68 / 200 = 0.0084; M = 0.16 / 0.0084 − 1 = 18.047619…
        var m = BetaBinomialShrinkage.EstimatePriorStrength([(10, 100), (20, 100), (30, 100)]);

        m.ShouldBe((0.16 / 0.0084) - 1, 1e-9);
    }

    [Fact]
    public void EstimatePriorStrength_GroupsNoMoreDifferentThanNoise_ShrinksHard() =>
        BetaBinomialShrinkage.EstimatePriorStrength([(10, 100), (10, 100), (10, 100)]).ShouldBe(BetaBinomialShrinkage.MaxPriorStrength);

    [Fact]
    public void EstimatePriorStrength_DegenerateInput_FallsBack()
    {
        BetaBinomialShrinkage.EstimatePriorStrength([]).ShouldBe(BetaBinomialShrinkage.DefaultPriorStrength);
        BetaBinomialShrinkage.EstimatePriorStrength([(1, 10), (5, 10)], fallback: 7).ShouldBe(7);
        BetaBinomialShrinkage.EstimatePriorStrength([(0, 10), (0, 20), (0, 0), (0, 5)]).ShouldBe(BetaBinomialShrinkage.DefaultPriorStrength);
        BetaBinomialShrinkage.EstimatePriorStrength([(10, 10), (20, 20), (5, 5)]).ShouldBe(BetaBinomialShrinkage.DefaultPriorStrength);
    }
}
