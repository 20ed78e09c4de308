using ServeWell.Web.Modules.Feedback.Intake;

namespace ServeWell.Web.Tests.Modules.Feedback;

public sealed class CommentRedactionTests
{
    [Theory]
    [InlineData("전화 010-1234-5678 주세요", "전화 [전화번호 삭제] 주세요")]
    [InlineData("010 1234 5678", "[phone removed]")]
    [InlineData("01012345678로 연락", "[전화번호 삭제]로 연락")]
    [InlineData("office 02-123-4567", "office [phone removed]")]
    [InlineData("call (031) 123-4567", "call [phone removed]")]
    [InlineData("+82 10-1234-5678 please", "[phone removed] please")]
    [InlineData("mail me: Kim.Min@Example.co.kr!", "mail me: [email removed]!")]
    [InlineData("주민번호 900101-1234567 입니다", "주민번호 [주민등록번호 삭제] 입니다")]
    [InlineData("메일 kim@example.kr 로 답 주세요", "메일 [이메일 삭제] 로 답 주세요")]
    [InlineData("Kim.Min@Example.co.kr", "[email removed]")]
    [InlineData("9001011234567", "[ID number removed]")]
    public void Clean_PersonalData_IsRedacted(string comment, string expected) =>
        CommentRedaction.Clean(comment).ShouldBe(expected);

    [Theory]
    [InlineData("010-1234-5678", "ko", "[전화번호 삭제]")]
    [InlineData("010-1234-5678", "en", "[phone removed]")]
    [InlineData("kim@example.kr", "ko", "[이메일 삭제]")]
    [InlineData("9001011234567", "ko", "[주민등록번호 삭제]")]
    [InlineData("call 010-1234-5678", "ko", "call [phone removed]")]
    [InlineData("연락 주세요 010-1234-5678", "en", "연락 주세요 [전화번호 삭제]")]
    public void Clean_MarkerFollowsTheCommentsWords_ThenTheSurveysLanguage(string comment, string surveyLanguage, string expected) =>
        CommentRedaction.Clean(comment, surveyLanguage).ShouldBe(expected);

    [Theory]
    [InlineData("I waited 45 minutes on 2026-11-02 and paid 12,000 won.")]
    [InlineData("Counter 3, ticket 0421, room 301.")]
    [InlineData("친절했습니다. 감사합니다!")]
    [InlineData("receipt 5a89d8f5ede8436486772ec61a56e63c")]
    public void Clean_OrdinaryNumbers_StayAsTyped(string comment) =>
        CommentRedaction.Clean(comment).ShouldBe(comment);

    [Theory]
    [InlineData("전화 ０１０－１２３４－５６７８", "전화 [전화번호 삭제]")]
    [InlineData("외국인등록번호 880101-5123452", "외국인등록번호 [외국인등록번호 삭제]")]
    [InlineData("카드 4111 1111 1111 1111", "카드 [카드번호 삭제]")]
    [InlineData("여권 M12345678, 차량 12가 3456", "여권 [여권번호 삭제], 차량 [차량번호 삭제]")]
    [InlineData("역삼동 123-45 삽니다", "[주소 삭제] 삽니다")]
    public void Clean_FormsTheOldRedactionMissed_AreRedactedNow(string comment, string expected) =>
        CommentRedaction.Clean(comment).ShouldBe(expected);

    [Fact]
    public void Clean_NamesOfTheStaffThanked_Stay()
    {
        CommentRedaction.Clean("김민수 주무관님 감사합니다").ShouldBe("김민수 주무관님 감사합니다");
        CommentRedaction.Markers.ShouldContain("[카드번호 삭제]");
        CommentRedaction.Markers.ShouldContain("[phone removed]");
    }

    [Fact]
    public void Clean_MarkupAndControlCharacters_StaysPlainText()
    {
        CommentRedaction.Clean("<b>bad</b>\u0007\r\nline").ShouldBe("<b>bad</b>\nline");
        CommentRedaction.Clean("   ").ShouldBeNull();
    }
}
