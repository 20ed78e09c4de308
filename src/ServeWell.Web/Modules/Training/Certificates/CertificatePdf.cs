using System.Globalization;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Pdf;
using SkiaSharp;

namespace ServeWell.Web.Modules.Training.Certificates;

/// <summary>Draws a certificate as a one-page A4 landscape PDF, with a QR code of its public verification address (ADR-015).</summary>
public sealed class CertificatePdf(PdfFonts fonts, IStringLocalizer<SharedResource> l)
{
    private static readonly SKColor Brand = new(0x0b, 0x53, 0x94);

    public byte[] Render(Certificate certificate, string verificationUrl)
    {
        using var writer = new PdfWriter(fonts, $"{l["Certificate of completion"]} — {certificate.ProgrammeTitle}", certificate.Code);
        Draw(writer.NewPage(PageSizes.A4Landscape), certificate, verificationUrl);
        return writer.Finish();
    }

    private void Draw(PdfPage page, Certificate c, string url)
    {
        var culture = CultureInfo.CurrentCulture;
        var width = page.Width;
        var height = page.Height;
        page.Frame(24, 24, width - 48, height - 48, Brand, 6);
        page.Frame(36, 36, width - 72, height - 72, Brand, 1);

        const float left = 60;
        var column = width - 120;
        page.Text(l["Certificate of completion"], left, 70, 30, bold: true, colour: Brand, align: TextAlign.Centre, width: column);
        page.Text(l["This certifies that"], left, 130, 13, align: TextAlign.Centre, width: column);
        page.Text(c.EmployeeName, left, 155, 26, bold: true, align: TextAlign.Centre, width: column);
        page.Text(l["has completed the training programme"], left, 200, 13, align: TextAlign.Centre, width: column);
        // Long programme titles wrap within the column.
        var below = page.Paragraph(c.ProgrammeTitle, left + 40, 225, column - 80, 18, bold: true, align: TextAlign.Centre);

        var facts = new List<string>
        {
            l["Completed on {0}", c.CompletedOn.ToString("D", culture)],
            l["{0} hours", c.Hours.ToString("0.#", culture)],
        };
        if (c.InstructorName is { Length: > 0 } instructor)
        {
            facts.Add(l["Instructor: {0}", instructor]);
        }

        if (c.ExpiresOn is { } expires)
        {
            facts.Add(l["Valid until {0}", expires.ToString("D", culture)]);
        }

        page.Paragraph(string.Join("   ·   ", facts), left, Math.Max(290, below + 20), column, 13, align: TextAlign.Centre);

        const float qrSize = 110;
        page.Qr(url, width - 60 - qrSize, height - 60 - qrSize, qrSize);

        var textWidth = width - 120 - qrSize - 20;
        var y = height - 150;
        page.Text(l["Verification code: {0}", c.Code], left, y, 18, bold: true);
        page.Text(l["Check that this certificate is genuine at:"], left, y + 32, 13);
        page.Paragraph(url, left, y + 52, textWidth, 13, colour: Brand);
        page.Text(l["Issued by ServeWell on {0}", c.IssuedAtUtc.ToString("d", culture)], left, y + 80, 10);
    }
}
