using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Enrolments;

/// <summary>The enrolments section of a programme's details page: counts by state, one page of people, "Sync now".</summary>
public sealed class ProgrammeEnrolmentsViewComponent(ProgrammeEnrolments enrolments, StaffScope scope, IAuthorizationService authorization) : ViewComponent
{
    public const int PageSize = 25;

    public sealed record Model(EnrolmentPage Page, bool CanManage);

    public async Task<IViewComponentResult> InvokeAsync(int programmeId)
    {
        var query = HttpContext.Request.Query;
        var page = int.TryParse(query["enrolmentPage"], out var p) ? p : 1;
        EnrolmentState? state = Enum.TryParse<EnrolmentState>(query["enrolmentState"], out var s) && Enum.IsDefined(s) ? s : null;
        var result = await enrolments.ReadAsync(programmeId, await scope.GetAsync(HttpContext.RequestAborted), state, page, PageSize, HttpContext.RequestAborted);
        var canManage = (await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.ManageTraining)).Succeeded;
        return View("/Modules/Training/Programmes/_Enrolments.cshtml", new Model(result!, canManage));
    }
}
