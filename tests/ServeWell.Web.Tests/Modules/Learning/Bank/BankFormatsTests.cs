using System.Text;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Learning.Bank;

/// <summary>GIFT and Moodle XML: what each reads, where each reports a problem, and that export then import gives the same bank.</summary>
public sealed class BankFormatsTests
{
    [Fact]
    public void Gift_RoundTrip_GivesTheSameBankForEveryType()
    {
        var gift = GiftWriter.Write(SampleBank.File, "ko");

        var read = GiftReader.Read(gift, "ko");

        read.Problems.ShouldBeEmpty(gift);
        read.File.Questions.Select(q => q.Canonical).ShouldBe(SampleBank.Questions.Select(q => q.Canonical), gift);
        read.File.Categories.ShouldContain(c => c.Count == 1 && c[0].Ko == "빈 분류");
    }

    [Fact]
    public void MoodleXml_RoundTrip_GivesTheSameBankForEveryType()
    {
        var xml = MoodleXmlWriter.Write(SampleBank.File, "ko");

        var read = MoodleXmlReader.Read(new MemoryStream(xml), "ko", 1_000_000);

        read.Problems.ShouldBeEmpty(Encoding.UTF8.GetString(xml));
        read.File.Questions.Select(q => q.Canonical).ShouldBe(SampleBank.Questions.Select(q => q.Canonical));
        read.File.Categories.ShouldContain(c => c.Count == 1 && c[0].Ko == "빈 분류");
    }

    [Fact]
    public void Gift_ReadsEachTypeAsMoodleDoes()
    {
        const string gift = """
            // a comment
            $CATEGORY: $course$/top/Phone

            ::Q1:: 42 is the answer.{
            FALSE#It is the Ultimate Answer.#You gave the right answer.
            ####A Hitchhiker's Guide reference.}

            ::colours:: Between orange and green?
            {
                ~%50%yellow # right
                ~%-100%red # [html]wrong
                ~%50%off-beige
            }

            ::Short::Best animal?{
                =Frog#Good!
                =%50%Cat#Cats
                =%0%*#Wrong
            }

            ::Match::[html]Match the activity.{
                =Forum -> Discussions
                =Wiki -> Pages
                = -> Chat
            }

            ::Esc\:aped:: 1 \= 1 \{ \} \~ \# {T}
            """;

        var read = GiftReader.Read(gift, "en");

        read.Problems.ShouldBeEmpty();
        var q = read.File.Questions;
        q.Select(x => x.Type).ShouldBe([QuestionType.TrueFalse, QuestionType.MultipleChoice, QuestionType.ShortAnswer, QuestionType.Matching, QuestionType.TrueFalse]);
        q[0].Category.Single().En.ShouldBe("Phone");
        q[0].Options[1].Fraction.ShouldBe(1m); // FALSE is right
        q[0].Options[1].Feedback.En.ShouldBe("You gave the right answer.");
        q[0].Options[0].Feedback.En.ShouldBe("It is the Ultimate Answer.");
        q[0].GeneralFeedback.En.ShouldBe("A Hitchhiker's Guide reference.");
        q[1].Options.Select(o => o.Fraction).ShouldBe([0.5m, -1m, 0.5m]);
        q[1].Options[1].Feedback.En.ShouldBe("wrong");
        q[2].Options.Select(o => (o.Text.En, o.Fraction)).ShouldBe([("Frog", 1m), ("Cat", 0.5m), ("*", 0m)]);
        q[3].Format.ShouldBe(TextFormat.Html);
        q[3].Options[2].Text.IsEmpty.ShouldBeTrue();
        q[3].Options[2].Match.En.ShouldBe("Chat");
        q[4].Name.ShouldBe("Esc:aped");
        q[4].Text.En.ShouldBe("1 = 1 { } ~ #");
    }

