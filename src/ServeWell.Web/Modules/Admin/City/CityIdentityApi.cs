using System.Globalization;
using System.Text;
using ServeWell.Web.Platform.City.Identity;

namespace ServeWell.Web.Modules.Admin.City;

/// <summary>
/// The city's logo (public: the header shows it before sign-in) and the stylesheet that sets its colour (public). CSP
/// allows no inline style, so the colour is a small stylesheet of custom properties (ADR-038). The seal is shown only to
/// administrators, by the identity page itself, and inside certificates and reports.
/// </summary>
public static class CityIdentityApi
{
    public static IEndpointRouteBuilder MapCityIdentityApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/city/logo.png", (CityBrands brands, CancellationToken ct) => ImageAsync(brands, CityImage.Logo, ct)).AllowAnonymous();
        app.MapGet("/city/theme.css", ThemeAsync).AllowAnonymous();
        return app;
    }

    public static async Task<IResult> ImageAsync(CityBrands brands, string kind, CancellationToken cancellationToken)
    {
        var png = await brands.ImageAsync(kind, cancellationToken);
        return png is null ? TypedResults.NotFound() : TypedResults.File(png, "image/png");
    }

    private static async Task<IResult> ThemeAsync(CityBrands brands, HttpContext context, CancellationToken cancellationToken)
    {
        var colour = (await brands.CurrentAsync(cancellationToken)).Colour;
        context.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Text(Theme(colour), "text/css", Encoding.UTF8);
    }

    /// <summary>The KRDS primary shades set to the city's colour; <c>--brand</c> and the rest of site.css follow them.</summary>
    public static string Theme(CityColour c) => string.Create(CultureInfo.InvariantCulture,
        $":root{{--krds-color-light-primary-5:{c.Shade5};--krds-color-light-primary-10:{c.Shade10};--krds-color-light-primary-50:{c.Shade50};--krds-color-light-primary-60:{c.Shade60};--krds-color-light-primary-70:{c.Shade70};}}\n");
}
