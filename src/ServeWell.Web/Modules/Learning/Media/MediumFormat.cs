using System.IO.Compression;
using System.Text;
using ServeWell.Web.Modules.Learning.Scorm;

namespace ServeWell.Web.Modules.Learning.Media;

/// <summary>A reason a file is refused: an English format text and its values, shown in the reader's language.</summary>
public sealed record MediumProblem(string Text, params object[] Values)
{
    /// <summary>The problem in the reader's language; a format's name among the values is translated too.</summary>
    public string In(Microsoft.Extensions.Localization.IStringLocalizer l) =>
        l[Text, [.. Values.Select(v => v is string s && MediumFormat.Names.Contains(s) ? l[s].Value : v)]];

    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Text, Values);
}

/// <summary>A kind of file lessons accept: what it is called, the names it may end in, and how it is served.</summary>
public sealed record MediumFormat(string Name, MediumKind Kind, string ContentType, params string[] Extensions)
{
    public static readonly MediumFormat Png = new("PNG image", MediumKind.Image, "image/png", ".png");
    public static readonly MediumFormat Jpeg = new("JPEG image", MediumKind.Image, "image/jpeg", ".jpg", ".jpeg");
    public static readonly MediumFormat WebP = new("WebP image", MediumKind.Image, "image/webp", ".webp");
    public static readonly MediumFormat Gif = new("GIF image", MediumKind.Image, "image/gif", ".gif");
    public static readonly MediumFormat Pdf = new("PDF document", MediumKind.File, "application/pdf", ".pdf");
    public static readonly MediumFormat Docx = new("Word document", MediumKind.File, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly MediumFormat Xlsx = new("Excel workbook", MediumKind.File, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly MediumFormat Pptx = new("PowerPoint presentation", MediumKind.File, "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly MediumFormat Hwp = new("Hangul document", MediumKind.File, "application/x-hwp", ".hwp");
    public static readonly MediumFormat Hwpx = new("Hangul document", MediumKind.File, "application/hwp+zip", ".hwpx");
    public static readonly MediumFormat Mp4 = new("MP4 video", MediumKind.Video, "video/mp4", ".mp4", ".m4v");
    public static readonly MediumFormat WebVtt = new("WebVTT captions", MediumKind.Captions, "text/vtt", ".vtt");

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(
        [Png.Name, Jpeg.Name, WebP.Name, Gif.Name, Pdf.Name, Docx.Name, Xlsx.Name, Pptx.Name, Hwp.Name, Mp4.Name, WebVtt.Name], StringComparer.Ordinal);

    /// <summary>What the editor says lessons accept.</summary>
    public const string Accepted = ".png,.jpg,.jpeg,.webp,.gif,.pdf,.docx,.xlsx,.pptx,.hwp,.hwpx,.mp4,.m4v,.vtt";

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// The format the bytes show, checked against the name's ending; a problem naming the file otherwise. The stream must
    /// be seekable (office files are zips whose directory is read, never their contents unpacked, ADR-051).
    /// </summary>
    public static (MediumFormat? Format, MediumProblem? Problem) Detect(Stream content, string fileName, ScormLimits zipLimits)
    {
        var head = new byte[64];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, read);
        content.Position = 0;
        if (bytes.StartsWith("MZ"u8) || bytes.StartsWith((byte[])[0x7F, (byte)'E', (byte)'L', (byte)'F']) || bytes.StartsWith("#!"u8))
        {
            return (null, new MediumProblem("“{0}” is a program, not a document or a picture; programs are never accepted, whatever their name.", fileName));
        }

        MediumFormat? format = null;
        if (bytes.StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            format = Png;
        }
        else if (bytes.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            format = Jpeg;
        }
        else if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            format = WebP;
        }
        else if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            format = Gif;
        }
        else if (bytes.StartsWith("%PDF-"u8))
        {
            format = Pdf;
        }
        else if (bytes.StartsWith(OleSignature) || bytes.StartsWith("HWP Document File"u8))
        {
            // An OLE compound file is also an old .doc, .xls or .ppt: only a name ending in .hwp makes it a Hangul file.
            format = Path.GetExtension(fileName).Equals(".hwp", StringComparison.OrdinalIgnoreCase) ? Hwp : null;
            if (format is null)
            {
                return (null, new MediumProblem("“{0}” is an old Office or Hangul file (before 2007); save it as .docx, .xlsx, .pptx or .hwpx, or as PDF, and upload that.", fileName));
            }
        }
        else if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            if (bytes[8..12].SequenceEqual("qt  "u8))
            {
                return (null, new MediumProblem("“{0}” is a QuickTime movie, not an MP4; export it as MP4 (H.264) and upload that.", fileName));
            }

            format = Mp4;
        }
        else if (IsWebVtt(bytes))
        {
            format = WebVtt;
        }
        else if (bytes.StartsWith("PK\x03\x04"u8))
        {
            var (zipFormat, problem) = Zip(content, fileName, zipLimits);
            content.Position = 0;
            if (problem is not null)
            {
                return (null, problem);
            }

            format = zipFormat;
        }

