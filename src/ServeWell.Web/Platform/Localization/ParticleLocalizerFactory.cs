using Microsoft.Extensions.Localization;

namespace ServeWell.Web.Platform.Localization;

/// <summary>
/// Every localizer the app gets resolves Korean particle pairs ("{0}을(를)") after formatting, so a translation
/// names the pair once and the reader sees the one form that fits the inserted word (ADR-030).
/// </summary>
public sealed class ParticleLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new ParticleLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new ParticleLocalizer(inner.Create(baseName, location));

    private sealed class ParticleLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Resolved(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Resolved(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private static LocalizedString Resolved(LocalizedString s) =>
            new(s.Name, KoreanParticles.Resolve(s.Value), s.ResourceNotFound, s.SearchedLocation);
    }
}
