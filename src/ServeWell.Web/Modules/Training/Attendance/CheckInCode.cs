using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using QRCoder;

namespace ServeWell.Web.Modules.Training.Attendance;

/// <summary>
/// The code in the room: the session id and the current 10-second time step, sealed by Data Protection (encrypted and
/// HMAC-SHA256 authenticated with the application's shared key ring), so it cannot be forged, and accepted only in its
/// own step and the one before, so a photo sent to a colleague stops working within 20 seconds (ADR-009).
/// </summary>
public sealed class CheckInCode(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    private readonly IDataProtector _protector = protection.CreateProtector("ServeWell.Training.CheckInCode.v1");

    public enum Verdict
    {
        Valid,
        Forged,
        Expired,
    }

    public long CurrentStep => clock.GetUtcNow().ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    /// <summary>The code for <paramref name="sessionId"/> now.</summary>
    public string For(int sessionId) => For(sessionId, CurrentStep);

    public string For(int sessionId, long step) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{sessionId}:{step}"));

    public Verdict Check(int sessionId, string? code)
    {
        string text;
        try
        {
            text = string.IsNullOrEmpty(code) ? "" : _protector.Unprotect(code);
        }
        catch (CryptographicException)
        {
            return Verdict.Forged;
        }
        catch (FormatException)
        {
            return Verdict.Forged;
        }

        var parts = text.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id != sessionId
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step))
        {
            return Verdict.Forged;
        }

        var now = CurrentStep;
        return step == now || step == now - 1 ? Verdict.Valid : Verdict.Expired;
    }

    /// <summary>The path a phone opens: the check-in page with the code.</summary>
    public static string PathFor(int sessionId, string code) => $"/Training/CheckIn/{sessionId}?code={Uri.EscapeDataString(code)}";

    /// <summary>A PNG QR code of <paramref name="url"/> as a data: address (CSP allows data: images, not inline script or style).</summary>
    public static string QrImage(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
