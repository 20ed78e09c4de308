using System.Security.Claims;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Offline;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Learning.Offline;

/// <summary>What a phone may keep and under which name (ADR-045).</summary>
public sealed class OfflineDeviceTests
{
    private static LessonContent Lesson(LessonKind kind) => new(1, kind, LocalText.Of("Lesson", "강의"), LocalText.Of("Body", "본문"), null, 5, null);

    [Fact]
    public void ReadableOffline_TextLessons_AnyOtherKindNeedsAConnection()
    {
        OfflineDevice.ReadableOffline(Lesson(LessonKind.Text)).ShouldBeTrue();
        OfflineDevice.ReadableOffline(Lesson(LessonKind.Scorm)).ShouldBeFalse();
        OfflineDevice.ReadableOffline(Lesson((LessonKind)99)).ShouldBeFalse(); // a kind added later
    }

    [Fact]
    public void ReadableOffline_AQuizOnlyWithoutATimeLimit()
    {
        var quiz = Lesson(LessonKind.Quiz) with { QuizId = 7 };
        OfflineDevice.ReadableOffline(quiz, new HashSet<int> { 7 }).ShouldBeTrue();
        OfflineDevice.ReadableOffline(quiz, new HashSet<int> { 8 }).ShouldBeFalse(); // quiz 7 has a time limit
        OfflineDevice.ReadableOffline(quiz).ShouldBeFalse();
    }

    [Fact]
    public void AccountKey_DiffersPerAccount_AndDoesNotShowTheId()
    {
        static ClaimsPrincipal User(string id) => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));

        var key = OfflineDevice.AccountKey(User("user-41"));
        key.ShouldBe(OfflineDevice.AccountKey(User("user-41")));
        key.ShouldNotBe(OfflineDevice.AccountKey(User("user-42")));
        key.ShouldMatch("^[0-9a-f]{24}$");
    }
}
