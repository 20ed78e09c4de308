using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Attendance;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Registrations;

/// <summary>
/// "My training": the signed-in employee's programmes, their place in a session (or in a queue), and the sessions still
/// to come to choose, switch or cancel. Any account linked to an employee record may use it.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MyModel(ServeWellDbContext db, SessionRegistrations registrations, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record SessionChoice(SessionRow Row, int Taken, int Waiting)
    {
        public int Left => Math.Max(0, Row.Session.Capacity - Taken);
    }

    public sealed record MyPlace(SessionRow Row, SessionRegistration Registration, int WaitlistPosition, IReadOnlyList<SessionRow> Overlaps, AttendanceRecord? Attendance);

    public sealed record MyProgramme(int Id, string Title, EnrolmentState State, DateOnly? DueDate, MyPlace? Current, IReadOnlyList<MyPlace> Past, IReadOnlyList<SessionChoice> Choices);

    public bool Linked { get; private set; }

    public IReadOnlyList<MyProgramme> Programmes { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostRegisterAsync(int sessionId, CancellationToken cancellationToken) =>
        ActAsync(async employee =>
        {
            var r = await registrations.RegisterAsync(sessionId, employee, RegistrationMode.Self, User.Identity?.Name ?? "", cancellationToken);
            return r.State == RegistrationState.Registered ? l["Your place is booked. A calendar invitation is on its way by email."] : l["The session is full: you are on its waitlist. We will email you when a place is yours."];
        }, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int sessionId, CancellationToken cancellationToken) =>
        ActAsync(async employee =>
        {
            await registrations.CancelAsync(sessionId, employee, byOfficer: false, User.Identity?.Name ?? "", cancellationToken);
            return l["Your place is cancelled."];
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(Func<int, Task<string>> act, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee)
        {
            return Forbid();
        }

        try
        {
            Status = await act(employee);
            return RedirectToPage();
        }
        catch (DomainRuleException ex)
        {
            Problem = ex.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee)
        {
            return;
        }

        Linked = true;
        var now = clock.GetUtcNow().UtcDateTime;
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.EmployeeId == employee && e.State != EnrolmentState.Withdrawn)
            .Join(db.Programmes, e => e.ProgrammeId, p => p.Id, (e, p) => new { e.Id, ProgrammeId = p.Id, p.Title, e.State, p.DueDate })
            .OrderBy(x => x.DueDate == null).ThenBy(x => x.DueDate).ThenBy(x => x.Title)
            .ToListAsync(cancellationToken);
        var programmeIds = enrolments.Select(e => e.ProgrammeId).ToList();
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => programmeIds.Contains(s.ProgrammeId)).ToListAsync(cancellationToken);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var mine = await db.SessionRegistrations.AsNoTracking().Where(r => r.EmployeeId == employee && r.State != RegistrationState.Cancelled).ToListAsync(cancellationToken);
        var counts = await db.SessionRegistrations.AsNoTracking()
            .Where(r => sessionIds.Contains(r.SessionId) && (r.State == RegistrationState.Registered || r.State == RegistrationState.Waitlisted))
            .GroupBy(r => new { r.SessionId, r.State }).Select(g => new { g.Key.SessionId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var attendance = await db.Attendance.AsNoTracking().Where(a => a.EmployeeId == employee).ToDictionaryAsync(a => a.SessionId, cancellationToken);
        var overlaps = await RegistrationOverlaps.FindAsync(db, [employee], cancellationToken);
        var allMine = await db.TrainingSessions.AsNoTracking().Where(s => mine.Select(r => r.SessionId).Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var byId = sessions.ToDictionary(s => s.Id);
        foreach (var s in allMine.Values)
        {
            byId.TryAdd(s.Id, s);
        }

        int Count(int sessionId, RegistrationState state) => counts.FirstOrDefault(c => c.SessionId == sessionId && c.State == state)?.Count ?? 0;

        async Task<MyPlace> PlaceAsync(SessionRegistration r)
        {
            var position = r.State == RegistrationState.Waitlisted
                ? await db.SessionRegistrations.CountAsync(x => x.SessionId == r.SessionId && x.State == RegistrationState.Waitlisted
                    && (x.AskedAt < r.AskedAt || (x.AskedAt == r.AskedAt && x.Id <= r.Id)), cancellationToken)
                : 0;
            var others = overlaps.TryGetValue((employee, r.SessionId), out var list) ? list.Where(byId.ContainsKey).Select(id => SessionRow.Of(byId[id])).ToList() : [];
            return new MyPlace(SessionRow.Of(byId[r.SessionId]), r, position, others, attendance.GetValueOrDefault(r.SessionId));
        }

        var result = new List<MyProgramme>();
        foreach (var e in enrolments)
        {
            var registrationsHere = mine.Where(r => byId.TryGetValue(r.SessionId, out var s) && s.ProgrammeId == e.ProgrammeId).ToList();
            var current = registrationsHere.FirstOrDefault(r => r.IsActive && byId[r.SessionId].EndsAtUtc > now);
            var past = new List<MyPlace>();
            foreach (var r in registrationsHere.Where(r => r != current).OrderByDescending(r => byId[r.SessionId].StartsAtUtc))
            {
                past.Add(await PlaceAsync(r));
            }

            var choices = sessions.Where(s => s.ProgrammeId == e.ProgrammeId && !s.IsCancelled && s.StartsAtUtc > now)
                .OrderBy(s => s.StartsAtUtc)
                .Select(s => new SessionChoice(SessionRow.Of(s), Count(s.Id, RegistrationState.Registered), Count(s.Id, RegistrationState.Waitlisted)))
                .ToList();
            result.Add(new MyProgramme(e.ProgrammeId, e.Title, e.State, e.DueDate, current is null ? null : await PlaceAsync(current), past, choices));
        }

        Programmes = result;
    }
}
