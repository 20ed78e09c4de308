using System.Text;
using Microsoft.Extensions.Localization;
using SkiaSharp;

namespace ServeWell.Web.Platform.City.Identity;

/// <summary>
/// What an uploaded logo or seal must be (ADR-038): a PNG of at most <see cref="MaxBytes"/> and
/// <see cref="MaxSide"/> pixels a side. SVG is refused (it can carry scripts and links); a PNG is decoded and written
/// out again, so nothing but pixels reaches the database, the pages and the PDFs.
/// </summary>
public static class CityIdentityRules
{
    public const int NameLength = 80;
    public const int MaxBytes = 512 * 1024;
    public const int MinSide = 32;
    public const int MaxSide = 2000;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image as a clean PNG, or the reason it is refused, naming the file.</summary>
    public static (CityImage? Image, string? Error) Read(string kind, string fileName, byte[] bytes, IStringLocalizer l)
    {
        var name = Path.GetFileName(fileName);
        if (bytes.Length == 0)
        {
            return (null, l["“{0}” is empty.", name]);
        }

        if (bytes.Length > MaxBytes)
        {
            return (null, l["“{0}” is {1} KB; upload a PNG of at most {2} KB.", name, (bytes.Length + 1023) / 1024, MaxBytes / 1024]);
        }

        if (LooksLikeSvg(name, bytes))
        {
            return (null, l["“{0}” is an SVG drawing; upload a PNG instead (SVG files can carry scripts, so ServeWell does not accept them).", name]);
        }

        if (!bytes.AsSpan().StartsWith(PngSignature))
        {
            return (null, l["“{0}” is not a PNG image; save it as PNG and upload it again.", name]);
        }

        // The size is read from the header before any pixel is decoded, so a huge image is refused without the memory it would take.
        using var stream = new SKMemoryStream(bytes);
        using var codec = SKCodec.Create(stream);
        if (codec is null)
        {
            return (null, l["“{0}” could not be read as an image; it may be damaged.", name]);
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < MinSide || height < MinSide || width > MaxSide || height > MaxSide)
        {
            return (null, l["“{0}” is {1} × {2} pixels; upload an image between {3} and {4} pixels on each side.", name, width, height, MinSide, MaxSide]);
        }

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            return (null, l["“{0}” could not be read as an image; it may be damaged.", name]);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return (new CityImage { Kind = kind, Png = png.ToArray(), Width = width, Height = height }, null);
    }

    private static bool LooksLikeSvg(string name, byte[] bytes)
    {
        if (name.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".svgz", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<') && head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
