using ServeWell.Web.Modules.Learning.Media;
using ServeWell.Web.Modules.Learning.Scorm;

namespace ServeWell.Web.Tests.Modules.Learning.Media;

/// <summary>A lesson's files are recognised by their bytes, and their names must agree (ADR-051).</summary>
public sealed class MediumFormatTests
{
    public static TheoryData<string, string, string> EveryKind => new()
    {
        { "png", "photo.png", "image/png" },
        { "jpeg", "photo.JPG", "image/jpeg" },
        { "webp", "photo.webp", "image/webp" },
        { "gif", "photo.gif", "image/gif" },
        { "pdf", "guide.pdf", "application/pdf" },
        { "docx", "guide.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", "sheet.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "pptx", "slides.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "hwp", "공문.hwp", "application/x-hwp" },
        { "hwpx", "공문.hwpx", "application/hwp+zip" },
        { "mp4", "talk.mp4", "video/mp4" },
        { "vtt", "talk.ko.vtt", "text/vtt" },
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Detect_RecognisesEveryAcceptedKindByItsBytes(string kind, string name, string contentType)
    {
        using var stream = new MemoryStream(Sample(kind));

        var (format, problem) = MediumFormat.Detect(stream, name, new ScormLimits());

        problem.ShouldBeNull();
        format.ShouldNotBeNull().ContentType.ShouldBe(contentType);
    }

    [Theory]
    [InlineData("png", "photo.pdf", "holds a PNG image, but its name ends in “.pdf”")]
    [InlineData("program", "photo.png", "is a program")]
    [InlineData("text", "guide.pdf", "is not a kind of file lessons accept")]
    [InlineData("zip", "guide.docx", "is a zip archive, not a Word")]
    [InlineData("bomb", "guide.docx", "zip bomb")]
    [InlineData("hwp", "old.doc", "old Office or Hangul file")]
    public void Detect_RefusesWithTheFileNameAndTheReason(string kind, string name, string reason)
    {
        using var stream = new MemoryStream(Sample(kind));

        var (format, problem) = MediumFormat.Detect(stream, name, new ScormLimits());

        format.ShouldBeNull();
        problem.ShouldNotBeNull().ToString().ShouldContain(name);
        problem.ToString().ShouldContain(reason);
    }

    private static byte[] Sample(string kind) => kind switch
    {
        "png" => MediaSamples.Png(),
        "jpeg" => MediaSamples.Jpeg(),
        "webp" => MediaSamples.WebP(),
        "gif" => MediaSamples.Gif(),
        "pdf" => MediaSamples.Pdf(),
        "docx" => MediaSamples.Docx(),
        "xlsx" => MediaSamples.Xlsx(),
        "pptx" => MediaSamples.Pptx(),
        "hwp" => MediaSamples.Hwp(),
        "hwpx" => MediaSamples.Hwpx(),
        "mp4" => MediaSamples.Mp4(),
        "vtt" => MediaSamples.WebVtt(),
        "program" => MediaSamples.Program(),
        "zip" => MediaSamples.Zip(("readme.txt", "hello")),
        "bomb" => MediaSamples.Bomb(),
        _ => "just some text, not a PDF"u8.ToArray(),
    };
}
