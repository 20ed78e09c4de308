using ServeWell.Web.Modules.Learning.Courses;

namespace ServeWell.Web.Tests.Modules.Learning.Courses;

/// <summary>Lesson Markdown is shown only as safe HTML; videos only from allow-listed players (ADR-042).</summary>
public sealed class LessonMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<b onclick=\"steal()\">bold</b>", "<b")]
    [InlineData("<iframe src=\"https://evil.example/x\"></iframe>", "<iframe")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    public void ToHtml_LeavesNoActiveContent(string markdown, string forbidden)
    {
        LessonMarkdown.ToHtml(markdown).ShouldNotContain(forbidden, Case.Insensitive);
    }

    [Fact]
    public void ToHtml_KeepsMarkdownAndSafeLinks()
    {
        var html = LessonMarkdown.ToHtml("# Title\n\n**bold** and [guide](https://example.go.kr/guide)");

        html.ShouldContain("<h1");
        html.ShouldContain("<strong>bold</strong>");
        html.ShouldContain("href=\"https://example.go.kr/guide\"");
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871")]
    [InlineData("https://evil.example/embed/abc", null)]
    [InlineData("https://www.youtube.com/watch?v=\"><script>", null)]
    public void Video_EmbedsOnlyAllowListedPlayers(string url, string? embed)
    {
        var video = LessonMarkdown.Video(url).ShouldNotBeNull();
        video.EmbedUrl.ShouldBe(embed);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/x.mp4")]
    [InlineData("not a link")]
    public void Video_RefusesAddressesThatAreNotWebLinks(string url)
    {
        LessonMarkdown.Video(url).ShouldBeNull();
    }
}
