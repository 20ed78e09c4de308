using QRCoder;
using SkiaSharp;

namespace ServeWell.Web.Platform.Pdf;

public enum TextAlign
{
    Left,
    Centre,
    Right,
}

/// <summary>Page sizes in PDF points (1/72 inch).</summary>
public static class PageSizes
{
    public static readonly SKSize A4Portrait = new(595.28f, 841.89f);

    public static readonly SKSize A4Landscape = new(841.89f, 595.28f);

    /// <summary>A table tent: one A5 landscape face (half an A4 sheet), folded from A4.</summary>
    public static readonly SKSize A5Landscape = new(595.28f, 419.53f);
}

/// <summary>
/// Writes a PDF with SkiaSharp (MIT): text in the configured Hangul-capable font (embedded, so the text can be searched
/// and copied), rectangles and vector QR codes. Coordinates are points from the top-left corner of the page (ADR-015).
/// </summary>
public sealed class PdfWriter : IDisposable
{
    private readonly MemoryStream _stream = new();
    private readonly SKDocument _document;
    private readonly PdfFonts _fonts;
    private PdfPage? _page;

    public PdfWriter(PdfFonts fonts, string title, string? subject = null)
    {
        _fonts = fonts;
        _document = SKDocument.CreatePdf(_stream, new SKDocumentPdfMetadata
        {
            Title = title,
            Subject = subject ?? "",
            Creator = "ServeWell",
            Producer = "ServeWell",
            Creation = DateTime.UtcNow,
            Modified = DateTime.UtcNow,
            RasterDpi = 300,
        });
    }

    /// <summary>Starts a new page (ending the previous one).</summary>
    public PdfPage NewPage(SKSize size)
    {
        _page?.End();
        _page = new PdfPage(_document.BeginPage(size.Width, size.Height), size, _fonts, _document);
        return _page;
    }

    /// <summary>Ends the document and returns its bytes.</summary>
    public byte[] Finish()
    {
        _page?.End();
        _page = null;
        _document.Close();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }
}

/// <summary>One page being drawn.</summary>
public sealed class PdfPage
{
    private readonly SKCanvas _canvas;
    private readonly PdfFonts _fonts;
    private readonly SKDocument _document;
    private bool _ended;

    internal PdfPage(SKCanvas canvas, SKSize size, PdfFonts fonts, SKDocument document)
    {
        _canvas = canvas;
        _fonts = fonts;
        _document = document;
        Width = size.Width;
        Height = size.Height;
    }

    public float Width { get; }

    public float Height { get; }

    /// <summary>Draws one line of text whose top is at <paramref name="top"/>; returns the top of the next line.</summary>
    public float Text(string text, float x, float top, float size, bool bold = false, SKColor? colour = null, TextAlign align = TextAlign.Left, float width = 0)
    {
        using var paint = Paint(size, bold, colour);
        var baseline = top - paint.FontMetrics.Ascent;
        var measured = paint.MeasureText(text);
        var left = align switch
        {
            TextAlign.Centre => x + ((width - measured) / 2),
            TextAlign.Right => x + width - measured,
            _ => x,
        };
        _canvas.DrawText(text, left, baseline, paint);
        return top + LineHeight(paint);
    }

    /// <summary>Draws text wrapped to <paramref name="width"/> (at spaces; a word wider than the line breaks between letters); returns the top below it.</summary>
    public float Paragraph(string text, float x, float top, float width, float size, bool bold = false, SKColor? colour = null, TextAlign align = TextAlign.Left)
    {
        using var paint = Paint(size, bold, colour);
        foreach (var line in Wrap(text, width, paint))
        {
            top = Text(line, x, top, size, bold, colour, align, width);
        }

        return top;
    }

    /// <summary>The width <paramref name="text"/> takes at this size.</summary>
    public float Measure(string text, float size, bool bold = false)
    {
        using var paint = Paint(size, bold, null);
        return paint.MeasureText(text);
    }

    public void Frame(float x, float y, float width, float height, SKColor colour, float strokeWidth)
    {
        using var paint = new SKPaint { Style = SKPaintStyle.Stroke, Color = colour, StrokeWidth = strokeWidth, IsAntialias = true };
        _canvas.DrawRect(x, y, width, height, paint);
    }

    public void Fill(float x, float y, float width, float height, SKColor colour)
    {
        using var paint = new SKPaint { Style = SKPaintStyle.Fill, Color = colour, IsAntialias = false };
        _canvas.DrawRect(x, y, width, height, paint);
    }

    /// <summary>Draws a vector line through <paramref name="points"/> (a chart series).</summary>
    public void Polyline(IReadOnlyList<SKPoint> points, SKColor colour, float strokeWidth)
    {
        if (points.Count < 2)
        {
            return;
        }

        using var path = new SKPath();
        path.AddPoly(points.ToArray(), close: false);
        using var paint = new SKPaint { Style = SKPaintStyle.Stroke, Color = colour, StrokeWidth = strokeWidth, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
        _canvas.DrawPath(path, paint);
    }

    /// <summary>Draws a PNG (the city's seal or logo) scaled to fit a <paramref name="width"/> × <paramref name="height"/> box, centred in it; embedded as an image.</summary>
    public void Image(byte[] png, float x, float y, float width, float height)
    {
        using var image = SKImage.FromEncodedData(png);
        if (image is null)
        {
            return;
        }

        var scale = Math.Min(width / image.Width, height / image.Height);
        var (w, h) = (image.Width * scale, image.Height * scale);
        _canvas.DrawImage(image, SKRect.Create(x + ((width - w) / 2), y + ((height - h) / 2), w, h));
    }

    /// <summary>Draws <paramref name="content"/> as a QR code (error correction M, quiet zone included) in a square of <paramref name="size"/> points: vector squares, sharp at any zoom.</summary>
    public void Qr(string content, float x, float y, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        using var path = new SKPath();
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var col = 0; col < matrix[row].Count; col++)
            {
                if (matrix[row][col])
                {
                    path.AddRect(SKRect.Create(x + (col * module), y + (row * module), module, module));
                }
            }
        }

        using var paint = new SKPaint { Style = SKPaintStyle.Fill, Color = SKColors.Black, IsAntialias = false };
        _canvas.DrawPath(path, paint);
    }

    internal void End()
    {
        if (!_ended)
        {
            _document.EndPage();
            _ended = true;
        }
    }

    private SKPaint Paint(float size, bool bold, SKColor? colour) => new()
    {
        Typeface = bold ? _fonts.Bold : _fonts.Regular,
        TextSize = size,
        IsAntialias = true,
        Color = colour ?? new SKColor(0x1b, 0x1f, 0x24),
    };

    private static float LineHeight(SKPaint paint) => paint.FontSpacing;

    private static IEnumerable<string> Wrap(string text, float width, SKPaint paint)
    {
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (paint.MeasureText(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    yield return line;
                }

                line = word;
                while (paint.MeasureText(line) > width && line.Length > 1)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && paint.MeasureText(line[..fit]) > width)
                    {
                        fit--;
                    }

                    yield return line[..fit];
                    line = line[fit..];
                }
            }

            yield return line;
        }
    }
}
