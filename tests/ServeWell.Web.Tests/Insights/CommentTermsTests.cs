using ServeWell.Web.Modules.Insights.Text;

namespace ServeWell.Web.Tests.Insights;

public sealed class CommentTermsTests
{
    private static Comment[] Comments(long firstId, params string[] texts) =>
        [.. texts.Select((t, i) => new Comment(firstId + i, t))];

    [Fact]
    public void Rank_English_FindsWaitingTimeAndRude()
    {
        var unhappy = Comments(
            1,
            "The waiting time was far too long and the staff were rude.",
            "Waiting time over an hour! Rude man at the counter.",
            "Long waiting time, nobody explained the forms.",
            "The clerk was rude and the waiting time ridiculous.",
            "Parking was hard to find.");
        var happy = Comments(
            101,
            "Friendly staff and quick service.",
            "Staff explained everything clearly, quick service.",
            "Very helpful staff.",
            "Quick and friendly service at the counter.");

        var terms = CommentTerms.Rank(unhappy, happy).Terms;

        terms.Take(2).Select(t => t.Term).ShouldBe(["waiting time", "rude"]);
        var waiting = terms[0];
        waiting.IsPhrase.ShouldBeTrue();
        waiting.Language.ShouldBe("en");
        waiting.DissatisfiedComments.ShouldBe(4);
        waiting.SatisfiedComments.ShouldBe(0);
        waiting.ExampleAnswerIds.ShouldBe([1, 2, 3]);
        terms[1].ExampleAnswerIds.ShouldBe([1, 2, 4]);
        // The words of the phrase add nothing; staff is praised more than blamed; "long" is in too few comments.
        terms.Select(t => t.Term).ShouldNotContain("waiting");
        terms.Select(t => t.Term).ShouldNotContain("staff");
        terms.Select(t => t.Term).ShouldNotContain("long");
    }

    [Fact]
    public void Rank_Korean_FindsWaitingTimeAndUnkind()
    {
        var unhappy = Comments(
            1,
            "대기 시간이 너무 길었어요. 직원이 불친절했습니다.",
            "대기 시간이 한 시간이 넘었습니다.",
            "창구 직원이 불친절해요.",
            "대기 시간도 길고 안내가 부족했어요.",
            "직원분이 정말 불친절한 태도였습니다.");
        var happy = Comments(
            101,
            "직원이 친절하고 빨랐어요.",
            "안내가 친절했습니다.",
            "빠르고 친절한 서비스 감사합니다.");

        var terms = CommentTerms.Rank(unhappy, happy).Terms;

        terms.Take(2).Select(t => t.Term).ShouldBe(["대기 시간", "불친절"], ignoreOrder: true);
        terms.All(t => t.Language == "ko").ShouldBeTrue();
        terms.Single(t => t.Term == "불친절").ExampleAnswerIds.ShouldBe([1, 3, 5]);
        terms.Single(t => t.Term == "대기 시간").ExampleAnswerIds.ShouldBe([1, 2, 4]);
        terms.Select(t => t.Term).ShouldNotContain("친절");
        terms.Select(t => t.Term).ShouldNotContain("대기");
    }

    [Fact]
    public void Rank_MixedLanguages_RankEachWordByItsScript()
    {
        var unhappy = Comments(1, "주차 공간 없음, parking terrible", "주차 공간 부족 parking terrible", "parking terrible 주차 공간 좁아요");
        var terms = CommentTerms.Rank(unhappy, Comments(10, "좋아요 great")).Terms;

        terms.Select(t => (t.Term, t.Language)).ShouldContain(("parking terrible", "en"));
        terms.Select(t => (t.Term, t.Language)).ShouldContain(("주차 공간", "ko"));
    }

    [Fact]
    public void Rank_CountsCommentsNotRepetitions()
    {
        var unhappy = Comments(1, "rude rude rude rude rude rude", "slow service", "slow service", "slow service");
        var ranking = CommentTerms.Rank(unhappy, [], new CommentTermOptions { MinimumDocumentFrequency = 1 });
        var terms = ranking.Terms;

        // Without satisfied comments there is no baseline: the ranking says it fell back to frequency.
        ranking.Method.ShouldBe(TermRankingMethod.Frequency);
        terms[0].Term.ShouldBe("slow service");
        terms[0].Score.ShouldBe(0.75);
        terms.Single(t => t.Term == "rude").DissatisfiedComments.ShouldBe(1);
    }

    [Fact]
    public void Rank_EmptyOrStopWordsOnly_IsEmpty()
    {
        CommentTerms.Rank([], []).Terms.ShouldBeEmpty();
        CommentTerms.Rank(Comments(1, "", "   ", "!!!"), Comments(5, "")).Terms.ShouldBeEmpty();
        CommentTerms.Rank(Comments(1, "the and of", "정말 너무 좀", "it was"), []).Terms.ShouldBeEmpty();
    }

    [Fact]
    public void Rank_SingleTermCorpus_StaysFinite()
    {
        var terms = CommentTerms.Rank(Comments(1, "queue", "queue", "queue"), Comments(9, "queue")).Terms;

        terms.ShouldAllBe(t => double.IsFinite(t.Score));
    }

    [Fact]
    public void Rank_ExtraStopWords_AreIgnored()
    {
        var unhappy = Comments(1, "rude redacted", "rude redacted", "rude redacted");
        var terms = CommentTerms.Rank(unhappy, Comments(9, "fine"), new CommentTermOptions { ExtraStopWords = new HashSet<string> { "redacted" } }).Terms;

        terms.Select(t => t.Term).ShouldBe(["rude"]);
    }

