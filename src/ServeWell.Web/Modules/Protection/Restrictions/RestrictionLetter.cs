using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Modules.Protection.Support;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.City.Identity;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Pdf;

namespace ServeWell.Web.Modules.Protection.Restrictions;

/// <summary>
/// The letter that tells a complainant of a restriction, as a one-page A4 PDF in Korean or English, from a template an
/// administrator edits. Placeholders in braces are filled; an unknown one is refused by name when the template is saved.
/// The person's name is typed when the letter is made and never stored (ADR-059).
/// </summary>
public sealed partial class RestrictionLetter(ServeWellDbContext db, PdfFonts fonts, CityBrands brands, MailLanguage language, IStringLocalizer<SharedResource> l)
{
    public static readonly IReadOnlyList<string> Placeholders = ["name", "date", "office", "restriction", "from", "until", "review", "reference", "city"];

    public const int MaxName = 60;

    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ko"] = "{name} 님께\n\n{date}\n\n{city}은(는) 직원이 안전하게 일할 수 있도록 「민원 처리에 관한 법률」에 따라 다음과 같이 민원 응대를 제한함을 알려 드립니다.\n\n제한 내용: {restriction}\n관련 기관: {office}\n제한 기간: {from}부터 {until}까지\n재검토일: {review}\n\n제한 기간에도 법령에 따른 민원은 정해진 방법으로 신청하실 수 있습니다. 이 조치에 이의가 있으시면 재검토일 전에 서면으로 알려 주십시오.\n\n문서 번호: {reference}\n{city}",
        ["en"] = "Dear {name},\n\n{date}\n\nSo that our staff can work safely, {city} is limiting how it deals with you, as follows.\n\nRestriction: {restriction}\nOffice: {office}\nFrom {from} until {until}\nReview date: {review}\n\nDuring this time you can still make any complaint the law allows in the way set out above. If you disagree with this decision, please write to us before the review date.\n\nReference: {reference}\n{city}",
    };

    /// <summary>The placeholders of <paramref name="body"/> that the letter does not know.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string body) =>
        [.. PlaceholderPattern().Matches(body).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).Distinct(StringComparer.Ordinal)];

    public async Task<string> TemplateAsync(string lang, CancellationToken cancellationToken) =>
        await db.Set<RestrictionLetterTemplate>().AsNoTracking().Where(t => t.Language == lang).Select(t => t.Body).FirstOrDefaultAsync(cancellationToken)
        ?? Defaults[lang];

    /// <summary>Saves a language's template; an unknown placeholder or an empty text is refused, naming what is wrong.</summary>
    public async Task<IReadOnlyList<ProtectionProblem>> SaveTemplateAsync(string? lang, string? body, DateTime now, CancellationToken cancellationToken)
    {
        if (lang is not ("ko" or "en"))
        {
            return [new("language", l["The letter's language: \"{0}\" is not ko or en.", lang ?? ""])];
        }

        if (string.IsNullOrWhiteSpace(body) || body.Length > 8000)
        {
            return [new("body", l["The letter needs a text of at most {0} characters.", 8000])];
        }

        var unknown = UnknownPlaceholders(body);
        if (unknown.Count > 0)
        {
            return [.. unknown.Select(u => new ProtectionProblem("body", l["The letter: {{{0}}} is not a placeholder; use {1}.", u, string.Join(", ", Placeholders.Select(p => "{" + p + "}"))]))];
        }

        var template = await db.Set<RestrictionLetterTemplate>().SingleOrDefaultAsync(t => t.Language == lang, cancellationToken);
        if (template is null)
        {
            db.Add(new RestrictionLetterTemplate { Language = lang, Body = body.Trim(), UpdatedAtUtc = now });
        }
        else
        {
            template.Body = body.Trim();
            template.UpdatedAtUtc = now;
        }

        db.Audit("letter-template-saved", nameof(RestrictionLetterTemplate), lang, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>The letter of a restriction the reader may act on; null when they may not (or it does not exist).</summary>
    public async Task<(byte[]? Pdf, IReadOnlyList<ProtectionProblem> Problems)> RenderAsync(int encounterId, int restrictionId, string? name, EncounterReader reader, CancellationToken cancellationToken)
    {
        var row = await (from r in db.ProtectionRestrictions
                         join e in db.ProtectionEncounters on r.EncounterId equals e.Id
                         where r.Id == restrictionId && e.Id == encounterId
                         select new { r, e.Reference, e.EmployeeId, e.Employee!.OrgUnit!.Path, Office = e.Office!.Name, OfficeEn = e.Office.NameEn })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (row is null || !reader.MayAct(row.EmployeeId, row.Path))
        {
            return (null, []);
        }

        var person = name?.Trim() ?? "";
        if (person.Length is 0 or > MaxName)
        {
            return (null, [new("name", l["The person's name as the letter addresses them: 1 to {0} characters (not stored).", MaxName])]);
        }

        var lang = row.r.LetterLanguage;
        var template = await TemplateAsync(lang, cancellationToken);
        var letterhead = await brands.LetterheadAsync(lang, cancellationToken);
        var pdf = language.Write(lang, loc =>
        {
            var culture = CultureInfo.CurrentCulture;
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["name"] = person,
                ["date"] = row.r.IssuedAtUtc.ToString("D", culture),
                ["office"] = lang == "en" && !string.IsNullOrWhiteSpace(row.OfficeEn) ? row.OfficeEn! : row.Office,
                ["restriction"] = $"{loc[ProtectionActions.Scopes.First(s => s.Value == row.r.Scope).Label]} — {row.r.Detail}",
                ["from"] = row.r.StartsOn.ToString("D", culture),
                ["until"] = row.r.EndsOn.ToString("D", culture),
                ["review"] = row.r.ReviewOn.ToString("D", culture),
                ["reference"] = $"{row.Reference}-R{row.r.Id}",
                ["city"] = letterhead.Name ?? loc["The city"],
            };
            var text = PlaceholderPattern().Replace(template, m => values.GetValueOrDefault(m.Groups[1].Value, m.Value));
            using var writer = new PdfWriter(fonts, loc["Notice of a restriction"], values["reference"]);
            var page = writer.NewPage(PageSizes.A4Portrait);
            const float left = 64;
            var width = page.Width - (2 * left);
            var top = page.Text(loc["Notice of a restriction"], left, 64, 20, bold: true);
            top += 16;
            foreach (var paragraph in text.Split('\n'))
            {
                top = paragraph.Length == 0 ? top + 8 : page.Paragraph(paragraph, left, top, width, 11);
            }

            if (letterhead.Seal is { } seal)
            {
                page.Image(seal, page.Width - left - 64, top + 12, 64, 64);
            }

            return writer.Finish();
        });
        return (pdf, []);
    }

    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    private static partial Regex PlaceholderPattern();
}
