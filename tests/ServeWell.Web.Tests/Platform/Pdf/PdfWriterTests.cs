using System.Diagnostics;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Pdf;
using Shouldly;

namespace ServeWell.Web.Tests.Platform.Pdf;

/// <summary>PDFs are checked with real readers: poppler's pdftotext and pdftoppm, and zbarimg for the QR code.</summary>
public sealed class PdfWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("servewell-pdf-").FullName;
    private readonly PdfFonts _fonts = new(Options.Create(new PdfOptions()));

    [Fact]
    public void Korean_and_English_text_is_embedded_and_searchable()
    {
        using var writer = new PdfWriter(_fonts, "수료증 Certificate");
        var page = writer.NewPage(PageSizes.A4Landscape);
        page.Text("수료증 — Certificate of completion", 40, 40, 28, bold: true, align: TextAlign.Centre, width: page.Width - 80);
        page.Paragraph("민원 응대 친절 교육을 이수하였음을 증명합니다. This certifies completion of the courtesy programme.", 40, 120, 300, 14);
        var file = Save(writer.Finish());

        var text = Run("pdftotext", $"-layout {file} -");
        text.ShouldContain("수료증");
        text.ShouldContain("Certificate of completion");
        text.ShouldContain("증명합니다");
        Pages(file).ShouldBe(1);
    }

    [Fact]
    public void A_long_paragraph_wraps_within_its_width_and_a_second_page_starts_cleanly()
    {
        using var writer = new PdfWriter(_fonts, "wrap");
        var page = writer.NewPage(PageSizes.A4Portrait);
        var bottom = page.Paragraph(string.Join(' ', Enumerable.Repeat("courtesy", 40)), 40, 40, 200, 12);
        bottom.ShouldBeGreaterThan(40 + (12 * 5)); // 40 words of ~50 pt each need many 200 pt lines
        var single = page.Paragraph("short", 40, 40, 200, 12);
        single.ShouldBeLessThan(40 + (12 * 2));
        writer.NewPage(PageSizes.A4Portrait).Text("second", 40, 40, 12);
        var file = Save(writer.Finish());

        Pages(file).ShouldBe(2);
        Run("pdftotext", $"-f 2 -l 2 {file} -").Trim().ShouldBe("second");
    }

    [Fact]
    public void The_QR_code_decodes_to_its_content()
    {
        const string url = "https://city.example/verify/ABCD-2345-EFGH";
        using var writer = new PdfWriter(_fonts, "qr");
        var page = writer.NewPage(PageSizes.A4Portrait);
        page.Qr(url, 100, 100, 200);
        var file = Save(writer.Finish());

        Run("pdftoppm", $"-r 100 -png -singlefile {file} {Path.Combine(_folder, "page")}");
        Run("zbarimg", $"--quiet --raw {Path.Combine(_folder, "page.png")}").Trim().ShouldBe(url);
    }

    [Fact]
    public void A_missing_configured_font_is_named_in_the_error()
    {
        var fonts = new PdfFonts(Options.Create(new PdfOptions { FontFile = "/nowhere/font.ttf" }));
        var error = Should.Throw<InvalidOperationException>(() => fonts.Regular);
        error.Message.ShouldContain("/nowhere/font.ttf");
        error.Message.ShouldContain("Pdf:FontFile");
    }

    [Fact]
    public void The_faces_come_with_the_app_and_are_embedded_by_name_so_no_font_package_is_needed()
    {
        // Default options, as on a fresh machine: the shipped Pretendard GOV files, not a system font.
        _fonts.Regular.FamilyName.ShouldBe("Pretendard GOV");
        File.Exists(PdfFonts.RegularCandidates[0]).ShouldBeTrue();
        PdfFonts.RegularCandidates[0].ShouldStartWith(AppContext.BaseDirectory);
        using var writer = new PdfWriter(_fonts, "font");
        writer.NewPage(PageSizes.A4Portrait).Text("한빛시 Hanbit", 40, 40, 12, bold: true);
        var fonts = Run("pdffonts", Save(writer.Finish()));
        fonts.ShouldContain("PretendardGOV");
        fonts.ShouldNotContain("Noto");
    }

    [Fact]
    public void A_font_that_appears_after_a_failed_load_is_used_without_a_restart()
    {
        var file = Path.Combine(_folder, "late.ttf");
        using var fonts = new PdfFonts(Options.Create(new PdfOptions { FontFile = file, BoldFontFile = file }));
        Should.Throw<InvalidOperationException>(() => fonts.Regular);
        File.Copy(PdfFonts.RegularCandidates[0], file);
        fonts.Regular.FamilyName.ShouldBe("Pretendard GOV");
    }

    private string Save(byte[] pdf)
    {
        pdf.Length.ShouldBeGreaterThan(0);
        var file = Path.Combine(_folder, $"{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        return file;
    }

    private static int Pages(string file) =>
        int.Parse(Run("pdfinfo", file).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{tool} {arguments}: {error}");
        return output;
    }

    public void Dispose()
    {
        _fonts.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
