using ServeWell.Web.Modules.Insights.Statistics;

namespace ServeWell.Web.Tests.Insights;

public sealed class SatisfactionMeasuresTests
{
    [Fact]
    public void Measures_HandComputedHistogram_GivesSharesAndIndex()
    {
        // 2×1, 3×2, 5×3, 6×4, 4×5 = 20 answers. Satisfied 10/20, dissatisfied 5/20.
        // Index: (2·0 + 3·25 + 5·50 + 6·75 + 4·100) / 20 = (0 + 75 + 250 + 450 + 400) / 20 = 58.75.
        var measures = new ScoreHistogram(2, 3, 5, 6, 4).Measures();

        measures.Answers.ShouldBe(20);
        measures.SatisfiedShare!.Value.ShouldBe(0.5, 1e-15);
        measures.DissatisfiedShare!.Value.ShouldBe(0.25, 1e-15);
        measures.Index!.Value.ShouldBe(58.75, 1e-12);
    }

    [Fact]
    public void Measures_NoAnswers_AreNullNotNaN()
    {
        var measures = ScoreHistogram.Empty.Measures();

        measures.Answers.ShouldBe(0);
        measures.SatisfiedShare.ShouldBeNull();
        measures.DissatisfiedShare.ShouldBeNull();
        measures.Index.ShouldBeNull();
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 50)]
    [InlineData(5, 100)]
    public void Index_OfUnanimousAnswers_IsTheEndOrMiddleOfTheScale(int score, double expected)
    {
        ScoreHistogram.Of(Enumerable.Repeat(score, 7)).Measures().Index.ShouldBe(expected);
        SatisfactionMeasures.IndexOf(score).ShouldBe(expected);
    }

    [Fact]
    public void Histograms_OfDisjointCells_AddUpToTheHistogramOfAllAnswers()
    {
        int[] a = [1, 5, 5, 3], b = [2, 4, 4, 1, 5];
        (ScoreHistogram.Of(a) + ScoreHistogram.Of(b)).ShouldBe(ScoreHistogram.Of(a.Concat(b)));
        ScoreHistogram.Sum([ScoreHistogram.Of(a), ScoreHistogram.Of(b)]).Count.ShouldBe(9);
    }

    [Fact]
    public void IndexMoments_EqualMomentsOfTheAnswersIndexValues()
    {
        int[] scores = [1, 2, 2, 4, 5, 5];
        var fromHistogram = ScoreHistogram.Of(scores).IndexMoments();
        var direct = Moments.Of(scores.Select(SatisfactionMeasures.IndexOf));

        fromHistogram.ShouldBe(direct);
        // Values 0, 25, 25, 75, 100, 100: mean 54.1667, s² = Σ(x − x̄)² / 5 = 9270.83 / 5 = 1854.1667.
        fromHistogram.Mean!.Value.ShouldBe(325.0 / 6, 1e-12);
        fromHistogram.Variance!.Value.ShouldBe(1854.1666666666667, 1e-9);
    }

    [Fact]
    public void Moments_TooFewValues_HaveNoVarianceAndEqualValuesHaveZero()
    {
        default(Moments).Mean.ShouldBeNull();
        Moments.Of([50]).Variance.ShouldBeNull();
        Moments.Of([50]).StandardError.ShouldBeNull();
        Moments.Of([0.1, 0.1, 0.1]).Variance.ShouldBe(0);
    }

    [Fact]
    public void ScoreOutsideTheScale_IsRejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ScoreHistogram.Empty.Add(6));
        Should.Throw<ArgumentOutOfRangeException>(() => SatisfactionMeasures.IndexOf(0));
    }
}
