using System.Text;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>Finds the encoding of a CSV file: a BOM if there is one, else UTF-8 if the bytes allow it, else CP949.</summary>
internal static class CsvTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Cp949 = new(() =>
    {
        // .NET Core knows only the Unicode encodings until the code-page provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949);
    });

    public static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            // The BOM says UTF-8 outright, so a stray bad byte becomes U+FFFD instead of turning the file into CP949.
            return (Encoding.UTF8.GetString(bytes[3..]), "UTF-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "UTF-16");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16");
        }

        try
        {
            return (StrictUtf8.GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            // Korean Excel saves "CSV" in the system code page; any byte sequence invalid as UTF-8 points there.
            return (Cp949.Value.GetString(bytes), "CP949 (Korean Excel)");
        }
    }
}
