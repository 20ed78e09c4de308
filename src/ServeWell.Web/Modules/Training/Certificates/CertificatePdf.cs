using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Certificates;

/// <summary>Draws a certificate as a one-page A4 landscape PDF, with a QR code of its public verification address.</summary>
public sealed class CertificatePdf(IOptions<CertificateOptions> options, IStringLocalizer<SharedResource> l)
{
    public byte[] Render(Certificate certificate, string verificationUrl)
    {
        CertificateFonts.Install(options.Value);
        using var document = new PdfDocument();
        document.Info.Title = $"{l["Certificate of completion"]} — {certificate.ProgrammeTitle}";
        document.Info.Subject = certificate.Code;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = PdfSharp.PageOrientation.Landscape;
        using (var g = XGraphics.FromPdfPage(page))
        {
            Draw(g, page.Width.Point, page.Height.Point, certificate, verificationUrl);
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private void Draw(XGraphics g, double width, double height, Certificate c, string url)
    {
        var culture = CultureInfo.CurrentCulture;
        var ink = new XSolidBrush(XColor.FromArgb(0x1b, 0x1f, 0x24));
        var brand = XColor.FromArgb(0x0b, 0x53, 0x94);
        g.DrawRectangle(new XPen(brand, 6), 24, 24, width - 48, height - 48);
        g.DrawRectangle(new XPen(brand, 1), 36, 36, width - 72, height - 72);

        var title = new XFont(CertificateFonts.Family, 30, XFontStyleEx.Bold);
        var large = new XFont(CertificateFonts.Family, 26, XFontStyleEx.Bold);
        var medium = new XFont(CertificateFonts.Family, 18, XFontStyleEx.Bold);
        var body = new XFont(CertificateFonts.Family, 13, XFontStyleEx.Regular);
        var small = new XFont(CertificateFonts.Family, 10, XFontStyleEx.Regular);
        var centre = XStringFormats.TopCenter;
        var column = new XRect(60, 0, width - 120, 0);

        void Line(string text, XFont font, double y, XBrush? brush = null) =>
            g.DrawString(text, font, brush ?? ink, new XRect(column.X, y, column.Width, font.Height * 1.2), centre);

        Line(l["Certificate of completion"], title, 70, new XSolidBrush(brand));
        Line(l["This certifies that"], body, 130);
        Line(c.EmployeeName, large, 155);
        Line(l["has completed the training programme"], body, 200);
        // Long programme titles wrap within the column.
        var formatter = new XTextFormatter(g) { Alignment = XParagraphAlignment.Center };
        formatter.DrawString(c.ProgrammeTitle, medium, ink, new XRect(column.X + 40, 225, column.Width - 80, 50), XStringFormats.TopLeft);

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

        Line(string.Join("   ·   ", facts), body, 290);

        // The QR code: drawn module by module as vector squares, so it stays sharp at any zoom and when printed.
        var data = new QRCodeGenerator().CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        const double qrSize = 110;
        var module = qrSize / matrix.Count;
        var qrX = width - 60 - qrSize;
        var qrY = height - 60 - qrSize;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var col = 0; col < matrix[row].Count; col++)
            {
                if (matrix[row][col])
                {
                    g.DrawRectangle(XBrushes.Black, qrX + (col * module), qrY + (row * module), module + 0.05, module + 0.05);
                }
            }
        }

        var left = new XRect(60, height - 150, width - 120 - qrSize - 20, 20);
        g.DrawString(l["Verification code: {0}", c.Code], medium, ink, left, XStringFormats.TopLeft);
        g.DrawString(l["Check that this certificate is genuine at:"], body, ink, left with { Y = left.Y + 32 }, XStringFormats.TopLeft);
        g.DrawString(url, body, new XSolidBrush(brand), left with { Y = left.Y + 52 }, XStringFormats.TopLeft);
        g.DrawString(l["Issued by ServeWell on {0}", c.IssuedAtUtc.ToString("d", culture)], small, ink, left with { Y = left.Y + 80 }, XStringFormats.TopLeft);
    }
}
