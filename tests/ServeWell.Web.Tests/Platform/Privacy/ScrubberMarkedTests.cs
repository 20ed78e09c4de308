using ServeWell.Web.Platform.Privacy;

namespace ServeWell.Web.Tests.Platform.Privacy;

/// <summary>Words an author marks (ADR-053): each a placeholder of its own, the same wherever it appears; a phrase inside a number leaves the number's finding whole.</summary>
public sealed class ScrubberMarkedTests
{
    [Fact]
    public void Scrub_MarkedPhrases_BecomeConsistentPlaceholders_CaseInsensitive_AndNeverSplitAFinding()
    {
        var result = Scrubber.Scrub("까치식당 앞에서 Blue Bird 사장이 까치식당 얘기를 했다. blue bird 010-1234-5678", "ko", marked: ["까치식당", "Blue Bird", "  ", "5678"]);

        result.Text.ShouldBe("비공개 A 앞에서 비공개 B 사장이 비공개 A 얘기를 했다. 비공개 B [전화번호 삭제]");
        result.Findings.Where(f => f.Category == PersonalData.Marked).Select(f => f.Original).ShouldBe(["까치식당", "Blue Bird", "까치식당", "blue bird"]);
        PersonalDataCodes.Of(PersonalData.Marked).ShouldBe("marked");
    }

    [Fact]
    public void Scrub_EnglishText_WritesWithheld()
    {
        Scrubber.Scrub("The owner of Magpie Diner called.", "en", marked: ["magpie diner"]).Text.ShouldBe("The owner of Withheld A called.");
    }
}
