using System.Globalization;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.City.Identity;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Pdf;
using SkiaSharp;

namespace ServeWell.Web.Modules.Training.Certificates;

/// <summary>
/// Draws a certificate as a one-page A4 landscape PDF that reads as an official document (ADR-015, ADR-038): its number at
/// the top, the title, who completed what, the date of issue in the city's zone, the city as issuing authority with its
/// seal, and a QR code of its public verification address.
/// </summary>
public sealed class CertificatePdf(PdfFonts fonts, IStringLocalizer<SharedResource> l, CityBrands brands, CityClock clock)
{
    private static readonly SKColor Brand = new(0x0b, 0x53, 0x94);

    public async Task<byte[]> RenderAsync(Certificate certificate, string verificationUrl, CancellationToken cancellationToken)
    {
        var city = await brands.LetterheadAsync(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        using var writer = new PdfWriter(fonts, $"{l["Certificate of completion"]} — {certificate.ProgrammeTitle}", certificate.Code);
        var facts = new List<string>
        {
            l["Completed on {0}", certificate.CompletedOn.ToString("D", CultureInfo.CurrentCulture)],
            l["{0} hours", certificate.Hours.ToString("0.#", CultureInfo.CurrentCulture)],
        };
        if (certificate.InstructorName is { Length: > 0 } instructor)
        {
            facts.Add(l["Instructor: {0}", instructor]);
        }

        if (certificate.ExpiresOn is { } expires)
        {
            facts.Add(l["Valid until {0}", expires.ToString("D", CultureInfo.CurrentCulture)]);
        }

        Draw(writer.NewPage(PageSizes.A4Landscape), new Wording(
            certificate.Code, l["Certificate of completion"], certificate.EmployeeName, l["has completed the training programme"], certificate.ProgrammeTitle, facts,
            certificate.IssuedAtUtc), verificationUrl, city);
        return writer.Finish();
    }

    /// <summary>
    /// An award's certificate (ADR-064), drawn in the awardee's language whoever downloads it: the same document with the
    /// award's name and month in place of a programme.
    /// </summary>
    public async Task<byte[]> RenderAwardAsync(AwardCertificate award, string verificationUrl, CancellationToken cancellationToken)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var culture = new CultureInfo(award.Language);
        (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (culture, culture);
        try
        {
            var city = await brands.LetterheadAsync(culture.TwoLetterISOLanguageName, cancellationToken);
            var name = award.AwardName.For(culture);
            using var writer = new PdfWriter(fonts, $"{l["Certificate of award"]} — {name}", award.Code);
            Draw(writer.NewPage(PageSizes.A4Landscape), new Wording(
                award.Code, l["Certificate of award"], award.EmployeeName, l["has been chosen as"], name, [l["for {0}", award.Month.ToString("Y", culture)]],
                award.IssuedAtUtc), verificationUrl, city);
            return writer.Finish();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }

    /// <summary>What one certificate says: its kind's title, who, the phrase, what for (wrapped), and the facts line.</summary>
    private sealed record Wording(string Code, string Title, string Name, string Phrase, string Subject, IReadOnlyList<string> Facts, DateTime IssuedAtUtc);

    private void Draw(PdfPage page, Wording c, string url, CityLetterhead city)
    {
        var culture = CultureInfo.CurrentCulture;
        var width = page.Width;
        var height = page.Height;
        page.Frame(24, 24, width - 48, height - 48, Brand, 6);
        page.Frame(36, 36, width - 72, height - 72, Brand, 1);

        const float left = 60;
        var column = width - 120;
        page.Text(l["Certificate No. {0}", c.Code], left, 50, 11);
        page.Text(c.Title, left, 72, 30, bold: true, colour: Brand, align: TextAlign.Centre, width: column);
        page.Text(l["This certifies that"], left, 128, 13, align: TextAlign.Centre, width: column);
        page.Text(c.Name, left, 150, 26, bold: true, align: TextAlign.Centre, width: column);
        page.Text(c.Phrase, left, 193, 13, align: TextAlign.Centre, width: column);
        // Long programme titles wrap within the column.
        var below = page.Paragraph(c.Subject, left + 40, 216, column - 80, 18, bold: true, align: TextAlign.Centre);

        var y = page.Paragraph(string.Join("   ·   ", c.Facts), left, Math.Max(270, below + 14), column, 13, align: TextAlign.Centre);

        // The issuing authority: the date of issue in the city's zone, the city's name, its seal beside the name.
        y = Math.Max(y + 14, 306);
        var issued = clock.DateOf(new DateTimeOffset(DateTime.SpecifyKind(c.IssuedAtUtc, DateTimeKind.Utc)));
        page.Text(issued.ToString("D", culture), left, y, 13, align: TextAlign.Centre, width: column);
        var authority = city.Name ?? "ServeWell";
        const float nameSize = 22;
        page.Text(authority, left, y + 24, nameSize, bold: true, align: TextAlign.Centre, width: column);
        if (city.Seal is { } seal)
        {
            const float sealSize = 72;
            var nameRight = left + ((column + page.Measure(authority, nameSize, bold: true)) / 2);
            page.Image(seal, nameRight + 6, y + 24 + (nameSize / 2) - (sealSize / 2), sealSize, sealSize);
        }

        const float qrSize = 110;
        page.Qr(url, width - 60 - qrSize, height - 60 - qrSize, qrSize);

        var textWidth = width - 120 - qrSize - 20;
        var bottom = height - 118;
        page.Text(l["Verification code: {0}", c.Code], left, bottom, 15, bold: true);
        page.Text(l["Check that this certificate is genuine at:"], left, bottom + 26, 12);
        page.Paragraph(url, left, bottom + 44, textWidth, 12, colour: Brand);
    }
}
