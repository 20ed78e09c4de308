using ServeWell.Web.Modules.Feedback.Intake;

namespace ServeWell.Web.Tests.Modules.Feedback;

public sealed class CommentRedactionTests
{
    [Theory]
    [InlineData("전화 010-1234-5678 주세요", "전화 [phone removed] 주세요")]
    [InlineData("010 1234 5678", "[phone removed]")]
    [InlineData("01012345678로 연락", "[phone removed]로 연락")]
    [InlineData("office 02-123-4567", "office [phone removed]")]
    [InlineData("call (031) 123-4567", "call [phone removed]")]
    [InlineData("+82 10-1234-5678 please", "[phone removed] please")]
    [InlineData("mail me: Kim.Min@Example.co.kr!", "mail me: [email removed]!")]
    [InlineData("주민번호 900101-1234567 입니다", "주민번호 [ID number removed] 입니다")]
    [InlineData("9001011234567", "[ID number removed]")]
    public void Clean_PersonalData_IsRedacted(string comment, string expected) =>
        CommentRedaction.Clean(comment).ShouldBe(expected);

    [Theory]
    [InlineData("I waited 45 minutes on 2026-11-02 and paid 12,000 won.")]
    [InlineData("Counter 3, ticket 0421, room 301.")]
    [InlineData("친절했습니다. 감사합니다!")]
    [InlineData("receipt 5a89d8f5ede8436486772ec61a56e63c")]
    public void Clean_OrdinaryNumbers_StayAsTyped(string comment) =>
        CommentRedaction.Clean(comment).ShouldBe(comment);

    [Fact]
    public void Clean_MarkupAndControlCharacters_StaysPlainText()
    {
        CommentRedaction.Clean("<b>bad</b>\u0007\r\nline").ShouldBe("<b>bad</b>\nline");
        CommentRedaction.Clean("   ").ShouldBeNull();
    }
}
