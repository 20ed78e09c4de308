using System.Globalization;
using ServeWell.Web.Modules.Insights;
using ServeWell.Web.Modules.Insights.Statistics;

namespace ServeWell.Web.Tests.Insights;

public sealed class PValueTextTests
{
    [Theory]
    [InlineData("ko-KR")]
    [InlineData("en-GB")]
    public void Format_ZeroOrBelowAThousandth_IsABoundNeverPEqualsZero(string culture)
    {
        var c = CultureInfo.GetCultureInfo(culture);

        PValueText.Format(0, c).ShouldBe("p < 0.001");
        PValueText.Format(1e-12, c).ShouldBe("p < 0.001");
        PValueText.Format(0.00099, c).ShouldBe("p < 0.001");
    }

    [Theory]
    [InlineData("ko-KR", 0.001, "p = 0.001")]
    [InlineData("ko-KR", 0.0421, "p = 0.042")]
    [InlineData("en-GB", 0.0421, "p = 0.042")]
    [InlineData("en-GB", 0.5, "p = 0.500")]
    [InlineData("en-GB", 1, "p = 1.000")]
    public void Format_AtOrAboveAThousandth_ShowsThreeDecimals(string culture, double p, string expected) =>
        PValueText.Format(p, CultureInfo.GetCultureInfo(culture)).ShouldBe(expected);

    [Fact]
    public void Format_FollowsTheReadersDecimalSeparator() =>
        PValueText.Format(0.0421, CultureInfo.GetCultureInfo("de-DE")).ShouldBe("p = 0,042");

    [Fact]
    public void Format_NothingToShow_IsADash()
    {
        PValueText.Format(null, CultureInfo.InvariantCulture).ShouldBe("–");
        PValueText.Format(double.NaN, CultureInfo.InvariantCulture).ShouldBe("–");
    }

    [Theory]
    [InlineData(0.0, "< 0.001")]
    [InlineData(1e-12, "< 0.001")]
    [InlineData(0.00099, "< 0.001")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0421, "0.042")]
    [InlineData(0.5, "0.500")]
    public void ForExport_WritesPInPlainWords_NeverZero(double p, string expected) =>
        PValueText.ForExport(p).ShouldBe(expected);

    [Fact]
    public void ForExport_NoTest_IsEmpty() => PValueText.ForExport(null).ShouldBeNull();

    [Fact]
    public void ChartLabels_Thin_KeepsLabelsThatDoNotTouch()
    {
        var twelve = Enumerable.Range(0, 12).Select(i => (X: i * 30.0, Label: $"25-{i + 1:00}")).ToList();

        var shown = ChartLabels.Thin(twelve, 330);

        shown.Select(l => l.Label).ShouldBe(["25-01", "25-03", "25-05", "25-07", "25-09", "25-11"]);
        ChartLabels.Thin(twelve.Take(6).ToList(), 330).Count.ShouldBe(6);
    }
}
