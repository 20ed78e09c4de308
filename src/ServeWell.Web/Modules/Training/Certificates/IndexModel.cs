using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Certificates;

/// <summary>Certificates of the people in the reader's scope, newest first, with their status today (valid, expired, revoked).</summary>
[Authorize(Policy = Policies.ViewCompliance)]
public sealed class IndexModel(ServeWellDbContext db, StaffScope scope, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "programmeId")]
    public int? ProgrammeId { get; set; }

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Certificate> Certificates { get; private set; } = [];

    public IReadOnlyList<(int Id, string Title)> Programmes { get; private set; } = [];

    public int Total { get; private set; }

    public bool CanRevoke { get; private set; }

    public DateOnly Today { get; } = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var visible = (await scope.GetAsync(cancellationToken)).Apply(db.Employees).Select(e => e.Id);
        var query = db.Certificates.AsNoTracking().Where(c => visible.Contains(c.EmployeeId));
        if (ProgrammeId is { } programme)
        {
            query = query.Where(c => c.ProgrammeId == programme);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            var code = IssueCertificate.NormaliseCode(q);
            query = query.Where(c => c.EmployeeName.Contains(q) || c.Code == code);
        }

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Max(1, PageNumber);
        Certificates = await query.OrderByDescending(c => c.IssuedAtUtc).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Programmes = (await db.Programmes.AsNoTracking().Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, Title: p.Title.ToString())).OrderBy(p => p.Title, StringComparer.CurrentCulture).ToList();
        CanRevoke = (await authorization.AuthorizeAsync(User, Policies.ManageTraining)).Succeeded;
    }
}
