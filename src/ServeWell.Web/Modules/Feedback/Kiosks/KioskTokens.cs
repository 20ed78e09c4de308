using System.Security.Cryptography;
using System.Text;

namespace ServeWell.Web.Modules.Feedback.Kiosks;

/// <summary>Kiosk device tokens are shown once and kept only as a SHA-256 hash, like API keys.</summary>
public static class KioskTokens
{
    public const string Prefix = "kiosk_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string token)
    {
        var bare = token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? token[7..] : token;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bare.Trim())));
    }
}
