using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ServeWell.Web.Platform.Localization;

/// <summary>A localizer that returns the English key itself, formatted; for code run outside a request (tests, tools).</summary>
public sealed class EnglishOnly : IStringLocalizer
{
    public static readonly EnglishOnly Instance = new();

    public LocalizedString this[string name] => new(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(CultureInfo.CurrentCulture, name, arguments), resourceNotFound: true);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
