using System.Security.Claims;

namespace ServeWell.Web.Platform.Audit;

public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name => accessor.HttpContext?.User.Identity?.Name ?? "system";
}
