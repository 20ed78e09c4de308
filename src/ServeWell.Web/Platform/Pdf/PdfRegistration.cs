namespace ServeWell.Web.Platform.Pdf;

public static class PdfRegistration
{
    public static WebApplicationBuilder AddServeWellPdf(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PdfOptions>(builder.Configuration.GetSection(PdfOptions.Section));
        builder.Services.AddSingleton<PdfFonts>();
        builder.Services.AddHealthChecks().AddCheck<PdfFontsHealthCheck>("pdf-fonts", tags: ["ready"]);
        return builder;
    }
}
