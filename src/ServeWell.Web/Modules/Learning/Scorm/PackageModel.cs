using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Scorm;

/// <summary>One package: what it launches (each item can be previewed) and how far learners are, per item.</summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class PackageModel(ServeWellDbContext db) : PageModel
{
    public sealed record Item(ScormSco Sco, int Learners, int Completed, decimal? AverageScore);

    public ScormPackage Package { get; private set; } = null!;

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var package = await db.Set<ScormPackage>().AsNoTracking().Include(p => p.Scos).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (package is null)
        {
            return NotFound();
        }

        Package = package;
        var scoIds = package.Scos.Select(s => s.Id).ToList();
        var figures = await db.Set<ScormAttempt>().AsNoTracking().Where(a => scoIds.Contains(a.ScoId))
            .GroupBy(a => a.ScoId)
            .Select(g => new { ScoId = g.Key, Learners = g.Count(), Completed = g.Count(a => a.CompletedAt != null), Average = g.Average(a => a.ScoreRaw) })
            .ToListAsync(cancellationToken);
        Items = [.. package.Scos.OrderBy(s => s.Position).Select(s =>
        {
            var f = figures.FirstOrDefault(x => x.ScoId == s.Id);
            return new Item(s, f?.Learners ?? 0, f?.Completed ?? 0, f?.Average is { } a ? Math.Round(a, 1) : null);
        })];
        return Page();
    }
}
