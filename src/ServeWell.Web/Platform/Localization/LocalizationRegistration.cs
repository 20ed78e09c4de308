using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace ServeWell.Web.Platform.Localization;

public static class LocalizationRegistration
{
    public static WebApplicationBuilder AddServeWellLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        builder.Services.AddSingleton<IStringLocalizerFactory, ParticleLocalizerFactory>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures.Default)
                .AddSupportedCultures(Cultures.Supported)
                .AddSupportedUICultures(Cultures.Supported);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // A link's explicit ?lang= (the citizen survey's switch) first, then the remembered choice (cookie),
            // then the browser's language.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static void RememberCulture(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Cultures.Normalise(culture))),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = response.HttpContext.Request.IsHttps });
}
