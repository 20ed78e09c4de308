using PdfSharp.Fonts;

namespace ServeWell.Web.Modules.Training.Certificates;

public sealed class CertificateOptions
{
    /// <summary>A TrueType font (glyf outlines) with Hangul and Latin letters (<c>Certificates:FontFile</c>); NanumGothic from Debian's fonts-nanum.</summary>
    public string FontFile { get; set; } = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";

    /// <summary>Its bold face (<c>Certificates:BoldFontFile</c>).</summary>
    public string BoldFontFile { get; set; } = "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf";
}

/// <summary>
/// Gives PDFsharp one family from font files on disk. PDFsharp reads TrueType outlines only, so the CFF-based Noto CJK
/// collections do not work; NanumGothic does (ADR-010).
/// </summary>
internal sealed class CertificateFonts(CertificateOptions options) : IFontResolver
{
    public const string Family = "ServeWellCertificate";

    private const string Regular = "certificate-regular";
    private const string Bold = "certificate-bold";

    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>PDFsharp's resolver is process-wide; the first certificate installs it, with the AGPL licence it needs loaded.</summary>
    public static void Install(CertificateOptions options)
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            foreach (var file in new[] { options.FontFile, options.BoldFontFile })
            {
                if (!File.Exists(file))
                {
                    throw new InvalidOperationException($"The certificate font {file} is missing: install fonts-nanum, or set Certificates:FontFile and Certificates:BoldFontFile to a TrueType font with Hangul.");
                }
            }

            PdfSharp.PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver = new CertificateFonts(options);
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName == Bold ? options.BoldFontFile : options.FontFile);
}
