using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Platform.City.Identity;

/// <summary>
/// The city as pages and documents show it: its name per language (the administrator's, else <c>City:Names</c>), its
/// colour, and the versions of its logo and seal (null when none), which are also the images' cache-busting URLs.
/// </summary>
public sealed record CityBrand(IReadOnlyDictionary<string, string> Names, string DefaultLanguage, CityColour Colour, string? LogoVersion, string? SealVersion)
{
    public string? NameIn(string language) =>
        Names.TryGetValue(language, out var name) || Names.TryGetValue(DefaultLanguage, out name) ? name : null;

    public string? LogoUrl => LogoVersion is null ? null : $"/city/logo.png?v={LogoVersion[..12]}";

    /// <summary>The stylesheet that sets the city's colour, or null for the default one (no extra request).</summary>
    public string? ThemeUrl => Colour == CityColours.Default ? null : $"/city/theme.css?c={Colour.Key}";
}

/// <summary>
/// Reads the city's identity once a minute at most (ADR-038): every page's header needs it. A save forgets the cached copy
/// on this node at once; other nodes of a cluster see it within <see cref="Lifetime"/>.
/// </summary>
public sealed class CityBrands(ServeWellDbContext db, IMemoryCache cache, IOptions<CityOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private const string Key = "ServeWell.CityBrand";

    private const string LastKnownKey = "ServeWell.CityBrand.LastKnown";

    public async Task<CityBrand> CurrentAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key, out CityBrand? brand) && brand is not null)
        {
            return brand;
        }

        CityIdentity? row;
        try
        {
            row = await db.Set<CityIdentity>().AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        }
        catch (Exception ex) when (DatabaseUnavailable.Is(ex))
        {
            // The database is away for a moment (ADR-057): the page that says so still needs a header. The last identity
            // this node read, else the configured names; nothing is cached, so the next page after the outage reads it anew.
            return cache.TryGetValue(LastKnownKey, out CityBrand? known) && known is not null ? known : FromRow(null);
        }

        brand = FromRow(row);
        cache.Set(Key, brand, Lifetime);
        cache.Set(LastKnownKey, brand);
        return brand;
    }

    private CityBrand FromRow(CityIdentity? row)
    {
        var city = options.Value;
        var names = new Dictionary<string, string>(city.Names, StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(row?.NameKo))
        {
            names["ko"] = row.NameKo;
        }

        if (!string.IsNullOrWhiteSpace(row?.NameEn))
        {
            names["en"] = row.NameEn;
        }

        return new CityBrand(names, city.DefaultLanguage, CityColours.Find(row?.Colour) ?? CityColours.Default, row?.LogoSha256, row?.SealSha256);
    }

    /// <summary>The uploaded PNG of <paramref name="kind"/>, or null.</summary>
    public Task<byte[]?> ImageAsync(string kind, CancellationToken cancellationToken) =>
        db.Set<CityImage>().AsNoTracking().Where(i => i.Kind == kind).Select(i => (byte[]?)i.Png).FirstOrDefaultAsync(cancellationToken);

    /// <summary>What an official document carries: the city's name in <paramref name="language"/> and its seal, when uploaded.</summary>
    public async Task<CityLetterhead> LetterheadAsync(string language, CancellationToken cancellationToken)
    {
        var brand = await CurrentAsync(cancellationToken);
        var seal = brand.SealVersion is null ? null : await ImageAsync(CityImage.Seal, cancellationToken);
        return new CityLetterhead(brand.NameIn(language), seal);
    }

    /// <summary>Called after a save, so the next page shows the new identity.</summary>
    public void Forget() => cache.Remove(Key);

    public static string Fingerprint(byte[] png) => Convert.ToHexStringLower(SHA256.HashData(png));
}

/// <summary>The issuing authority of a certificate or report: the city's name (null when none is set) and its seal's PNG.</summary>
public sealed record CityLetterhead(string? Name, byte[]? Seal);
