using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Reports;

[Authorize(Policy = Policies.ViewInsights)]
public sealed class ReportsModel(InsightsScope insightsScope, StaffScope scope, ServeWellDbContext db, InsightsCalendar calendar, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : InsightsPageModel(insightsScope, scope, db)
{
    private readonly ServeWellDbContext _db = db;

    public IReadOnlyList<string> Months { get; private set; } = [];

    public bool Subscribed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        From = null;
        To = null;
        var (_, notFound) = await ResolveAsync(cancellationToken);
        if (notFound)
        {
            return NotFound();
        }

        var thisMonth = calendar.MonthOf(clock.GetUtcNow().UtcDateTime);
        var first = await _db.InsightsUnitServiceMonths.AsNoTracking().MinAsync(c => (DateOnly?)c.Month, cancellationToken) ?? thisMonth;
        var months = new List<string>();
        for (var m = thisMonth.AddMonths(-1); m >= first && months.Count < 24; m = m.AddMonths(-1))
        {
            months.Add(InsightsScope.Format(m));
        }

        Months = months;
        var user = UserId;
        Subscribed = await _db.ReportSubscriptions.AnyAsync(s => s.UserId == user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSubscribeAsync(CancellationToken cancellationToken)
    {
        var user = UserId;
        if (!await _db.ReportSubscriptions.AnyAsync(s => s.UserId == user, cancellationToken))
        {
            _db.ReportSubscriptions.Add(new ReportSubscription { UserId = user, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
            _db.Audit("subscribed", "MonthlyReport", user, null, null);
            try
            {
                await _db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A double click from two tabs: the unique index kept one subscription, which is all that was asked.
            }
        }

        TempData.Saved(localizer["You are subscribed: the monthly report comes by email on the first working day of each month."]);
        return RedirectToPage(new { unit = Unit });
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(CancellationToken cancellationToken)
    {
        var user = UserId;
        await _db.ReportSubscriptions.Where(s => s.UserId == user).ExecuteDeleteAsync(cancellationToken);
        _db.Audit("unsubscribed", "MonthlyReport", user, null, null);
        await _db.SaveChangesAsync(cancellationToken);
        TempData.Saved(localizer["You are unsubscribed: the monthly report no longer comes by email."]);
        return RedirectToPage(new { unit = Unit });
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed in without an id.");

    public string PdfLink(string month) => $"/api/v1/insights/reports/{month}.pdf?orgUnitCode={Uri.EscapeDataString(Unit ?? "")}";
}
