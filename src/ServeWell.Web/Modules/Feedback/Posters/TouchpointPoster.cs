using ServeWell.Web.Platform.Pdf;
using SkiaSharp;

namespace ServeWell.Web.Modules.Feedback.Posters;

public enum PosterFormat
{
    A4,
    Tent,
}

/// <summary>What a poster says: the office and service in both languages and the address its QR code opens.</summary>
public sealed record PosterContent(string OfficeKo, string OfficeEn, string? ServiceKo, string? ServiceEn, string Label, string Url, PosterWords? Words = null);

/// <summary>A poster's heading and call to scan in both languages: the survey's by default, another module's own (a green card).</summary>
public sealed record PosterWords(string HeadingKo, string HeadingEn, string CallKo, string CallEn)
{
    public static PosterWords Survey { get; } = new("오늘 서비스는 어떠셨나요?", "How did we do?", "QR 코드를 스캔해 30초 만에 평가해 주세요", "Scan the code to rate our service in 30 seconds");
}

/// <summary>
/// A bilingual printable poster: an A4 sheet for a wall or counter, or a table tent (an A4 sheet with the same face on
/// its top and bottom halves, folded along the middle line). The QR code is vector squares, sharp when printed.
/// Both languages always appear, whatever the reader's language: the poster speaks to every citizen (ADR-015).
/// </summary>
public sealed class TouchpointPoster(PdfFonts fonts)
{
    private static readonly SKColor Brand = new(11, 79, 138);
    private static readonly SKColor Muted = new(0x55, 0x5b, 0x63);

    public byte[] Render(PosterContent content, PosterFormat format)
    {
        using var writer = new PdfWriter(fonts, $"{content.OfficeEn} · {content.Label}", content.Url);
        if (format == PosterFormat.A4)
        {
            var page = writer.NewPage(PageSizes.A4Portrait);
            Face(page, content, 0, page.Height, 1f);
        }
        else
        {
            var page = writer.NewPage(PageSizes.A4Portrait);
            var half = page.Height / 2;
            Face(page, content, 0, half, 0.62f);
            page.Fill(24, half - 0.25f, page.Width - 48, 0.5f, Muted);
            Face(page, content, half, half, 0.62f);
        }

        return writer.Finish();
    }

    private static void Face(PdfPage page, PosterContent content, float top, float height, float scale)
    {
        var width = page.Width;
        var margin = 36 * scale;
        var column = width - (2 * margin);
        var y = top + (40 * scale);

        void Line(string? text, float size, bool bold, SKColor? colour, float gap)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                y = page.Paragraph(text, margin, y, column, size * scale, bold, colour, TextAlign.Centre) + (gap * scale);
            }
        }

        var words = content.Words ?? PosterWords.Survey;
        Line(words.HeadingKo, 30, true, Brand, 2);
        Line(words.HeadingEn, 26, true, Brand, 18);
        Line(content.OfficeKo, 18, true, null, 0);
        Line(content.OfficeEn, 14, false, null, 8);
        Line(content.ServiceKo, 16, true, null, 0);
        Line(content.ServiceEn, 13, false, null, 16);

        var remaining = top + height - y - (120 * scale);
        var size = Math.Min(Math.Min(column * 0.62f, 320 * scale), Math.Max(remaining, 90));
        page.Qr(content.Url, (width - size) / 2, y, size);
        y += size + (12 * scale);

        Line(words.CallKo, 15, true, null, 2);
        Line(words.CallEn, 13, false, null, 8);
        Line(content.Url, 11, false, null, 2);
        Line(content.Label, 9, false, Muted, 0);
    }
}