    [Fact]
    public void Gift_BadLines_AreNamedWithTheirLineAndNothingIsReturnedAsGood()
    {
        const string gift = """
            ::Good:: Fine {=a ~b}

            ::Bad grade:: Pick {
              =a
              ~%33%b
            }

            ::Essay:: Tell us. {}

            ::Open:: no end {=a ~b
            """;

        var read = GiftReader.Read(gift, "en");

        read.Ok.ShouldBeFalse();
        read.Problems.Select(p => p.ToString()).ShouldBe([
            "line 5: 33% is not one of Moodle's grades.",
            "line 8: Unsupported question type \"essay\".",
            "line 10: A { has no closing } (write \\{ for a brace in a text).",
        ]);
    }

    [Fact]
    public void Gift_MultipleChoiceWhoseGradesDoNotAddUp_IsRefusedAtItsLine()
    {
        var read = GiftReader.Read("\n\n::M:: Pick {~%50%a ~%25%b ~c}", "en");

        read.Problems.Single().ToString().ShouldBe("line 3: The positive grades of a multiple-choice question add up to 75%, not 100%.");
    }

    [Fact]
    public void MoodleXml_Problems_NameTheQuestionAndElement()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <question type="category"><category><text>$course$/top/A</text></category></question>
              <question type="multichoice"><name><text>x</text></name><questiontext format="html"><text>Q</text></questiontext>
                <single>true</single>
                <answer fraction="100"><text>a</text></answer><answer fraction="abc"><text>b</text></answer></question>
              <question type="essay"><name><text>e</text></name><questiontext><text>Tell</text></questiontext></question>
              <question type="shortanswer"><name><text>s</text></name><questiontext><text>Say</text></questiontext>
                <answer fraction="100"><text>x</text></answer><answer fraction="42"><text>y</text></answer></question>
            </quiz>
            """;

        var read = MoodleXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "en", 100_000);

        read.Problems.Select(p => p.ToString()).ShouldBe([
            "question 2 'answer' 2: The grade \"abc\" is not a number.",
            "in question 3: Unsupported question type \"essay\".",
            "question 4 'answer' 2: 42% is not one of Moodle's grades.",
        ]);
    }

    [Fact]
    public void MoodleXml_WithADoctype_IsRefusedWithoutResolvingEntities()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE quiz [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <quiz><question type="category"><category><text>&xxe;</text></category></question></quiz>
            """;

        var read = MoodleXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "en", 100_000);

        read.Problems.Single().ToString().ShouldContain("DTD is prohibited");
        read.File.Questions.ShouldBeEmpty();
    }

    [Fact]
    public void MoodleXml_OverTheCharacterLimit_IsRefused()
    {
        var xml = "<quiz>" + new string(' ', 5000) + "</quiz>";

        var read = MoodleXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "en", 1000);

        read.Problems.Single().ToString().ShouldContain("MaxCharactersInDocument");
    }

    [Fact]
    public void Multilang_SpansBecomeTextsPerLanguage_AndPlainTextIsTheFilesLanguage()
    {
        Multilang.Read("""<span lang="en" class="multilang">Hi</span><span class="multilang" lang="ko">안녕</span>""", "ko").ShouldBe(LocalText.Of("Hi", "안녕"));
        Multilang.Read("Hi", "en").ShouldBe(LocalText.Of("Hi", ""));
        Multilang.Write(LocalText.Of("", "안녕"), "ko").ShouldBe("안녕");
        Multilang.Write(LocalText.Of("Hi", ""), "ko").ShouldBe("""<span lang="en" class="multilang">Hi</span>""");
    }

    [Fact]
    public void Gift_AGradeOutsideMoodlesList_IsRefusedButItsRoundedFormIsAccepted()
    {
        GiftReader.Read("::M:: Pick {~%33.33333%a ~%33.33333%b ~%33.33333%c ~d}", "en").Ok.ShouldBeTrue();
        GiftReader.Read("::M:: Pick {~%30.5%a ~%69.5%b}", "en").Problems.Single().ToString().ShouldBe("line 1: 30.5% is not one of Moodle's grades.");
    }
}
