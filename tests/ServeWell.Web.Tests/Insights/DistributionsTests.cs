using ServeWell.Web.Modules.Insights.Statistics;

namespace ServeWell.Web.Tests.Insights;

/// <summary>The normal and Student-t functions against printed table values (and 30-digit references for the tails).</summary>
public sealed class DistributionsTests
{
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.96, 0.9750021048517796)]
    [InlineData(-1.96, 0.0249978951482204)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(-3, 0.0013498980316300945)]
    public void NormalCdf_MatchesTable(double z, double expected) =>
        Distributions.NormalCdf(z).ShouldBe(expected, 1e-14);

    [Fact]
    public void NormalCdf_FarTail_KeepsRelativePrecision()
    {
        Distributions.NormalCdf(-8).ShouldBe(6.220960574271784e-16, 1e-28);
        Distributions.NormalCdf(-40).ShouldBeInRange(0, 1e-300);
        Distributions.NormalCdf(40).ShouldBe(1);
        Distributions.NormalTwoSidedP(0).ShouldBe(1);
    }

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.95, 1.6448536269514727)]
    [InlineData(0.5, 0)]
    [InlineData(0.005, -2.5758293035489004)]
    public void NormalQuantile_MatchesTable(double p, double expected) =>
        Distributions.NormalQuantile(p).ShouldBe(expected, 1e-12);

    [Theory]
    [InlineData(4.302653, 2, 0.9750000029088978)]
    [InlineData(2.228139, 10, 0.9750000062735587)]
    [InlineData(1, 1, 0.75)]
    [InlineData(2.042272, 30, 0.9749999759976925)]
    [InlineData(-1.5, 7.3, 0.08778154640154306)]
    [InlineData(0.5, 3, 0.6742760175759245)]
    [InlineData(0, 5, 0.5)]
    public void StudentTCdf_MatchesTable(double t, double df, double expected) =>
        Distributions.StudentTCdf(t, df).ShouldBe(expected, 1e-12);

    [Theory]
    [InlineData(2, 4.302652729749464)]
    [InlineData(10, 2.228138851986274)]
    [InlineData(1, 12.706204736174707)]
    public void StudentTQuantile_MatchesTable(double df, double expected) =>
        Distributions.StudentTQuantile(0.975, df).ShouldBe(expected, 1e-9);

    [Fact]
    public void StudentT_ManyDegreesOfFreedom_ApproachesNormal() =>
        Distributions.StudentTCdf(1.96, 1e7).ShouldBe(Distributions.NormalCdf(1.96), 1e-7);

    [Fact]
    public void StudentT_InfiniteStatistic_IsCertain()
    {
        Distributions.StudentTCdf(double.PositiveInfinity, 3).ShouldBe(1);
        Distributions.StudentTCdf(double.NegativeInfinity, 3).ShouldBe(0);
        Distributions.StudentTTwoSidedP(double.PositiveInfinity, 3).ShouldBe(0);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(5, 3.1780538303479458)]
    [InlineData(0.5, 0.5723649429247001)]
    [InlineData(0.1, 2.2527126517342060)]
    [InlineData(100, 359.1342053695754)]
    public void LogGamma_MatchesKnownValues(double x, double expected) =>
        Distributions.LogGamma(x).ShouldBe(expected, Math.Abs(expected) * 1e-13 + 1e-13);

    [Fact]
    public void IncompleteBeta_Symmetric_IsHalfAtHalf()
    {
        Distributions.RegularisedIncompleteBeta(3, 3, 0.5).ShouldBe(0.5, 1e-14);
        Distributions.RegularisedIncompleteBeta(2, 5, 0).ShouldBe(0);
        Distributions.RegularisedIncompleteBeta(2, 5, 1).ShouldBe(1);
        // I_x(1, b) = 1 − (1 − x)^b
        Distributions.RegularisedIncompleteBeta(1, 4, 0.3).ShouldBe(1 - Math.Pow(0.7, 4), 1e-14);
    }

    [Fact]
    public void Quantiles_InvertTheCdfs_AcrossTheRange()
    {
        foreach (var p in new[] { 1e-10, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999 })
        {
            Distributions.NormalCdf(Distributions.NormalQuantile(p)).ShouldBe(p, p * 1e-9);
            foreach (var df in new[] { 1.0, 2.5, 7, 30, 500 })
            {
                var t = Distributions.StudentTQuantile(p, df);
                Distributions.StudentTCdf(t, df).ShouldBe(p, p * 1e-8);
                // Symmetry: P(T ≤ −t) = 1 − P(T ≤ t).
                Distributions.StudentTCdf(-t, df).ShouldBe(1 - p, 1e-12);
            }
        }
    }
}
