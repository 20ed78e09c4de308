using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Media;

namespace ServeWell.Web.Tests.Modules.Learning.Media;

/// <summary>The sanitiser lets a lesson show its own media and nothing else it refused before (ADR-051).</summary>
public sealed class LessonMarkdownMediaTests
{
    private static readonly IReadOnlyList<LessonMediumContent> Own =
        [new(7, MediumKind.Image, "counter.png", "A map of the counter", null), new(8, MediumKind.File, "guide.pdf", null, null)];

    [Fact]
    public void ToHtml_ShowsTheLessonsOwnImageAndFile_FillingAnEmptyAltFromTheUpload()
    {
        var html = LessonMarkdown.ToHtml("![](/Learning/Media/7/counter.png)\n\n[The guide](/Learning/Media/8/guide.pdf)", Own);

        html.ShouldContain("<img src=\"/Learning/Media/7/counter.png\" alt=\"A map of the counter\"");
        html.ShouldContain("<a href=\"/Learning/Media/8/guide.pdf\">The guide</a>");
    }

    [Theory]
    [InlineData("![secret](/Learning/Media/9/other.png)", "secret")]
    [InlineData("[**other** lesson](/learning/media/9/x.pdf)", "<strong>other</strong> lesson")]
    [InlineData("![x](https://evil.example/Learning/Media/9/x.png)", "x")]
    [InlineData("![x](../Learning/Media/9/x.png)", "x")]
    public void ToHtml_ShowsAnotherLessonsMediaAsText(string markdown, string text)
    {
        var html = LessonMarkdown.ToHtml(markdown, Own);

        html.ShouldNotContain("Media/9", Case.Insensitive);
        html.ShouldNotContain("<img");
        html.ShouldContain(text);
    }

    [Fact]
    public void ToHtml_WithoutMedia_ShowsNoMediaAddressAndStillRefusesWhatItRefusedBefore()
    {
        LessonMarkdown.ToHtml("![a](/Learning/Media/7/counter.png)").ShouldNotContain("<img");
        LessonMarkdown.ToHtml("<img src=/Learning/Media/7/counter.png onerror=alert(1)>", Own).ShouldNotContain("<img");
        LessonMarkdown.ToHtml("[x](javascript:alert(1))", Own).ShouldNotContain("javascript:");
    }
}
