using ServeWell.Web.Modules.Insights.Statistics;

namespace ServeWell.Web.Tests.Insights;

public sealed class ProblemServicesTests
{
    /// <summary>A histogram with <paramref name="unhappy"/> answers of 1 and the rest 5.</summary>
    private static ScoreHistogram Answers(long total, long unhappy) => new(unhappy, 0, 0, 0, total - unhappy);

    private static readonly ServiceScores[] CityServices =
    [
        new(1, Answers(800, 240), Answers(700, 140)),
        new(2, Answers(1000, 80), Answers(1000, 80)),
        new(3, Answers(1200, 100), ScoreHistogram.Empty),
        new(4, Answers(900, 90), Answers(950, 95)),
        new(5, Answers(3, 2), Answers(2, 0)),
    ];

    [Fact]
    public void Rank_ByWilson_ThreeAnswersDoNotTopEightHundred()
    {
        var ranking = ProblemServices.Rank([new(5, Answers(3, 2), ScoreHistogram.Empty), new(1, Answers(800, 240), ScoreHistogram.Empty)]);

        ranking.Services.Select(s => s.ServiceId).ShouldBe([1, 5]);
        ranking.Services[0].Score.ShouldBe(0.26926228206818985, 1e-12);
        ranking.Services[1].Score.ShouldBe(0.20765960080204772, 1e-12);
        ranking.Services[1].DissatisfiedShare.ShouldBe(2.0 / 3, 1e-15);
        ranking.Measure.ShouldBe(RankingMeasure.WilsonLowerBound);
        ranking.Confidence.ShouldBe(0.95);
    }

    [Fact]
    public void Rank_ByShrinkage_ThreeAnswersDoNotTopEightHundred()
    {
        var ranking = ProblemServices.Rank(CityServices, new ProblemRankingOptions { Measure = RankingMeasure.BayesianShrinkage });

        ranking.Services[0].ServiceId.ShouldBe(1);
        ranking.Services[1].ServiceId.ShouldBe(5);
        // μ = 512 / 3903; empirical-Bayes strength M = 10.249 (method of moments over the five services).
        ranking.OverallShare!.Value.ShouldBe(512.0 / 3903, 1e-15);
        ranking.PriorStrength!.Value.ShouldBe(10.249120754895218, 1e-9);
        ranking.Services[1].Score.ShouldBe(0.2524311940603125, 1e-12);
        ranking.Services[0].Score.ShouldBe(0.2978645520127821, 1e-12);
    }

    [Fact]
    public void Rank_ByShrinkage_WithConfiguredStrength_UsesIt()
    {
        var ranking = ProblemServices.Rank(
            [new(1, Answers(800, 240), ScoreHistogram.Empty), new(5, Answers(3, 2), ScoreHistogram.Empty), new(6, Answers(197, 0), ScoreHistogram.Empty)],
            new ProblemRankingOptions { Measure = RankingMeasure.BayesianShrinkage, PriorStrength = 20 });

        // μ = 242 / 1000; service 5: (2 + 20·0.242) / 23 = 6.84 / 23.
        ranking.PriorStrength.ShouldBe(20);
        ranking.Services.Single(s => s.ServiceId == 5).Score.ShouldBe(6.84 / 23, 1e-12);
        ranking.Services.Single(s => s.ServiceId == 5).EstimatedDissatisfied.ShouldBe(3 * 6.84 / 23, 1e-12);
        ranking.Services.Select(s => s.ServiceId).ShouldBe([1, 5, 6]);
    }

    [Fact]
    public void Rank_ReportsSampleExtentAndChange()
    {
        var first = ProblemServices.Rank(CityServices).Services[0];

        first.ServiceId.ShouldBe(1);
        first.Answers.ShouldBe(800);
        first.Dissatisfied.ShouldBe(240);
        first.EstimatedShare.ShouldBe(0.3);
        first.EstimatedDissatisfied.ShouldBe(240, 1e-9);
        first.PreviousDissatisfiedShare.ShouldBe(0.2);
        first.DissatisfiedShareChange!.Value.ShouldBe(0.1, 1e-15);
        first.ChangeTest.Test.ShouldBe(SignificanceTest.TwoProportionZ);
        first.ChangeTest.IsSignificant().ShouldBeTrue();
    }

    [Fact]
    public void Rank_WithCitizensServed_ScalesTheExtentToThem()
    {
        var service = ProblemServices.Rank([new(1, Answers(800, 240), ScoreHistogram.Empty, CitizensServed: 20_000)]).Services.Single();

        service.EstimatedDissatisfied.ShouldBe(6000, 1e-9);
        service.PreviousDissatisfiedShare.ShouldBeNull();
        service.DissatisfiedShareChange.ShouldBeNull();
        service.ChangeTest.Computable.ShouldBeFalse();
    }

    [Fact]
    public void Rank_ServicesWithoutAnswers_AreLeftOutAndEmptyInputIsEmpty()
    {
        ProblemServices.Rank([new(1, ScoreHistogram.Empty, Answers(10, 5))]).Services.ShouldBeEmpty();
        var empty = ProblemServices.Rank([], new ProblemRankingOptions { Measure = RankingMeasure.BayesianShrinkage });
        empty.Services.ShouldBeEmpty();
        empty.OverallShare.ShouldBeNull();
    }

    [Fact]
    public void Rank_Ties_PutTheLargerSampleFirst()
    {
        var ranking = ProblemServices.Rank([new(1, Answers(10, 0), ScoreHistogram.Empty), new(2, Answers(50, 0), ScoreHistogram.Empty)]);

        ranking.Services.Select(s => s.ServiceId).ShouldBe([2, 1]);
    }
}
