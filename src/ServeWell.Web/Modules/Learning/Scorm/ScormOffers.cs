using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Scorm;

/// <summary>
/// Whether a package is offered to an employee: through a published course lesson of a programme they are enrolled in.
/// Until courses link packages, only training officers open them (to preview).
/// </summary>
public static class ScormOffers
{
    public static Task<bool> OfferedToAsync(ServeWellDbContext db, int packageId, int employeeId, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
