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
/// The two faces every ServeWell PDF is set in, loaded once per process: Pretendard GOV, the Korean government's UI
/// typeface (SIL OFL 1.1), shipped with the app in Platform/Pdf/Fonts so PDFs work on a fresh machine with no font
/// package (ADR-015). Its TrueType-outline build is used: Skia embeds it as a searchable subset.
/// </summary>
public sealed class PdfFonts : IDisposable
{
    public static readonly string[] RegularCandidates = [Shipped("PretendardGOV-Regular.ttf")];

    public static readonly string[] BoldCandidates = [Shipped("PretendardGOV-Bold.ttf")];

    private static string Shipped(string file) => Path.Combine(AppContext.BaseDirectory, "Platform", "Pdf", "Fonts", file);

    private readonly Lazy<SKTypeface> _regular;
    private readonly Lazy<SKTypeface> _bold;

    public PdfFonts(IOptions<PdfOptions> options)
    {
        var o = options.Value;
        // PublicationOnly: a failed load is not cached, so a font put in place later works without a restart.
        _regular = new Lazy<SKTypeface>(() => Load(o.FontFile, RegularCandidates, "Pdf:FontFile"), LazyThreadSafetyMode.PublicationOnly);
        _bold = new Lazy<SKTypeface>(() => Load(o.BoldFontFile, BoldCandidates, "Pdf:BoldFontFile"), LazyThreadSafetyMode.PublicationOnly);
    }

    public SKTypeface Regular => _regular.Value;

    public SKTypeface Bold => _bold.Value;

    private static SKTypeface Load(string? configured, string[] candidates, string setting)
    {
        var file = configured is { Length: > 0 } ? configured : candidates.FirstOrDefault(File.Exists);
        if (file is null || !File.Exists(file))
        {
            throw new InvalidOperationException(
                $"No font with Hangul for PDFs: the app's own Platform/Pdf/Fonts folder is missing from its output, and {setting} names no font file. Tried: {configured ?? string.Join(", ", candidates)}.");
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
