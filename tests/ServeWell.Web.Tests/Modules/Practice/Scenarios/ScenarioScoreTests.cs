using ServeWell.Web.Modules.Practice.Scenarios;
using Shouldly;
using static ServeWell.Web.Tests.Modules.Practice.Scenarios.ScenarioSamples;

namespace ServeWell.Web.Tests.Modules.Practice.Scenarios;

public sealed class ScenarioScoreTests
{
    [Fact]
    public void Of_BestRepliesOnTheLongPath_ScoresTheBestPossible()
    {
        var scores = ScenarioScore.Of(RepeatedCaller(), [new("Start", 0), new("Listen", 0)]);

        scores.ShouldBe([new CompetencyScore("empathy", 3, 3), new CompetencyScore("difficult-situations", 3, 3)]);
        scores.ShouldAllBe(s => s.Percent == 100);
    }

    [Fact]
    public void Of_PoorRepliesThenRecovery_IsMeasuredAgainstTheBestOnThatPath()
    {
        // Start (best: empathy 2, calm 1) then Argue (best: empathy 3, calm 1).
        var scores = ScenarioScore.Of(RepeatedCaller(), [new("Start", 1), new("Argue", 0)]);

        scores.ShouldBe([new CompetencyScore("empathy", 2, 5), new CompetencyScore("difficult-situations", -1, 2)]);
        scores[0].Percent.ShouldBe(40);
        scores[1].Percent.ShouldBe(0);
    }

    [Fact]
    public void Of_WorstPath_GivesNegativeScores()
    {
        var scores = ScenarioScore.Of(RepeatedCaller(), [new("Start", 1), new("Argue", 1)]);

        scores.ShouldBe([new CompetencyScore("empathy", -3, 5), new CompetencyScore("difficult-situations", -5, 2)]);
    }

    [Fact]
    public void Of_MovesThatNameNoReply_AreLeftOut()
    {
        ScenarioScore.Of(RepeatedCaller(), [new("Start", 7), new("Nowhere", 0)])
            .ShouldBe([new CompetencyScore("empathy", 0, 0), new CompetencyScore("difficult-situations", 0, 0)]);
    }
}
