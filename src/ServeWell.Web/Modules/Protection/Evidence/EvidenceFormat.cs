namespace ServeWell.Web.Modules.Protection.Evidence;

/// <summary>A kind of file evidence may be, recognised by its first bytes, never by its name (ADR-059, as ADR-051).</summary>
public sealed record EvidenceFormat(string Name, EvidenceKind Kind, string ContentType, string Extension)
{
    public static readonly EvidenceFormat Jpeg = new("JPEG image", EvidenceKind.Photo, "image/jpeg", ".jpg");
    public static readonly EvidenceFormat Png = new("PNG image", EvidenceKind.Photo, "image/png", ".png");
    public static readonly EvidenceFormat Heic = new("HEIC photo", EvidenceKind.Photo, "image/heic", ".heic");
    public static readonly EvidenceFormat Pdf = new("PDF document", EvidenceKind.Document, "application/pdf", ".pdf");
    public static readonly EvidenceFormat Mp3 = new("MP3 recording", EvidenceKind.Recording, "audio/mpeg", ".mp3");
    public static readonly EvidenceFormat M4a = new("M4A recording", EvidenceKind.Recording, "audio/mp4", ".m4a");
    public static readonly EvidenceFormat Wav = new("WAV recording", EvidenceKind.Recording, "audio/wav", ".wav");

    public static readonly IReadOnlyList<EvidenceFormat> All = [Jpeg, Png, Heic, Pdf, Mp3, M4a, Wav];

    /// <summary>What the form's file input suggests; the server decides by content.</summary>
    public const string Accept = "image/jpeg,image/png,image/heic,application/pdf,audio/mpeg,audio/mp4,audio/x-m4a,audio/wav,.jpg,.jpeg,.png,.heic,.pdf,.mp3,.m4a,.wav";

    public static EvidenceFormat? Of(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return Wav;
        }

        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
        {
            return Mp3;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = head[8..12];
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8))
            {
                return Heic;
            }

            if (brand.SequenceEqual("M4A "u8))
            {
                return M4a;
            }
        }

        return null;
    }
}
