using ServeWell.Web.Modules.Home;

namespace ServeWell.Web.Tests.Modules.Home;

/// <summary>The key-figure tiles (ADR-036): the change in points or percent, and a sparkline with gaps where a month has no figure.</summary>
public sealed class KpiTileTests
{
    private static readonly DateOnly Jan = new(2026, 1, 1);

    [Fact]
    public void Change_OfAShare_IsInPoints_AndOfACount_InPercent_AndNoneWithoutThePreviousPeriod()
    {
        new KpiTile("s", "S", KpiKind.Percent, 62.5, 60, [], "/").Change!.Value.ShouldBe(2.5, 1e-9);
        new KpiTile("r", "R", KpiKind.Count, 150, 100, [], "/").Change!.Value.ShouldBe(50, 1e-9);
        new KpiTile("r", "R", KpiKind.Count, 150, 0, [], "/").Change.ShouldBeNull();
        new KpiTile("s", "S", KpiKind.Percent, 62.5, null, [], "/").Change.ShouldBeNull();
    }

    [Fact]
    public void Sparkline_BreaksTheLineWhereAMonthHasNoFigure_AndDrawsALoneMonth()
    {
        KpiPoint[] trend = [new(Jan, 10), new(Jan.AddMonths(1), 20), new(Jan.AddMonths(2), null), new(Jan.AddMonths(3), 15)];

        var runs = Sparkline.Runs(trend);

        runs.Count.ShouldBe(2);
        runs[0].Split(' ').Length.ShouldBe(2);
        runs[0].ShouldStartWith("2,30"); // the lowest value at the bottom, 2 px inset
        runs[1].Split(' ').Length.ShouldBe(2); // a lone month drawn as a short stroke
        Sparkline.Runs([new(Jan, null)]).ShouldBeEmpty();
    }
}
