using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Reports;

/// <summary>
/// Mails a month's report to every subscriber who may still view insights, each for their own scope and in their own
/// language (else the city's). A delivery row (unique per month and account) is saved together with the mail in the
/// outbox, so a second node or a restart skips it: once, never twice (ADR-020, ADR-031).
/// </summary>
public sealed class SendMonthlyReports(
    ServeWellDbContext db, MonthlyReport report, MonthlyReportPdf pdf, MailOutbox outbox, MailLanguage language, TimeProvider clock,
    ILogger<SendMonthlyReports> logger)
{
    public async Task<int> SendAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var roles = Policies.RolesByPolicy[Policies.ViewInsights];
        var subscribers = await (
            from s in db.ReportSubscriptions
            join u in db.Users on s.UserId equals u.Id
            where u.Email != null
            select new { u.Id, Email = u.Email!, u.PreferredCulture, u.ScopeOrgUnitId }).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var s in subscribers)
        {
            var theirs = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == s.Id select r.Name).ToListAsync(cancellationToken);
            var unit = await UnitForAsync(theirs, s.ScopeOrgUnitId, cancellationToken);
            if (!theirs.Any(r => r is not null && roles.Contains(r)) || unit is null)
            {
                continue;
            }

            if (await db.ReportDeliveries.AnyAsync(d => d.Month == month && d.UserId == s.Id, cancellationToken))
            {
                continue;
            }

            var culture = language.Of(s.PreferredCulture);
            var bytes = await RenderAsync(month, unit, culture, cancellationToken);
            var (subject, body) = Compose(month, unit, culture);
            var now = clock.GetUtcNow().UtcDateTime;
            db.ReportDeliveries.Add(new ReportDelivery { Month = month, UserId = s.Id, OrgUnitId = unit.Id, ClaimedAtUtc = now, SentAtUtc = now });
            outbox.Add(new MailMessage(s.Email, subject, body, Attachments: [new MailAttachment(FileName(month, unit), "application/pdf", bytes)]), culture);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node claimed this delivery first; the unique index kept theirs, and this mail went with the rollback.
                db.ChangeTracker.Clear();
                continue;
            }

            sent++;
        }

        logger.LogInformation("Monthly report {Month}: {Sent} mails sent", InsightsScope.Format(month), sent);
        return sent;
    }

    public async Task<byte[]> RenderAsync(DateOnly month, OrgUnit unit, string culture, CancellationToken cancellationToken)
    {
        var data = await report.CollectAsync(month, unit, culture == "en", cancellationToken);
        return await pdf.RenderAsync(data, culture, cancellationToken);
    }

    public static string FileName(DateOnly month, OrgUnit unit) => $"servewell-report-{InsightsScope.Format(month)}-{unit.Code}.pdf";

    /// <summary>Administrators and training officers get the whole city; scoped roles their unit; a scoped account without a unit gets nothing.</summary>
    private async Task<OrgUnit?> UnitForAsync(IReadOnlyList<string?> roles, int? scopeUnitId, CancellationToken cancellationToken)
    {
        if (roles.Contains(Roles.Administrator) || roles.Contains(Roles.TrainingOfficer))
        {
            return await db.OrgUnits.AsNoTracking().OrderBy(u => u.Depth).ThenBy(u => u.Code).FirstOrDefaultAsync(cancellationToken);
        }

        return scopeUnitId is { } id ? await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) : null;
    }

    private (string Subject, string Body) Compose(DateOnly month, OrgUnit unit, string culture) =>
        language.Write(culture, l =>
        {
            var name = unit.DisplayName(culture == "en");
            return (l["Monthly report {0}: {1}", InsightsScope.Format(month), name].Value,
                l["The ServeWell monthly report for {0}, {1}, is attached as a PDF. You receive it because you subscribed on the Insights reports page, where you can also unsubscribe.", name, InsightsScope.Format(month)].Value);
        });
}

public sealed class ReportOptions
{
    /// <summary>On which local days of a month (1..N) the job sends last month's report; 0 turns the mailing off.</summary>
    public int SendOnFirstDays { get; set; } = 3;

    /// <summary>How often each node looks whether it is its turn.</summary>
    public TimeSpan Look { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>On the first days of a month, one node (the lease) mails last month's report to the subscribers.</summary>
public sealed class MonthlyReportJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReportOptions> options, InsightsCalendar calendar, ILogger<MonthlyReportJob> logger)
    : LeasedPeriodicJob(scopes, clock, logger)
{
    private readonly TimeProvider _clock = clock;

    protected override string Lease => "insights-monthly-report";

    protected override TimeSpan Interval => options.Value.Look;

    protected override TimeSpan Look => options.Value.Look;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var local = TimeZoneInfo.ConvertTimeFromUtc(now, calendar.Zone);
        if (local.Day > options.Value.SendOnFirstDays)
        {
            return;
        }

        var lastMonth = calendar.MonthOf(now).AddMonths(-1);
        await services.GetRequiredService<SendMonthlyReports>().SendAsync(lastMonth, cancellationToken);
    }
}
