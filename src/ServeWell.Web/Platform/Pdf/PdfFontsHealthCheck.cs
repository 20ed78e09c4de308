using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServeWell.Web.Platform.Pdf;

/// <summary>Ready only when the PDF faces load: certificates, posters and reports are part of what the app promises.</summary>
public sealed class PdfFontsHealthCheck(PdfFonts fonts) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = fonts.Regular;
            _ = fonts.Bold;
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (InvalidOperationException e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(e.Message));
        }
    }
}
