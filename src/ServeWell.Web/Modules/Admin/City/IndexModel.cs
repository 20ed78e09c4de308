using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.City.Identity;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Admin.City;

/// <summary>The administrator sets the city's names, colour, logo and seal (ADR-038); all of it is saved together or not at all.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(ServeWellDbContext db, CityBrands brands, IOptions<CityOptions> city, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class IdentityForm
    {
        [StringLength(CityIdentityRules.NameLength, ErrorMessage = "At most 80 characters.")]
        public string? NameKo { get; set; }

        [StringLength(CityIdentityRules.NameLength, ErrorMessage = "At most 80 characters.")]
        public string? NameEn { get; set; }

        public string Colour { get; set; } = CityColours.Default.Key;

        public IFormFile? Logo { get; set; }

        public IFormFile? Seal { get; set; }

        public bool RemoveLogo { get; set; }

        public bool RemoveSeal { get; set; }
    }

    [BindProperty]
    public IdentityForm Form { get; set; } = new();

    /// <summary>The names from configuration (<c>City:Names</c>), shown as what an empty field means.</summary>
    public IReadOnlyDictionary<string, string> DefaultNames => city.Value.Names;

    public CityIdentity? Current { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await db.Set<CityIdentity>().AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        Form = new IdentityForm { NameKo = Current?.NameKo, NameEn = Current?.NameEn, Colour = Current?.Colour ?? CityColours.Default.Key };
    }

    /// <summary>The uploaded logo or seal, for the preview on this page (<c>?handler=Image&amp;kind=seal</c>).</summary>
    public async Task<IActionResult> OnGetImageAsync(string? kind, CancellationToken cancellationToken)
    {
        var png = kind is CityImage.Logo or CityImage.Seal ? await brands.ImageAsync(kind, cancellationToken) : null;
        return png is null ? NotFound() : File(png, "image/png");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var row = await db.Set<CityIdentity>().FirstOrDefaultAsync(cancellationToken);
        Current = row;
        if (CityColours.Find(Form.Colour) is null)
        {
            ModelState.AddModelError("Form.Colour", l["Choose one of the colours."]);
        }

        var logo = await ReadAsync(Form.Logo, CityImage.Logo, "Form.Logo", cancellationToken);
        var seal = await ReadAsync(Form.Seal, CityImage.Seal, "Form.Seal", cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (row is null)
        {
            row = new CityIdentity();
            db.Add(row);
        }

        row.NameKo = Clean(Form.NameKo);
        row.NameEn = Clean(Form.NameEn);
        row.Colour = Form.Colour;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await PlaceAsync(row, CityImage.Logo, logo, Form.Logo?.FileName, Form.RemoveLogo, cancellationToken);
        await PlaceAsync(row, CityImage.Seal, seal, Form.Seal?.FileName, Form.RemoveSeal, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        brands.Forget();
        TempData.Saved(l["The city's identity is saved."]);
        return Redirect("/Admin/City");
    }

    private async Task<CityImage?> ReadAsync(IFormFile? file, string kind, string field, CancellationToken cancellationToken)
    {
        if (file is null || string.IsNullOrEmpty(file.FileName))
        {
            return null;
        }

        if (file.Length > CityIdentityRules.MaxBytes)
        {
            // Not read into memory at all: the rule's message only needs the size.
            ModelState.AddModelError(field, l["“{0}” is {1} KB; upload a PNG of at most {2} KB.", Path.GetFileName(file.FileName), (file.Length + 1023) / 1024, CityIdentityRules.MaxBytes / 1024]);
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var (image, error) = CityIdentityRules.Read(kind, file.FileName, buffer.ToArray(), l);
        if (error is not null)
        {
            ModelState.AddModelError(field, error);
        }

        return image;
    }

    private async Task PlaceAsync(CityIdentity row, string kind, CityImage? upload, string? fileName, bool remove, CancellationToken cancellationToken)
    {
        if (upload is null && !remove)
        {
            return;
        }

        var stored = await db.Set<CityImage>().FirstOrDefaultAsync(i => i.Kind == kind, cancellationToken);
        if (upload is null)
        {
            if (stored is not null)
            {
                db.Remove(stored);
            }
        }
        else if (stored is null)
        {
            db.Add(upload);
        }
        else
        {
            (stored.Png, stored.Width, stored.Height) = (upload.Png, upload.Width, upload.Height);
        }

        var sha = upload is null ? null : CityBrands.Fingerprint(upload.Png);
        var name = upload is null ? null : Path.GetFileName(fileName);
        if (kind == CityImage.Logo)
        {
            (row.LogoSha256, row.LogoFileName) = (sha, name);
        }
        else
        {
            (row.SealSha256, row.SealFileName) = (sha, name);
        }
    }

    private static string? Clean(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
}