        if (format is null)
        {
            return (null, new MediumProblem("“{0}” is not a kind of file lessons accept: images (PNG, JPEG, WebP, GIF), documents (PDF, Word, Excel, PowerPoint, Hangul), MP4 video and WebVTT captions, recognised by their content.", fileName));
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!format.Extensions.Contains(extension))
        {
            return (null, new MediumProblem("“{0}” holds a {1}, but its name ends in “{2}”; name it with {3}.", fileName, format.Name, extension, string.Join(", ", format.Extensions)));
        }

        return (format, null);
    }

    private static bool IsWebVtt(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((byte[])[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        return bytes.StartsWith("WEBVTT"u8) && (bytes.Length == 6 || bytes[6] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r');
    }

    /// <summary>
    /// Which office format a zip is, from its directory. Nothing is unpacked but HWPX's tiny "mimetype" entry (64 bytes at
    /// most), and the directory is held to the SCORM limits first, so a bomb is refused before anyone opens it.
    /// </summary>
    private static (MediumFormat? Format, MediumProblem? Problem) Zip(Stream content, string fileName, ScormLimits limits)
    {
        try
        {
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > limits.MaxEntries)
            {
                return (null, new MediumProblem("“{0}” holds {1} files; an office document may hold at most {2}.", fileName, ScormLimits.Number(archive.Entries.Count), ScormLimits.Number(limits.MaxEntries)));
            }

            long total = 0;
            foreach (var entry in archive.Entries)
            {
                total += entry.Length;
                if (entry.Length > ScormLimits.RatioCheckedAboveBytes && entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > limits.MaxCompressionRatio)
                {
                    return (null, new MediumProblem("“{0}” is packed {1} times smaller than it unpacks (at most {2} times is accepted); it looks like a zip bomb.", fileName, ScormLimits.Number(entry.Length / entry.CompressedLength), limits.MaxCompressionRatio));
                }
            }

            if (total > limits.MaxUnpackedBytes)
            {
                return (null, new MediumProblem("“{0}” unpacks to {1}; at most {2} is accepted.", fileName, ScormLimits.Size(total), ScormLimits.Megabytes(limits.MaxUnpackedBytes)));
            }

            bool Has(string name) => archive.GetEntry(name) is not null;
            if (Has("[Content_Types].xml"))
            {
                if (Has("word/document.xml"))
                {
                    return (Docx, null);
                }

                if (Has("xl/workbook.xml"))
                {
                    return (Xlsx, null);
                }

                if (Has("ppt/presentation.xml"))
                {
                    return (Pptx, null);
                }
            }

            if (archive.GetEntry("mimetype") is { Length: < 64 } mimetype)
            {
                using var stream = mimetype.Open();
                var buffer = new byte[64];
                var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                if (Encoding.ASCII.GetString(buffer, 0, n).Trim() == "application/hwp+zip")
                {
                    return (Hwpx, null);
                }
            }

            return (null, new MediumProblem("“{0}” is a zip archive, not a Word, Excel, PowerPoint or Hangul document; upload the documents themselves.", fileName));
        }
        catch (InvalidDataException)
        {
            return (null, new MediumProblem("“{0}” looks like a zip file but cannot be read; it is damaged or incomplete.", fileName));
        }
    }
}
