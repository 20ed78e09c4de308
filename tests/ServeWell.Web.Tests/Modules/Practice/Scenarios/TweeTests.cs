using ServeWell.Web.Modules.Practice.Scenarios;
using ServeWell.Web.Platform.Localization;
using Shouldly;
using static ServeWell.Web.Tests.Modules.Practice.Scenarios.ScenarioSamples;

namespace ServeWell.Web.Tests.Modules.Practice.Scenarios;

public sealed class TweeTests
{
    private static readonly Guid Ifid = Guid.Parse("3b1f6a0e-51c4-4c4e-9f3a-2d7f0c1a9b11");

    private static (ScenarioContent? Content, IReadOnlyList<TweeError> Errors) Import(string twee) =>
        new TweeImport(EnglishOnly.Instance).Read(twee, Known);

    [Fact]
    public void ExportThenImport_GivesTheSameScenario()
    {
        var original = RepeatedCaller() with
        {
            Nodes = [.. RepeatedCaller().Nodes.Select(n => n.Key == "Calm"
                ? n with { Debrief = LocalText.Of("Two lines\nof debrief", "두 줄\n되돌아보기") } : n)],
        };

        var twee = TweeExport.Write(original, Ifid);
        var (content, errors) = Import(twee);

        errors.ShouldBeEmpty();
        content.ShouldNotBeNull().ToJson().ShouldBe(original.ToJson());
        TweeExport.Write(content, Ifid).ShouldBe(twee);
    }

    [Fact]
    public void Export_WritesStoryDataWithIfidFormatAndStart()
    {
        var twee = TweeExport.Write(RepeatedCaller(), Ifid);

        twee.ShouldStartWith(":: StoryTitle\n반복 민원 전화\n\n:: StoryData\n{");
        twee.ShouldContain("\"ifid\": \"3B1F6A0E-51C4-4C4E-9F3A-2D7F0C1A9B11\"");
        twee.ShouldContain("\"start\": \"Start\"");
        twee.ShouldContain(":: Calm [scene ending]\n");
        twee.ShouldContain("[[끝까지 듣겠습니다->Listen]]\n<!-- en: I'll hear you out -->\n<!-- score: empathy+2 difficult-situations+1 -->");
    }

    /// <summary>What Twine 2 or Tweego write: metadata on passage headers, Harlowe markup, every link form, no ServeWell lines.</summary>
    [Fact]
    public void Import_FileAsTwineWritesIt_TakesEveryLinkFormAndTheStartFromStoryData()
    {
        const string twee = """
            :: StoryTitle
            민원실의 오후


            :: StoryData
            {
              "ifid": "D674C58C-DEFA-4F70-B7A2-27742230C0FC",
              "format": "Harlowe",
              "format-version": "3.3.9",
              "start": "민원실",
              "tag-colors": { "ending": "red" },
              "zoom": 1
            }


            :: 민원실 [scene] {"position":"600,400","size":"100,100"}
            오후 네 시, ''한 시민''이 창구로 다가옵니다.
            [[인사한다->인사]] [[다른 창구로 안내한다|안내]]

            :: 인사 {"position":"800,400"}
            (set: $mood to "calm")"서류가 또 반려됐어요."
            [[이해<-이유를 설명한다]]
            [[이해]]

            :: 안내 [ending] {"position":"800,600"}
            시민은 화가 난 채 떠났습니다.

            :: 이해 [ending]
            시민이 고개를 끄덕입니다.
            """;

        var (content, errors) = Import(twee);

        errors.ShouldBeEmpty();
        content.ShouldNotBeNull();
        content.Title.Ko.ShouldBe("민원실의 오후");
        content.Start.ShouldBe("민원실");
        content.Nodes.Select(n => n.Key).ShouldBe(["민원실", "인사", "안내", "이해"]);
        content.Nodes[0].Kind.ShouldBe(NodeKind.Scene);
        content.Nodes[0].Choices.Select(c => (c.Text.Ko, c.Target)).ShouldBe([("인사한다", "인사"), ("다른 창구로 안내한다", "안내")]);
        content.Nodes[1].Choices.Select(c => (c.Text.Ko, c.Target)).ShouldBe([("이유를 설명한다", "이해"), ("이해", "이해")]);
        content.Nodes[2].IsEnding.ShouldBeTrue();
        content.Nodes[0].Text.Ko.ShouldBe("오후 네 시, ''한 시민''이 창구로 다가옵니다.");
    }

    [Fact]
    public void Import_BackArrowLink_TakesTheTargetOnTheLeft()
    {
        var (content, errors) = Import(":: Start\n[[Calm<-진정시킨다]]\n\n:: Calm [ending]\n끝\n");

        errors.ShouldBeEmpty();
        content!.Nodes[0].Choices.ShouldHaveSingleItem().Target.ShouldBe("Calm");
        content.Nodes[0].Choices[0].Text.Ko.ShouldBe("진정시킨다");
    }

    [Fact]
    public void Import_BadInput_ReportsEveryLineAndWhy_AndImportsNothing()
    {
        const string twee = """
            stray text
            :: StoryData
            { "start": "Start", }

            :: Start
            "또 전화했어요."
            [[듣는다->Listen]]
            <!-- score: empathy+2 courage+1 -->
            <!-- score: empathy+9 -->
            [[끊는다->Nowhere]]
            <!-- scroe: empathy+1 -->

            :: Listen [ending]

            :: Listen
            """;

        var (content, errors) = Import(twee);

        content.ShouldBeNull();
        errors.Select(e => e.Line).ShouldBe([1, 2, 8, 9, 10, 11, 15]);
        errors[0].Message.ShouldContain("Text before the first passage");
        errors[1].Message.ShouldBe("StoryData is not valid JSON.");
        errors[2].Message.ShouldBe("\"courage\" is not a competency of the catalogue.");
        errors[3].Message.ShouldBe("The score empathy+9 is outside -5 to +5.");
        errors[4].Message.ShouldBe("The link [[끊는다->Nowhere]] leads to \"Nowhere\", which is not a passage.");
        errors[5].Message.ShouldContain("\"scroe\" is not a reply's line here");
        errors[6].Message.ShouldBe("A second passage is named \"Listen\".");
    }

    [Fact]
    public void Import_ScoreThatIsNoScore_SaysHowToWriteOne()
    {
        var (_, errors) = Import(":: Start\n[[a->End]]\n<!-- score: empathy two -->\n\n:: End [ending]\n끝\n");

        errors.Select(e => (e.Line, e.Message)).ShouldBe([
            (3, "\"empathy\" is not a score: write a competency and a signed number, as in empathy+2."),
            (3, "\"two\" is not a score: write a competency and a signed number, as in empathy+2."),
        ]);
    }

    [Fact]
    public void Import_StartNamedInStoryDataMissing_IsReportedAtStoryData()
    {
        var (_, errors) = Import(":: StoryData\n{\"start\":\"Begin\"}\n\n:: Start [ending]\n끝\n");

        errors.ShouldHaveSingleItem().ShouldBe(new TweeError(1, "StoryData names the start passage \"Begin\", which does not exist."));
    }
}
