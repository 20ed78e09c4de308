using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Feedback.Survey;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Recognition.Public;

/// <summary>On a survey's thank-you page: "nominate a courteous employee", while a round takes nominations for that office.</summary>
public sealed class ThanksNominationLink(ServeWellDbContext db, Nominate nominate, IStringLocalizer<SharedResource> l) : IThanksLinks
{
    public async Task<ThanksLink?> ForAsync(string touchpointCode, CancellationToken cancellationToken)
    {
        var path = await db.Touchpoints.AsNoTracking().Where(t => t.Code == touchpointCode && t.RetiredAt == null).Select(t => t.OrgUnit!.Path).FirstOrDefaultAsync(cancellationToken);
        return path is not null && await nominate.OpenRoundForAsync(path, cancellationToken) is not null
            ? new ThanksLink(l["Was an employee especially courteous? Nominate them for the monthly courtesy award."], NominateModel.PathFor(touchpointCode))
            : null;
    }
}
