using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Platform.Mail;

/// <summary>
/// The language a mail goes out in: the recipient's own (their account's choice, or for a citizen the language they
/// answered in), else the city's default language (City:DefaultLanguage) — never the language of whoever pressed the
/// button that caused it (ADR-031). <see cref="Write{T}"/> runs the localizer, and date formats, in that language.
/// </summary>
public sealed class MailLanguage(ServeWellDbContext db, IOptions<CityOptions> city, IStringLocalizerFactory localizers)
{
    /// <summary>The city's language, for recipients who have none of their own.</summary>
    public string City => Cultures.Normalise(city.Value.DefaultLanguage);

    /// <summary>A recipient's own language when it is one we write in, else the city's.</summary>
    public string Of(string? preferred) =>
        Cultures.Supported.FirstOrDefault(c => string.Equals(c, preferred, StringComparison.OrdinalIgnoreCase)) ?? City;

    /// <summary>An employee's language: their account's choice, else the city's (an employee without an account has none).</summary>
    public async Task<string> OfEmployeeAsync(int employeeId, CancellationToken cancellationToken) =>
        Of(await db.Users.AsNoTracking().Where(u => u.EmployeeId == employeeId && u.PreferredCulture != null)
            .Select(u => u.PreferredCulture).FirstOrDefaultAsync(cancellationToken));

    /// <summary>Languages of many employees at once (one query); those without an account's choice get the city's.</summary>
    public async Task<Func<int, string>> OfEmployeesAsync(IReadOnlyCollection<int> employeeIds, CancellationToken cancellationToken)
    {
        var chosen = (await db.Users.AsNoTracking().Where(u => u.EmployeeId != null && u.PreferredCulture != null && employeeIds.Contains(u.EmployeeId.Value))
                .Select(u => new { EmployeeId = u.EmployeeId!.Value, u.PreferredCulture }).ToListAsync(cancellationToken))
            .GroupBy(u => u.EmployeeId).ToDictionary(g => g.Key, g => g.First().PreferredCulture);
        return id => Of(chosen.GetValueOrDefault(id));
    }

    /// <summary>Runs <paramref name="write"/> with the UI culture and the formats of <paramref name="language"/>, then restores the caller's.</summary>
    public T Write<T>(string language, Func<IStringLocalizer, T> write)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var culture = new CultureInfo(Of(language));
        (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (culture, culture);
        try
        {
            return write(localizers.Create(typeof(SharedResource)));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }
}
