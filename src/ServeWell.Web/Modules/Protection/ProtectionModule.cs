namespace ServeWell.Web.Modules.Protection;

/// <summary>
/// Staff protection (issue 17): abusive encounters logged by or for the employee, support offered and taken up, the
/// institution's legal action, restrictions on a complainant with their letter, and what the city learns from it.
/// Protection sits above Practice and Recognition and below Insights (ADR-033).
/// </summary>
public static class ProtectionModule
{
    public static WebApplicationBuilder AddProtectionModule(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapProtectionModule(this WebApplication app)
    {
        return app;
    }
}
