using System.Xml.Linq;
using ServeWell.Web.Modules.Insights.Statistics;

namespace ServeWell.Web.Tests.Insights;

public sealed class DifferenceInDifferencesTests
{
    private static readonly DateOnly Jan = new(2026, 1, 1), Feb = new(2026, 2, 1), Mar = new(2026, 3, 1), Apr = new(2026, 4, 1);

    /// <summary><paramref name="answers"/> answers in one office-month, all with index <paramref name="value"/>.</summary>
    private static OfficeMonth Cell(int office, DateOnly month, int answers, double value) =>
        new(office, month, Moments.Of(Enumerable.Repeat(value, answers)));

    /// <summary>
    /// Trained offices 1 and 2, control offices 3 and 4; training counts from March.
    /// Office means before → after: 1: 60 → 75 (+15), 2: 50 → 70 (+20), 3: 55 → 60 (+5), 4: 65 → 65 (0).
    /// Office 1's "before" is two months (5 answers at 50, 5 at 70), weighted within the office to 60.
    /// </summary>
    private static List<OfficeMonth> TwoByTwo() =>
    [
        Cell(1, Jan, 5, 50), Cell(1, Feb, 5, 70), Cell(1, Mar, 10, 75),
        Cell(2, Feb, 8, 50), Cell(2, Apr, 6, 70),
        Cell(3, Jan, 7, 55), Cell(3, Mar, 9, 60),
        Cell(4, Feb, 12, 65), Cell(4, Mar, 5, 65), Cell(4, Apr, 5, 65),
    ];

    [Fact]
    public void Estimate_HandComputedTwoByTwo()
    {
        var result = DifferenceInDifferences.Estimate(TwoByTwo(), new HashSet<int> { 1, 2 }, Mar);

        // Arm means over offices: trained 55 → 72.5, control 60 → 62.5. DiD = 17.5 − 2.5 = 15.
        result.Treated.ShouldBe(new DidArm(2, 18, 16, 55, 72.5));
        result.Control.ShouldBe(new DidArm(2, 19, 19, 60, 62.5));
        result.Estimate.ShouldBe(15);
        // Office changes {15, 20} and {5, 0}: s² = 12.5 each, SE = √(12.5/2 + 12.5/2) = √12.5; ν = 12.5² / (2 · 6.25²) = 2.
        result.StandardError!.Value.ShouldBe(Math.Sqrt(12.5), 1e-12);
        result.DegreesOfFreedom!.Value.ShouldBe(2, 1e-12);
        // t(2, 0.975) = 4.302653; 15 ± 4.302653 · 3.535534 = [−0.212, 30.212]; p = 1 − t/√(2 + t²) with t = 15/√12.5.
        result.ConfidenceLow!.Value.ShouldBe(15 - (4.302652729749464 * Math.Sqrt(12.5)), 1e-8);
        result.ConfidenceHigh!.Value.ShouldBe(15 + (4.302652729749464 * Math.Sqrt(12.5)), 1e-8);
        result.PValue!.Value.ShouldBe(0.0513167019494862, 1e-12);
        result.Cautions.ShouldBe([DidCaution.EvidenceNotProof, DidCaution.FewOffices, DidCaution.IntervalIncludesZero]);
        result.CautionKeys.First().ShouldBe("DidCaution:EvidenceNotProof");
    }

    [Fact]
    public void Estimate_OfficeWithTooFewAnswersInAPeriod_IsExcluded()
    {
        var cells = TwoByTwo();
        cells.Add(Cell(5, Jan, 3, 0));
        cells.Add(Cell(5, Mar, 30, 100));

        var result = DifferenceInDifferences.Estimate(cells, new HashSet<int> { 1, 2 }, Mar);

        result.OfficesExcluded.ShouldBe(1);
        result.Estimate.ShouldBe(15);
        DifferenceInDifferences.Estimate(cells, new HashSet<int> { 1, 2 }, Mar, new DidOptions { MinimumAnswersPerPeriod = 3 })
            .OfficesExcluded.ShouldBe(0);
    }

    [Fact]
    public void Estimate_OneOfficeAnArm_HasAnEstimateButNoInterval()
    {
        var result = DifferenceInDifferences.Estimate(TwoByTwo().Where(c => c.OfficeId != 2).ToList(), new HashSet<int> { 1 }, Mar);

        // Office 1 +15, control mean change +2.5.
        result.Estimate.ShouldBe(12.5);
        result.StandardError.ShouldBeNull();
        result.ConfidenceLow.ShouldBeNull();
        result.PValue.ShouldBeNull();
        result.Cautions.ShouldBe([DidCaution.EvidenceNotProof, DidCaution.TooFewOffices]);
    }

    [Fact]
    public void Estimate_NoCells_IsEmptyNotNaN()
    {
        var result = DifferenceInDifferences.Estimate([], new HashSet<int> { 1 }, Mar);

        result.Estimate.ShouldBeNull();
        result.Treated.ShouldBe(new DidArm(0, 0, 0, null, null));
        result.Cautions.ShouldContain(DidCaution.TooFewOffices);
    }

    [Fact]
    public void Estimate_EveryOfficeMovesAlike_ClaimsNoCertainty()
    {
        OfficeMonth[] cells = [.. new[] { 1, 2, 3, 4 }.SelectMany(o => new[] { Cell(o, Jan, 5, 50), Cell(o, Mar, 5, 60) })];

        var result = DifferenceInDifferences.Estimate(cells, new HashSet<int> { 1, 2 }, Mar);

        result.Estimate.ShouldBe(0);
        result.StandardError.ShouldBeNull();
        result.ConfidenceLow.ShouldBeNull();
        result.Cautions.ShouldContain(DidCaution.NoVariation);
    }

    [Fact]
    public void Estimate_ManyOffices_ClearEffect_IsNotCautionedBeyondEvidence()
    {
        var cells = new List<OfficeMonth>();
        for (var o = 1; o <= 12; o++)
        {
            var treated = o <= 6;
            cells.Add(Cell(o, Jan, 20, 50 + o));
            cells.Add(Cell(o, Mar, 20, 50 + o + (treated ? 10 : 0) + (o % 3)));
        }

        var result = DifferenceInDifferences.Estimate(cells, new HashSet<int> { 1, 2, 3, 4, 5, 6 }, Mar);

        result.Estimate!.Value.ShouldBe(10, 1e-12);
        result.ConfidenceLow!.Value.ShouldBeGreaterThan(0);
        result.Cautions.ShouldBe([DidCaution.EvidenceNotProof]);
    }

    [Fact]
    public void EveryCaution_HasEnglishAndKoreanText()
    {
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.ko.resx" })
        {
            var keys = ResourceKeys(file);
            foreach (var caution in Enum.GetValues<DidCaution>())
            {
                keys.ShouldContain(DifferenceInDifferences.CautionKey(caution), file);
            }
        }
    }

    private static HashSet<string> ResourceKeys(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServeWell.slnx")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir!.FullName, "src", "ServeWell.Web", "Platform", "Localization", file);
        return [.. XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];
    }
}
