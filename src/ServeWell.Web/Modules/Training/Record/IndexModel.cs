using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Record;

/// <summary>An employee's own training: what is assigned and due, what to do next (evaluate, take the knowledge check), and certificates.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ServeWellDbContext db, CompleteEnrolment complete, IAttendedSession attended, ProgrammeCycles cycles) : PageModel
{
    public sealed record ProgrammeRow(
        Programme Programme, EnrolmentState State, CompletionProgress Progress, SessionRow? AttendedSession, bool Evaluated,
        bool HasKnowledgeCheck, KnowledgeAttempt? Pre, KnowledgeAttempt? Post);

    public bool HasEmployeeRecord { get; private set; }

    public IReadOnlyList<ProgrammeRow> Programmes { get; private set; } = [];

    public IReadOnlyList<Certificate> Certificates { get; private set; } = [];

    public DateOnly Today => cycles.Today;

    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Notice = TempData["Notice"] as string;
        if (User.EmployeeId() is not { } employeeId)
        {
            return;
        }

        HasEmployeeRecord = true;
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.EmployeeId == employeeId && e.State != EnrolmentState.Withdrawn)
            .Select(e => new { e.ProgrammeId, e.State }).ToListAsync(cancellationToken);
        var programmeIds = enrolments.Select(e => e.ProgrammeId).ToList();
        var programmes = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var checks = (await db.KnowledgeChecks.AsNoTracking().Where(k => programmeIds.Contains(k.ProgrammeId) && k.Questions.Count > 0)
            .Select(k => k.ProgrammeId).ToListAsync(cancellationToken)).ToHashSet();
        var rows = new List<ProgrammeRow>();
        foreach (var programme in programmes.OrderBy(p => p.DueDate ?? DateOnly.MaxValue).ThenBy(p => p.Title, StringComparer.CurrentCulture))
        {
            var progress = await complete.ProgressAsync(programme, employeeId, cancellationToken);
            var sessionId = progress.Attended ? await attended.FindAsync(programme.Id, employeeId, cancellationToken) ?? progress.Completion?.SessionId : null;
            var session = sessionId is { } sid ? await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, cancellationToken) : null;
            var evaluated = sessionId is { } id && await db.SessionEvaluations.AnyAsync(e => e.SessionId == id && e.EmployeeId == employeeId, cancellationToken);
            var attempts = await db.KnowledgeAttempts.AsNoTracking()
                .Where(a => a.ProgrammeId == programme.Id && a.EmployeeId == employeeId && a.Cycle == progress.Cycle).ToListAsync(cancellationToken);
            rows.Add(new ProgrammeRow(
                programme, enrolments.First(e => e.ProgrammeId == programme.Id).State, progress, session is null ? null : SessionRow.Of(session), evaluated,
                checks.Contains(programme.Id), attempts.FirstOrDefault(a => a.Phase == KnowledgePhase.Pre), attempts.FirstOrDefault(a => a.Phase == KnowledgePhase.Post)));
        }

        Programmes = rows;
        Certificates = await db.Certificates.AsNoTracking().Where(c => c.EmployeeId == employeeId)
            .OrderByDescending(c => c.CompletedOn).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
    }
}
