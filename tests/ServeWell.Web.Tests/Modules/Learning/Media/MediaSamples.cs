using System.IO.Compression;
using System.Text;

namespace ServeWell.Web.Tests.Modules.Learning.Media;

/// <summary>Tiny files of every kind lessons accept, written here byte by byte (no third-party files are committed).</summary>
public static class MediaSamples
{
    /// <summary>A real 1×1 PNG (signature, IHDR, one IDAT, IEND), so a browser shows it.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    public static byte[] WebP() => [.. "RIFF"u8, 0x1A, 0, 0, 0, .. "WEBPVP8L"u8, 0x0D, 0, 0, 0, 0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0];

    public static byte[] Gif() => [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x01, 0x44, 0x00, 0x3B];

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>An OLE compound file header, as a Hangul 5 (.hwp) file begins.</summary>
    public static byte[] Hwp() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    /// <summary>An MP4's "ftyp" box then <paramref name="length"/> bytes in all, each byte its position mod 251 (so a range is checkable).</summary>
    public static byte[] Mp4(int length = 4000)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i % 251);
        }

        byte[] box = [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isommp41"u8];
        box.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] WebVtt() => "WEBVTT\n\n00:00.000 --> 00:02.000\n안녕하세요\n"u8.ToArray();

    /// <summary>A Windows program's first bytes ("MZ"), whatever name it is given.</summary>
    public static byte[] Program() => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, .. new byte[100]];

    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Xlsx() => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] Pptx() => Zip(("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<p:presentation/>"));

    public static byte[] Hwpx() => Zip(("mimetype", "application/hwp+zip"), ("Contents/content.hpf", "<opf:package/>"));

    /// <summary>A "Word document" with one entry of 4 MB of zeros that packs a thousand times smaller: a bomb's shape.</summary>
    public static byte[] Bomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>") })
            {
                using var w = zip.CreateEntry(name).Open();
                w.Write(Encoding.UTF8.GetBytes(text));
            }

            using var zeros = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
            zeros.Write(new byte[4 * 1024 * 1024]);
        }

        return buffer.ToArray();
    }

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var w = zip.CreateEntry(name).Open();
                w.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }
}
