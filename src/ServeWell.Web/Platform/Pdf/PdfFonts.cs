using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ServeWell.Web.Platform.Pdf;

/// <summary>Which font files the PDFs use (<c>Pdf:FontFile</c>, <c>Pdf:BoldFontFile</c>). They must hold Hangul and Latin letters.</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>A TrueType/OpenType file; empty means the first of <see cref="PdfFonts.RegularCandidates"/> that exists.</summary>
    public string? FontFile { get; set; }

    public string? BoldFontFile { get; set; }
}

/// <summary>
/// The two faces every ServeWell PDF is set in, loaded once per process. Noto Sans CJK (Debian's fonts-noto-cjk) first:
/// with it the PDF's text extracts with its spaces; NanumGothic is the fallback (its words run together in pdftotext).
/// </summary>
public sealed class PdfFonts : IDisposable
{
    public static readonly string[] RegularCandidates =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    ];

    public static readonly string[] BoldCandidates =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf",
    ];

    private readonly Lazy<SKTypeface> _regular;
    private readonly Lazy<SKTypeface> _bold;

    public PdfFonts(IOptions<PdfOptions> options)
    {
        var o = options.Value;
        _regular = new Lazy<SKTypeface>(() => Load(o.FontFile, RegularCandidates, "Pdf:FontFile"));
        _bold = new Lazy<SKTypeface>(() => Load(o.BoldFontFile, BoldCandidates, "Pdf:BoldFontFile"));
    }

    public SKTypeface Regular => _regular.Value;

    public SKTypeface Bold => _bold.Value;

    private static SKTypeface Load(string? configured, string[] candidates, string setting)
    {
        var file = configured is { Length: > 0 } ? configured : candidates.FirstOrDefault(File.Exists);
        if (file is null || !File.Exists(file))
        {
            throw new InvalidOperationException(
                $"No font with Hangul for PDFs: install fonts-noto-cjk (or fonts-nanum), or set {setting} to a font file. Tried: {configured ?? string.Join(", ", candidates)}.");
        }

        return SKTypeface.FromFile(file)
            ?? throw new InvalidOperationException($"{setting}: {file} is not a font file this PDF writer can read.");
    }

    public void Dispose()
    {
        if (_regular.IsValueCreated)
        {
            _regular.Value.Dispose();
        }

        if (_bold.IsValueCreated)
        {
            _bold.Value.Dispose();
        }
    }
}
