using System.Diagnostics;
using ServeWell.Web.Platform.Privacy;

namespace ServeWell.Web.Tests.Platform.Privacy;

public sealed class ScrubberTests
{
    [Fact]
    public void Scrub_Findings_NameTheOriginalSpanAndItsReplacement()
    {
        const string text = "홍길동 씨 ０１０-1234-5678, kim@example.kr";

        var result = Scrubber.Scrub(text);

        result.Text.ShouldBe("민원인 A 씨 [전화번호 삭제], [이메일 삭제]");
        result.Language.ShouldBe("ko");
        result.Findings.Select(f => (f.Category, f.Original, f.Replacement)).ShouldBe(
        [
            (PersonalData.CitizenName, "홍길동", "민원인 A"),
            (PersonalData.Phone, "０１０-1234-5678", "[전화번호 삭제]"),
            (PersonalData.Email, "kim@example.kr", "[이메일 삭제]"),
        ]);
        result.Findings.ShouldAllBe(f => text.Substring(f.Start, f.Length) == f.Original);
    }

    [Theory]
    [InlineData("850315-1234566", PersonalData.ResidentNumber, true)]
    [InlineData("850315-1234567", PersonalData.ResidentNumber, false)]
    [InlineData("210505-4123456", PersonalData.ResidentNumber, false)]
    [InlineData("880101-5123452", PersonalData.ForeignerNumber, true)]
    [InlineData("4111 1111 1111 1111", PersonalData.CardNumber, true)]
    [InlineData("220-81-62517", PersonalData.BusinessNumber, true)]
    [InlineData("010-1234-5678", PersonalData.Phone, false)]
    public void Scrub_Numbers_AreCheckedWhereACheckExists(string number, PersonalData category, bool isChecked)
    {
        var finding = Scrubber.Scrub("번호 " + number).Findings.ShouldHaveSingleItem();

        (finding.Category, finding.Checked).ShouldBe((category, isChecked));
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("220-81-62518")]
    public void Scrub_NumbersFailingTheirCheck_AreStillRemovedUnderAnotherName(string number) =>
        Scrubber.Scrub("번호 " + number).Findings.ShouldHaveSingleItem().Category.ShouldBe(PersonalData.BankAccount);

    [Fact]
    public void Scrub_NumbersAndContactsOnly_LeavesNames()
    {
        var result = Scrubber.Scrub("김민수 주무관님께 010-1234-5678", null, new RosterNames(["김민수"]), PersonalData.NumbersAndContacts);

        result.Text.ShouldBe("김민수 주무관님께 [전화번호 삭제]");
    }

    [Fact]
    public void Scrub_ManyNames_GetLettersBeyondZ()
    {
        var surnames = "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백";
        var text = string.Join(", ", surnames.Select(s => s + "민수 씨"));

        var result = Scrubber.Scrub(text);

        result.Findings.Count.ShouldBe(28);
        result.Findings[25].Replacement.ShouldBe("민원인 Z");
        result.Findings[26].Replacement.ShouldBe("민원인 AA");
        result.Findings[27].Replacement.ShouldBe("민원인 AB");
    }

    [Theory]
    [InlineData("010-1234-5678", null, "en")]
    [InlineData("010-1234-5678", "ko", "ko")]
    [InlineData("kim@example.kr 연락 주세요", "en", "ko")]
    [InlineData("전화 주세요 kim@example.kr", "en", "ko")]
    [InlineData("kim@example.kr", "ko", "ko")]
    public void Scrub_Language_IsTheTextsWords_ThenTheHint(string text, string? hint, string language) =>
        Scrubber.Scrub(text, hint).Language.ShouldBe(language);

    [Fact]
    public void Scrub_TooLong_IsRefusedWithTheLengthAndTheLimit()
    {
        var error = Should.Throw<ScrubInputTooLongException>(() => Scrubber.Scrub(new string('가', Scrubber.MaxLength + 1)));

        error.Message.ShouldContain($"{Scrubber.MaxLength + 1} characters");
        error.Message.ShouldContain($"at most {Scrubber.MaxLength}");
    }

    [Theory]
    [InlineData("1-")]
    [InlineData("1 ")]
    [InlineData("12.")]
    [InlineData("a")]
    [InlineData("a.")]
    [InlineData("가")]
    [InlineData("김 ")]
    [InlineData("김민수씨")]
    [InlineData("a@")]
    [InlineData("0")]
    [InlineData("서울시 ")]
    [InlineData("동 1")]
    public void Scrub_HostileTextAtTheLimit_TakesLinearTime(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, Scrubber.MaxLength / unit.Length));
        var clock = Stopwatch.StartNew();

        Scrubber.Scrub(text, null, ScrubberCorpusTests.Roster);

        // A linear pass over 20,000 characters takes milliseconds; quadratic work would take many seconds.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), unit);
    }

    [Fact]
    public void Checks_AgreeWithKnownNumbers()
    {
        NumberRules.ResidentChecksum("8503151234566", foreigner: false).ShouldBeTrue();
        NumberRules.ResidentChecksum("8503151234567", foreigner: false).ShouldBeFalse();
        NumberRules.ResidentChecksum("8801015123452", foreigner: true).ShouldBeTrue();
        NumberRules.Luhn("4111111111111111").ShouldBeTrue();
        NumberRules.Luhn("378282246310005").ShouldBeTrue();
        NumberRules.Luhn("4111111111111112").ShouldBeFalse();
        NumberRules.BusinessNumber("2208162517").ShouldBeTrue();
        NumberRules.BusinessNumber("2208162518").ShouldBeFalse();
        NumberRules.ResidentNumber("9002301234567").ShouldBeNull();
        NumberRules.ResidentNumber("9001019234567").ShouldBeNull();
    }

    [Fact]
    public void SideBySide_CutsBothTextsAtTheFindings()
    {
        var result = Scrubber.Scrub("전화 010-1234-5678 주세요");

        SideBySide.Original(result).Select(p => (p.Text, p.Finding is not null)).ShouldBe([("전화 ", false), ("010-1234-5678", true), (" 주세요", false)]);
        SideBySide.Scrubbed(result).Select(p => p.Text).ShouldBe(["전화 ", "[전화번호 삭제]", " 주세요"]);
    }
}
