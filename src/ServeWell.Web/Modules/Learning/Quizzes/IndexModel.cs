using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>The quizzes: officers edit them; officers and supervisors open their results (ADR-044).</summary>
[Authorize(Policy = Policies.ViewCompliance)]
public sealed class IndexModel(ServeWellDbContext db, IAuthorizationService authorization) : PageModel
{
    public sealed record Row(int Id, string Title, int Questions, int PassPercent, int? MaxAttempts, int? TimeLimitMinutes, int Attempts, bool Archived);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MayEdit = (await authorization.AuthorizeAsync(User, Policies.ManageTraining)).Succeeded;
        var quizzes = await db.Quizzes.AsNoTracking().Include(q => q.Draws).OrderByDescending(q => q.Id).ToListAsync(cancellationToken);
        var attempts = await db.QuizAttempts.Where(a => a.SubmittedAtUtc != null).GroupBy(a => a.QuizId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, cancellationToken);
        Rows = [.. quizzes.Select(q => new Row(q.Id, q.Title.ToString(), q.Draws.Sum(d => d.Count), q.PassPercent, q.MaxAttempts, q.TimeLimitMinutes, attempts.GetValueOrDefault(q.Id), q.ArchivedAtUtc is not null))];
    }
}
