namespace ServeWell.Web.Platform.City;

public static class CityRegistration
{
    public static WebApplicationBuilder AddServeWellCity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CityOptions>()
            .Bind(builder.Configuration.GetSection(CityOptions.Section))
            .Validate(o => TryZone(o.TimeZone), "City:TimeZone is not a known time zone id (e.g. Asia/Seoul).")
            .Validate(o => o.DefaultLanguage is "ko" or "en", "City:DefaultLanguage must be \"ko\" or \"en\".")
            .Validate(o => o.MinimumGroupSize >= 1, "City:MinimumGroupSize must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CityClock>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<Identity.CityBrands>();
        return builder;
    }

    private static bool TryZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
