using System.Security.Cryptography;

namespace ServeWell.Web.Modules.Feedback.Touchpoints;

/// <summary>
/// Public codes: 16 characters of Crockford base32 from a cryptographic random source (80 bits), so a code cannot
/// be guessed from another one and is short enough for a QR code and to type from a poster.
/// </summary>
public static class TouchpointCodes
{
    public const int Length = 16;
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }

        return new string(chars);
    }

    /// <summary>Whether <paramref name="code"/> could be a code at all (cheap check before any query).</summary>
    public static bool LooksValid(string? code) =>
        code is { Length: Length } && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
