using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.Insights.Explore;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Learning.Refreshers;
using ServeWell.Web.Modules.People.RosterImport;
using ServeWell.Web.Modules.Training.Compliance;
using ServeWell.Web.Modules.Training.MyTraining;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Home;

/// <summary>
/// Reads each role's section of the home page through the queries the modules below expose (ADR-036): My training's
/// next steps, the session agenda, the follow-up queue, the compliance report, the Insights rollups. Nothing is worked
/// out here that the module's own page works out differently.
/// </summary>
public sealed class HomeRead(
    ServeWellDbContext db, StaffScope scope, TimeProvider clock, MyTrainingRead myTraining, SessionAgenda agenda, EmployeeInsights employeeInsights,
    SatisfactionSeries satisfaction, FollowUpQueue followUps, ComplianceReport compliance, InsightsScope insightsScope, ProblemServicesReport problems,
    KeyFigures figures, RefresherSchedule refreshers)
{
    public const int Shown = 5;

    private static bool English => Cultures.ReadsEnglish;

    public async Task<EmployeeHome> EmployeeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return new EmployeeHome(false, [], null, null, null, null, satisfaction.Minimum, compliance.Today);
        }

        var mine = await myTraining.ReadAsync(employee, cancellationToken);
        var toDo = mine.Programmes.Where(p => p.Step is not (StepKind.Completed or StepKind.DownloadCertificate)).ToList();
        var next = mine.Programmes
            .Where(p => p.Current is { Registration.State: RegistrationState.Registered })
            .MinBy(p => p.Current!.Row.Session.StartsAtUtc);
        var period = figures.Period;
        var own = await employeeInsights.OwnAsync(employee, period.From, period.To, English, cancellationToken);
        var unit = await db.Employees.AsNoTracking().Where(e => e.Id == employee).Select(e => e.OrgUnit).FirstOrDefaultAsync(cancellationToken);
        var office = unit is null ? null : (await satisfaction.MonthsAsync(unit, period.From, period.To, cancellationToken)).Sum(period.From, period.To);
        var refreshersDue = await refreshers.DueCountAsync(employee, cancellationToken);
        return new EmployeeHome(true, toDo, next, own, unit?.DisplayName(English), office, satisfaction.Minimum, mine.Today, refreshersDue);
    }

    public async Task<InstructorHome> InstructorAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } own)
        {
            return new InstructorHome(false, []);
        }

        var (coming, _) = await agenda.TaughtByAsync(own, cancellationToken);
        return new InstructorHome(true, coming.Where(s => !s.Row.Session.IsCancelled).Take(Shown).ToList());
    }

    public async Task<SupervisorHome> SupervisorAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var cases = await followUps.ListAsync(user, new FollowUpFilter(PageSize: Shown), cancellationToken);
        var filter = await scope.GetAsync(cancellationToken);
        var training = await compliance.RunAsync(filter, null, null, cancellationToken);
        var unit = (await insightsScope.ResolveAsync(null, null, null, cancellationToken)).Query?.Unit;
        var tiles = new List<KpiTile>();
        if (unit is not null)
        {
            tiles.Add((await figures.SatisfactionAsync(unit, InsightsLink(unit.Code), cancellationToken)).Satisfaction);
        }

        tiles.Add(figures.Completion(training?.Rows ?? [], compliance.Today));
        return new SupervisorHome(unit?.DisplayName(English), cases, training?.Counts ?? ComplianceCounts.Of([]), tiles);
    }

    public async Task<LeadershipHome> LeadershipAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var period = figures.Period;
        var overdue = await followUps.ListAsync(user, new FollowUpFilter(OverdueOnly: true, PageSize: Shown), cancellationToken);
        var filter = await scope.GetAsync(cancellationToken);
        var training = await compliance.RunAsync(filter, null, null, cancellationToken);
        var unit = (await insightsScope.ResolveAsync(null, null, null, cancellationToken)).Query?.Unit;
        var tiles = new List<KpiTile>();
        IReadOnlyList<ProblemServiceRow> worst = [];
        var servicesLink = "/Insights/ProblemServices";
        if (unit is not null)
        {
            var (satisfied, responses) = await figures.SatisfactionAsync(unit, InsightsLink(unit.Code), cancellationToken);
            tiles.Add(satisfied);
            tiles.Add(responses);
            servicesLink = InsightsLink(unit.Code, "/Insights/ProblemServices");
            var ranked = await problems.RankAsync(new InsightsQuery(period.From, period.To, unit), English, cancellationToken);
            worst = ranked.Services.Where(s => s.Answers >= figures.Minimum).Take(3).ToList();
        }

        tiles.Add(await figures.OnTimeAsync(user, cancellationToken));
        tiles.Add(figures.Completion(training?.Rows ?? [], compliance.Today));
        return new LeadershipHome(unit?.DisplayName(English), period, tiles, worst, servicesLink, overdue, figures.Minimum);
    }

    public async Task<TrainingOfficerHome> TrainingOfficerAsync(CancellationToken cancellationToken)
    {
        var coming = await agenda.ComingAsync(days: 14, take: Shown, cancellationToken);
        var filter = await scope.GetAsync(cancellationToken);
        var result = await compliance.RunAsync(filter, null, null, cancellationToken);
        var rows = result?.Rows ?? [];
        var atRisk = rows.Where(r => r.Status is ComplianceStatus.Overdue or ComplianceStatus.DueSoon)
            .GroupBy(r => (r.ProgrammeId, r.Programme))
            .Select(g => new ProgrammeAtRisk(g.Key.ProgrammeId, g.Key.Programme, g.Count(r => r.Status == ComplianceStatus.Overdue), g.Count(r => r.Status == ComplianceStatus.DueSoon)))
            .OrderByDescending(p => p.Overdue).ThenByDescending(p => p.DueSoon).ThenBy(p => p.Title, StringComparer.CurrentCulture)
            .Take(Shown).ToList();
        return new TrainingOfficerHome(coming, result?.Counts ?? ComplianceCounts.Of([]), atRisk);
    }

    public async Task<AdministratorHome> AdministratorAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var late = now.AddHours(-1);
        var jobs = (await db.Leases.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Name, l.Holder, l.ExpiresAt }).ToListAsync(cancellationToken))
            .Select(l => l.Holder is null ? new JobState(l.Name, null, false) : new JobState(l.Name, l.ExpiresAt, l.ExpiresAt < late)).ToList();
        var mail = await db.OutboxMails.AsNoTracking().Where(m => m.Status != OutboxStatus.Sent)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var imports = await db.RosterImportJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(Shown)
            .Select(j => new { j.Id, j.FileName, j.Status, j.UpdatedAt }).ToListAsync(cancellationToken);
        return new AdministratorHome(
            jobs,
            mail.Where(m => m.Key == OutboxStatus.Pending).Sum(m => m.Count),
            mail.Where(m => m.Key == OutboxStatus.Failed).Sum(m => m.Count),
            imports.Select(j => new ImportState(j.Id, j.FileName, j.Status.ToString(), j.UpdatedAt, j.Status == RosterImportStatus.Failed)).ToList());
    }

    private string InsightsLink(string unitCode, string path = "/Insights") =>
        $"{path}?from={KpiPeriod.Month(figures.Period.From)}&to={KpiPeriod.Month(figures.Period.To)}&unit={Uri.EscapeDataString(unitCode)}";
}