    [Theory]
    [InlineData("시간이", "시간")]
    [InlineData("대기가", "대기")]
    [InlineData("나이", "나이")]
    [InlineData("평가", "평가")]
    [InlineData("돈이", "돈")]
    [InlineData("서비스를", "서비스")]
    [InlineData("창구에서", "창구")]
    [InlineData("창구에서는", "창구")]
    [InlineData("사무실로", "사무실")]
    [InlineData("집으로", "집")]
    [InlineData("불친절했습니다", "불친절")]
    [InlineData("불친절해요", "불친절")]
    [InlineData("불친절한", "불친절")]
    [InlineData("불친절하였다", "불친절")]
    [InlineData("문제입니다", "문제")]
    [InlineData("필요", "필요")]
    [InlineData("불필요", "불필요")]
    [InlineData("가게", "가게")]
    [InlineData("느리고", "느리")]
    [InlineData("직원께서", "직원")]
    [InlineData("기다렸어요", "기다리")]
    [InlineData("기다리고", "기다리")]
    [InlineData("걸렸습니다", "걸리")]
    [InlineData("보냈어요", "보내")]
    [InlineData("직원들이", "직원")]
    [InlineData("설명해", "설명")]
    [InlineData("처리됐어요", "처리")]
    [InlineData("불친절했", "불친절")]
    [InlineData("있었어요", "있")]
    public void KoreanStem_StripsParticlesAndEndingsOnly(string word, string stem) =>
        KoreanWords.Stem(word).ShouldBe(stem);

    [Theory]
    [InlineData("queues", "queue")]
    [InlineData("replies", "reply")]
    [InlineData("offices", "office")]
    [InlineData("bus", "bus")]
    [InlineData("class", "class")]
    [InlineData("waiting", "waiting")]
    public void EnglishStem_RemovesPluralsOnly(string word, string stem) =>
        EnglishWords.Stem(word).ShouldBe(stem);

    [Fact]
    public void Runs_NormaliseAndBreakAtPunctuationAndStopWords()
    {
        var runs = CommentTokens.Runs("ＷＡＩＴＩＮＧ Time. Staff didn't help; the Queues");

        runs.Select(r => string.Join('|', r.Select(w => w.Key))).ShouldBe(["waiting|time", "staff", "help", "queue"]);
        runs[^1][0].Surface.ShouldBe("queues");
    }

    [Fact]
    public void Runs_FullWidthAndHangul_AreNormalised()
    {
        // NFKC turns full-width letters and digits into ordinary ones; composed Hangul stays composed.
        CommentTokens.Normalise("ＡＢ１２ 시간").ShouldBe("ab12 시간");
        CommentTokens.Runs("대기 시간이").Single().Select(w => w.Key).ShouldBe(["대기", "시간"]);
    }

    [Theory]
    [InlineData("시간이", "시간")]
    [InlineData("직원들이", "직원")]
    [InlineData("문제입니다", "문제")]
    [InlineData("불친절했습니다", "불친절")]
    [InlineData("처리됐어요", "처리")]
    [InlineData("걸리고", "걸리고")]
    [InlineData("기다렸어요", "기다렸어요")]
    [InlineData("넘게", "넘게")]
    public void Surface_IsAWholeWord_NeverABareStem(string word, string shown) =>
        KoreanWords.Surface(word).ShouldBe(shown);

    /// <summary>The demo city's own comments (Modules/Demo/DemoFeedback), each sent by many citizens, as the seed sends them.</summary>
    [Fact]
    public void Rank_DemoSeedComments_ShowsWholeWordsAndDifferentExamples()
    {
        string[] unhappyKo =
        [
            "대기 시간이 너무 길었습니다.", "서류를 세 번이나 다시 냈습니다.", "담당자가 바뀌어서 처음부터 다시 설명해야 했어요.",
            "안내가 불친절했습니다.", "처리 기간을 아무도 알려주지 않았어요.", "인허가가 한 달 넘게 걸리고 있습니다.",
            "번호표 시스템이 고장 나 있었습니다.", "전화 연결이 되지 않았어요.", "필요한 서류 안내가 홈페이지와 달랐습니다.",
            "번호표를 받고 50분을 기다렸습니다.", "번호표를 받고 한 시간 넘게 기다렸는데 아무 안내가 없었습니다.",
        ];
        string[] happyKo = ["친절하게 안내해 주셔서 감사합니다.", "빠르게 처리되었어요.", "설명이 아주 자세했습니다."];
        var unhappy = Comments(1, [.. Enumerable.Repeat(unhappyKo, 4).SelectMany(c => c)]);
        var happy = Comments(1001, [.. Enumerable.Repeat(happyKo, 4).SelectMany(c => c)]);

        var terms = CommentTerms.Rank(unhappy, happy, new CommentTermOptions { MaxTerms = 100 }).Terms;

        var shown = terms.Select(t => t.Term).ToList();
        shown.ShouldContain("넘게 걸리고");
        shown.ShouldNotContain("넘게 걸리");
        shown.ShouldContain("번호표");
        shown.ShouldContain(t => t == "기다렸습니다" || t == "기다렸는데");
        shown.ShouldNotContain("기다리");
        var texts = unhappy.ToDictionary(c => c.AnswerId, c => c.Text);
        foreach (var term in terms)
        {
            term.ExampleAnswerIds.Select(id => texts[id]).ShouldBeUnique($"examples of “{term.Term}”");
        }

        terms.Single(t => t.Term == "번호표").ExampleAnswerIds.Count.ShouldBe(3);
    }
}
