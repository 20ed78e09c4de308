using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Practice.Scenarios;
using ServeWell.Web.Platform.Localization;
using Shouldly;
using static ServeWell.Web.Tests.Modules.Practice.Scenarios.ScenarioSamples;

namespace ServeWell.Web.Tests.Modules.Practice.Scenarios;

public sealed class ScenarioGraphTests
{
    private static readonly IStringLocalizer L = EnglishOnly.Instance;

    [Fact]
    public void Validate_WellFormedScenario_HasNoProblems() =>
        ScenarioGraph.Validate(RepeatedCaller()).ShouldBeEmpty();

    [Fact]
    public void Validate_NodeNothingLeadsTo_IsUnreachable()
    {
        var content = RepeatedCaller() with { Nodes = [.. RepeatedCaller().Nodes, Node("Orphan", Reply("네", "Calm", 0, 0))] };

        var problem = ScenarioGraph.Validate(content).ShouldHaveSingleItem();

        problem.Kind.ShouldBe(GraphProblemKind.Unreachable);
        problem.Message(L).ShouldBe("Node \"Orphan\" cannot be reached from the start.");
    }

    [Fact]
    public void Validate_NodeWithoutRepliesThatIsNoEnding_IsADeadEnd()
    {
        var nodes = RepeatedCaller().Nodes.Select(n => n.Key == "Angry" ? n with { IsEnding = false } : n).ToList();

        var problems = ScenarioGraph.Validate(RepeatedCaller() with { Nodes = nodes });

        problems.ShouldHaveSingleItem().ShouldBe(new GraphProblem(GraphProblemKind.DeadEnd, "Angry"));
    }

    [Fact]
    public void Validate_LoopWithNoWayOut_NamesEveryNodeOfTheLoopOnce()
    {
        var content = RepeatedCaller() with
        {
            Nodes =
            [
                Node("Start", Reply("A", "Listen", 0, 0), Reply("B", "Round1", 0, 0)),
                Node("Listen", Reply("C", "Calm", 0, 0)),
                Node("Round1", Reply("D", "Round2", 0, 0)),
                Node("Round2", Reply("E", "Round1", 0, 0)),
                Ending("Calm"),
            ],
        };

        var problem = ScenarioGraph.Validate(content).ShouldHaveSingleItem();

        problem.Kind.ShouldBe(GraphProblemKind.LoopWithoutExit);
        problem.Message(L).ShouldBe("Nodes \"Round1\", \"Round2\" form a loop with no way to an ending.");
    }

    [Fact]
    public void Validate_LoopWithAnExit_IsFine()
    {
        var content = RepeatedCaller() with
        {
            Nodes =
            [
                Node("Start", Reply("A", "Again", 0, 0)),
                Node("Again", Reply("B", "Start", 0, 0), Reply("C", "Calm", 0, 0)),
                Ending("Calm"),
            ],
        };

        ScenarioGraph.Validate(content).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_ReplyToAMissingNode_NamesTheNodeAndTheReply()
    {
        var content = RepeatedCaller() with
        {
            Nodes = [Node("Start", Reply("사라진 곳", "Nowhere", 0, 0, en: "Gone"), Reply("B", "Calm", 0, 0)), Ending("Calm")],
        };

        var problem = ScenarioGraph.Validate(content).ShouldHaveSingleItem();

        problem.Message(L).ShouldBe("Node \"Start\": the reply \"사라진 곳 / Gone\" leads to a node that does not exist.");
    }

    [Fact]
    public void Validate_NodeLeadingOnlyIntoADeadEnd_HasNoWayToAnEnding()
    {
        var content = RepeatedCaller() with
        {
            Nodes = [Node("Start", Reply("A", "Middle", 0, 0), Reply("B", "Calm", 0, 0)), Node("Middle", Reply("C", "Stuck", 0, 0)), Node("Stuck"), Ending("Calm")],
        };

        ScenarioGraph.Validate(content).Select(p => (p.Kind, p.Node)).ShouldBe(
            [(GraphProblemKind.DeadEnd, "Stuck"), (GraphProblemKind.NoWayToEnding, "Middle")]);
    }

    [Fact]
    public void Validate_ScoreForACompetencyTheScenarioDoesNotList_IsReported()
    {
        var content = RepeatedCaller() with { Competencies = ["empathy"] };

        ScenarioGraph.Validate(content).ShouldAllBe(p => p.Kind == GraphProblemKind.UnknownCompetency);
    }

    [Fact]
    public void Layout_PutsEachNodeInTheColumnOfItsDepth_AndUnreachableOnesLast()
    {
        var content = RepeatedCaller() with { Nodes = [.. RepeatedCaller().Nodes, Node("Orphan", Reply("네", "Calm", 0, 0))] };

        var layout = ScenarioGraph.Layout(content);

        layout["Start"].ShouldBe((0, 0));
        layout["Listen"].ShouldBe((1, 0));
        layout["Argue"].ShouldBe((1, 1));
        layout["Calm"].Column.ShouldBe(2);
        layout["Orphan"].Column.ShouldBe(3);
    }
}
