using System.Globalization;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.City.Identity;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Pdf;
using SkiaSharp;

namespace ServeWell.Web.Modules.Insights.Reports;

/// <summary>
/// Draws the monthly report as an A4 PDF in one language: headline figures, the most problematic services, a vector line
/// chart of the index over twelve months with its table, follow-up performance, training completions and impact. It opens
/// like an official document (ADR-038): the city as issuing authority with its seal, the title, the date in the city's zone.
/// </summary>
public sealed class MonthlyReportPdf(PdfFonts fonts, IStringLocalizerFactory localizers, CityBrands brands, CityClock clock)
{
    private const float Margin = 48;
    private static readonly SKColor Muted = new(0x55, 0x5f, 0x6b);
    private static readonly SKColor Line = new(0xc8, 0xcf, 0xd8);
    private static readonly SKColor Brand = new(0x0b, 0x5c, 0xab);
    private static readonly SKColor Previous = new(0x8a, 0x94, 0xa3);

    public async Task<byte[]> RenderAsync(MonthlyReportData data, string culture, CancellationToken cancellationToken)
    {
        var city = await brands.LetterheadAsync(new CultureInfo(Cultures.Normalise(culture)).TwoLetterISOLanguageName, cancellationToken);
        var previousUi = CultureInfo.CurrentUICulture;
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(Cultures.Normalise(culture));
        try
        {
            return Draw(data, city, localizers.Create(typeof(SharedResource)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUi;
            CultureInfo.CurrentCulture = previous;
        }
    }

    private byte[] Draw(MonthlyReportData d, CityLetterhead city, IStringLocalizer l)
    {
        var month = InsightsScope.Format(d.Month);
        var title = l["Monthly report {0}: {1}", month, d.OrgUnitName].Value;
        using var pdf = new PdfWriter(fonts, title, l["ServeWell insights"]);
        var page = pdf.NewPage(PageSizes.A4Portrait);
        var width = page.Width - (2 * Margin);
        var y = Margin;

        void Room(float needed)
        {
            if (y + needed > page.Height - Margin)
            {
                page = pdf.NewPage(PageSizes.A4Portrait);
                y = Margin;
            }
        }

        void Heading(string text)
        {
            Room(60);
            y += 10;
            y = page.Text(text, Margin, y, 14, bold: true, colour: Brand);
            y += 4;
        }

        void Row(IReadOnlyList<string> cells, IReadOnlyList<float> widths, bool bold = false)
        {
            Room(18);
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var right = i > 0;
                page.Text(Fit(page, cells[i], widths[i] - 6, 9, bold), x, y, 9, bold, align: right ? TextAlign.Right : TextAlign.Left, width: widths[i] - 6);
                x += widths[i];
            }

            y += 14;
            page.Fill(Margin, y - 2, width, 0.5f, Line);
        }

        const float sealSize = 56;
        if (city.Seal is { } seal)
        {
            page.Image(seal, page.Width - Margin - sealSize, Margin - 8, sealSize, sealSize);
        }

        var headWidth = city.Seal is null ? width : width - sealSize - 12;
        if (city.Name is { } issuer)
        {
            y = page.Paragraph(issuer, Margin, y, headWidth, 13, bold: true, colour: Brand);
        }

        y = page.Text(l["ServeWell insights"], Margin, y, 10, colour: Muted);
        y = page.Paragraph(title, Margin, y, headWidth, 20, bold: true);
        y = page.Text(l["Generated {0}", clock.Format(clock.Now, CultureInfo.CurrentCulture)], Margin, y + 2, 9, colour: Muted);
        y = Math.Max(y, Margin + sealSize);

        Heading(l["Overview"]);
        var cols = new[] { width * 0.4f, width * 0.3f, width * 0.3f };
        Row([l["Measure"], month, l["Previous month"]], cols, bold: true);
        Row([l["Satisfied (4–5)"], Percent(d.Month0.SatisfiedPercent), Percent(d.Previous.SatisfiedPercent)], cols);
        Row([l["Index (0–100)"], Number(d.Month0.Index), Number(d.Previous.Index)], cols);
        Row([l["Dissatisfied (1–2)"], Percent(d.Month0.DissatisfiedPercent), Percent(d.Previous.DissatisfiedPercent)], cols);
        Row([l["Answers"], Count(d.Month0.Answers), Count(d.Previous.Answers)], cols);

        Heading(l["Most problematic services"]);
        y = page.Paragraph(l["Ranked by the Wilson lower bound (95 %) of the share answering 1–2, so a service with few answers does not top the list."], Margin, y, width, 9, colour: Muted) + 4;
        var pcols = new[] { width * 0.34f, width * 0.14f, width * 0.18f, width * 0.17f, width * 0.17f };
        Row([l["Service"], l["Answers"], l["Dissatisfied (1–2)"], l["At least"], l["Change (points)"]], pcols, bold: true);
        foreach (var s in d.ProblemServices)
        {
            Row([s.Name, Count(s.Answers), Percent(s.DissatisfiedPercent), Percent(s.RankedByPercent), Signed(s.ChangePoints)], pcols);
        }

        if (d.ProblemServices.Count == 0)
        {
            y = page.Text(l["No answers in this period and org unit."], Margin, y, 9);
        }

        Heading(l["Trends: the index over twelve months"]);
        Room(200);
        y += MonthlyReportChart.LegendHeight;
        var chart = MonthlyReportChart.Lay(d.Trend, Margin, y, width, 150, l["This year"], l["Same month last year"], (t, size) => page.Measure(t, size));
        chart.Draw(page, d.Trend, Brand, Previous, Line, Muted);
        y += 150 + MonthlyReportChart.MonthsHeight + 4;
        var tcols = new[] { width * 0.2f, width * 0.2f, width * 0.2f, width * 0.2f, width * 0.2f };
        Row([l["Month"], l["Satisfied (4–5)"], l["Index (0–100)"], l["Answers"], l["Same month last year"]], tcols, bold: true);
        foreach (var m in d.Trend)
        {
            Row([m.Month, Percent(m.Figures.SatisfiedPercent), Number(m.Figures.Index), Count(m.Figures.Answers), Number(m.SameMonthLastYear?.Index)], tcols);
        }

        Heading(l["Follow-up performance"]);
        var fcols = new[] { width * 0.7f, width * 0.3f };
        Row([l["Cases opened"], Count(d.FollowUps.Opened)], fcols);
        Row([l["Cases closed"], Count(d.FollowUps.Closed)], fcols);
        Row([l["Closed on time"], d.FollowUps.Closed == 0 ? Count(0) : $"{Count(d.FollowUps.ClosedOnTime)} ({Percent(100.0 * d.FollowUps.ClosedOnTime / d.FollowUps.Closed)})"], fcols);
        Row([l["Overdue at the end of the month"], Count(d.FollowUps.OverdueAtMonthEnd)], fcols);
        Row([l["FollowUp:Resolved"], Count(d.FollowUps.Resolved)], fcols);
        Row([l["FollowUp:ClosedUnreachable"], Count(d.FollowUps.Unreachable)], fcols);
        Row([l["Citizens contacted"], Count(d.FollowUps.Contacted)], fcols);

        Heading(l["Training completion"]);
        if (d.Completions.Count == 0)
        {
            y = page.Text(l["No completions this month."], Margin, y, 9);
        }

        foreach (var c in d.Completions)
        {
            Row([c.Programme, Count(c.Completions)], fcols);
        }

        Heading(l["Courtesy awards"]);
        if (d.Awards is not { Count: > 0 })
        {
            y = page.Text(l["No courtesy award this month."], Margin, y, 9);
        }

        var acols = new[] { width * 0.3f, width * 0.35f, width * 0.35f };
        foreach (var a in d.Awards ?? [])
        {
            Row([a.Awardee, a.Office, a.Award], acols);
        }

        Heading(l["Training impact"]);
        var i = d.Impact;
        if (i.Cutoff is null || i.Treated is null || i.Control is null)
        {
            y = page.Paragraph(l["ImpactCaution:NoTrainedOffice"], Margin, y, width, 9);
        }
        else
        {
            y = page.Paragraph(l["{0}: offices trained by {1} against offices not yet trained, {2} to {3} against {4} to {5}.", i.ProgrammeTitle!, i.Cutoff, i.BeforeFrom!, i.BeforeTo!, i.AfterFrom!, i.AfterTo!], Margin, y, width, 9) + 4;
            var icols = new[] { width * 0.28f, width * 0.12f, width * 0.15f, width * 0.15f, width * 0.15f, width * 0.15f };
            Row([l["Offices"], l["Offices"], l["Index before"], l["Index after"], l["Change"], l["Answers after"]], icols, bold: true);
            Row([l["Trained offices"], Count(i.Treated.Offices), Number(i.Treated.IndexBefore), Number(i.Treated.IndexAfter), Signed(i.Treated.Change), Count(i.Treated.AnswersAfter)], icols);
            Row([l["Offices not yet trained"], Count(i.Control.Offices), Number(i.Control.IndexBefore), Number(i.Control.IndexAfter), Signed(i.Control.Change), Count(i.Control.AnswersAfter)], icols);
            Room(40);
            y = page.Text(l["Estimated effect: {0} index points (95 % interval {1} to {2}).", Signed(i.Estimate), Signed(i.ConfidenceLow), Signed(i.ConfidenceHigh)], Margin, y + 4, 10, bold: true);
        }

        foreach (var key in i.Cautions)
        {
            Room(30);
            y = page.Paragraph(l[key], Margin, y + 2, width, 9, colour: Muted);
        }

        return pdf.Finish();
    }

    private static string Fit(PdfPage page, string text, float width, float size, bool bold)
    {
        if (page.Measure(text, size, bold) <= width)
        {
            return text;
        }

        while (text.Length > 1 && page.Measure(text + "…", size, bold) > width)
        {
            text = text[..^1];
        }

        return text + "…";
    }

    private static string Percent(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.CurrentCulture) + " %" : "–";

    private static string Number(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.CurrentCulture) : "–";

    private static string Signed(double? v) => v is { } x ? x.ToString("+0.0;-0.0;0.0", CultureInfo.CurrentCulture) : "–";

    private static string Count(long v) => v.ToString("N0", CultureInfo.CurrentCulture);
}
